package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.skb.Devices;
import dev.ebpfjvm.core.skb.EthTypeTrans;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** A run context holding an skb received on loopback, with program memory on the stack, for helper tests. */
final class Harness {
    static final long MONO_NS = 1_000_000;
    static final long BOOT_NS = 2_000_000;
    private static final byte[] ZERO_MAC = new byte[6];

    final List<String> trace = new ArrayList<>();
    final ProgramContext ctx;
    final SkBuffContext sb;

    private Harness(Skb skb, Devices devices) {
        Environment env = new Environment(() -> MONO_NS, () -> BOOT_NS, new Random(7), trace::add, 4);
        ctx = TestRegions.context(env);
        sb = SkBuffContext.install(ctx, skb, devices);
    }

    /** {@return a harness whose skb holds a frame (hex), classified as test-run does} */
    static Harness frame(String hex) {
        return frame(hex, Devices.loopbackOnly());
    }

    static Harness frame(String hex, Devices devices) {
        Skb skb = Skb.of(HexFormat.of().parseHex(hex));
        EthTypeTrans.apply(skb, 1, ZERO_MAC, ZERO_MAC);
        skb.meta().setWireLen(skb.len());
        return new Harness(skb, devices);
    }

    /** An Ethernet + IPv4 + UDP frame with valid checksums: 10.0.0.1:1000 -> 10.0.0.2:53, 4 payload bytes.
     * Built with the kernel oracle's pkt.py. */
    static final String IPV4_UDP = "000000000000" + "020000000001" + "0800"
            + "45000020" + "00010000" + "401166ca" + "0a000001" + "0a000002"
            + "03e80035" + "000c" + "e3b0" + "01020304";

    Skb skb() {
        return sb.skb();
    }

    /** {@return the address of byte {@code off} of stack frame 0} */
    static long stack(int off) {
        return Memory.framePointer(0) - Memory.FRAME_SIZE + off;
    }

    void put(long address, byte[] bytes) {
        ctx.memory().write(address, bytes, 0, bytes.length);
    }

    void putHex(long address, String hex) {
        put(address, HexFormat.of().parseHex(hex));
    }

    byte[] get(long address, int n) {
        return ctx.memory().read(address, n);
    }

    String data() {
        return HexFormat.of().formatHex(skb().bytes());
    }
}
