package dev.ebpfjvm.core.net;

import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.helpers.TcHelpers;
import dev.ebpfjvm.core.isa.Assembler;

/** Small tc programs for the network tests, assembled and run on the interpreter. */
final class Progs {
    static final int NEXT = -1;
    static final int PASS = 0;
    static final int DROP = 2;
    static final int REDIRECT = 7;
    /** The length the tracing programs need: a counter at 14, ids from 15 on. */
    static final int TRACE_FRAME = 128;

    private Progs() {}

    static NetProgram load(Network net, String name, String asm) {
        return load(net, name, asm, "interpreter");
    }

    static NetProgram load(Network net, String name, String asm, String engine) {
        return net.program(
                name, Engines.byName(engine).load(new Program(name, Assembler.assemble(asm), TcHelpers.registry())));
    }

    /** {@return a program that returns a constant} */
    static NetProgram constant(Network net, String name, int code) {
        return load(net, name, "mov %r0, " + code + "\nexit");
    }

    /** {@return a program returning {@code bpf_redirect(ifindex, flags)}} */
    static NetProgram redirect(Network net, String name, int ifindex, int flags) {
        return load(net, name, "mov %r1, " + ifindex + "\nmov %r2, " + flags + "\ncall 23\nexit");
    }

    /** {@return a program returning {@code bpf_redirect_peer(ifindex, 0)}} */
    static NetProgram redirectPeer(Network net, String name, int ifindex) {
        return load(net, name, "mov %r1, " + ifindex + "\nmov %r2, 0\ncall 155\nexit");
    }

    /** {@return a program that clones the frame to a device ({@code bpf_clone_redirect}) and returns a code} */
    static NetProgram cloneTo(Network net, String name, int ifindex, int flags, int code) {
        return load(
                net, name, "mov %r2, " + ifindex + "\nmov %r3, " + flags + "\ncall 13\nmov %r0, " + code + "\nexit");
    }

    /**
     * {@return a program that appends {@code tag} to the trace in the frame (byte 14 counts the
     * entries, byte 15 on hold them) and returns a code}
     */
    static NetProgram tracing(Network net, String name, int tag, int code) {
        return tracing(net, name, tag, code, "interpreter");
    }

    static NetProgram tracing(Network net, String name, int tag, int code, String engine) {
        return load(
                net,
                name,
                String.join(
                        "\n",
                        "ldxw %r2, [%r1+76]",
                        "ldxw %r3, [%r1+80]",
                        "mov %r4, %r2",
                        "add %r4, " + TRACE_FRAME,
                        "jgt %r4, %r3, out",
                        "ldxb %r5, [%r2+14]",
                        "mov %r6, %r2",
                        "add %r6, %r5",
                        "stb [%r6+15], " + tag,
                        "add %r5, 1",
                        "stxb [%r2+14], %r5",
                        "out:",
                        "mov %r0, " + code,
                        "exit"),
                engine);
    }

    /** {@return a test frame of a length: broadcast, ethertype 0x88B5} */
    static byte[] frame(int length) {
        byte[] f = new byte[length];
        for (int i = 0; i < 6; i++) {
            f[i] = (byte) 0xff;
        }
        f[6] = 2;
        f[11] = 1;
        f[12] = (byte) 0x88;
        f[13] = (byte) 0xb5;
        return f;
    }
}
