package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.helpers.TcHelpers;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.skb.Devices;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether an engine can run tc programs at all: it must route context loads through the run's
 * {@link dev.ebpfjvm.core.memory.ContextModel} ({@code Memory.load} does; an engine that reads the
 * context region as bytes does not). Tests of tc programs skip an engine that cannot, with the
 * engine's error as the reason, so that they run as soon as the engine can.
 */
final class EngineSupport {
    private EngineSupport() {
    }

    /** Skips the calling test when the engine cannot read {@code skb->len} (a 4-byte load at context offset 0). */
    static void assumeModelContext(Engine engine) {
        Program probe = new Program("probe", Assembler.assemble("ldxw %r0, [%r1+0]\nexit\n"), TcHelpers.registry());
        ProgramContext ctx = new ProgramContext();
        SkBuffContext.install(ctx, Skb.of(new byte[17]), Devices.loopbackOnly());
        String problem;
        try (Executable exe = engine.load(probe)) {
            long len = exe.run(ctx);
            problem = len == 17 ? null : "skb->len read as " + len;
        } catch (EbpfException e) {
            problem = e.getMessage();
        }
        String reason = problem;
        Assumptions.assumeTrue(reason == null, () -> "engine '" + engine.name()
                + "' does not route __sk_buff loads through the context model: " + reason);
    }

    /**
     * Skips the calling test when a run faulted because the engine does not implement the
     * {@link dev.ebpfjvm.core.exec.Callback} contract (bpf_loop found no function at the address
     * the engine gave the program); other faults are left to fail the test.
     */
    static void assumeNoCallbackFault(Engine engine, ProgramFaultException e) {
        Assumptions.assumeFalse(e.getMessage().contains("is not a function"), () -> "engine '" + engine.name()
                + "' does not implement exec.Callback for BPF_PSEUDO_FUNC addresses: " + e.getMessage());
    }
}
