package dev.ebpfjvm.core.runtime;

import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.elf.ProgramType;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.net.NetProgram;

/**
 * A loaded program: its identity (name, id, type) and the ways to run it. The executable runs on
 * any number of threads at once, each with its own {@link ProgramContext}
 * ({@link BpfRuntime#newContext()}).
 */
public final class BpfProgram {
    private final BpfRuntime runtime;
    private final ProgramSpec spec;
    private final NetProgram netProgram;

    BpfProgram(BpfRuntime runtime, ProgramSpec spec, NetProgram netProgram) {
        this.runtime = runtime;
        this.spec = spec;
        this.netProgram = netProgram;
    }

    /** {@return the program's name (its C function name)} */
    public String name() {
        return spec.name();
    }

    /** {@return the program's id, unique in its runtime like the kernel's prog id} */
    public int id() {
        return netProgram.id();
    }

    /** {@return the program type its section gives} */
    public ProgramType type() {
        return spec.type();
    }

    /** {@return the ELF section the program came from} */
    public String section() {
        return spec.section();
    }

    /** {@return the engine's executable, for hosts that run the program on contexts of their own} */
    public Executable executable() {
        return netProgram.executable();
    }

    /**
     * {@return the program as the runtime's {@link BpfRuntime#network() network} knows it, to attach
     * to a device's tcx hook ({@code network.attachTcx(...)}) or look up by id}
     */
    public NetProgram netProgram() {
        return netProgram;
    }

    /**
     * Runs the program on a plain memory buffer, the conformance suite's convention: r1 points at the
     * buffer's first byte, r2 holds its length, and the program may read and write the buffer.
     *
     * @return r0 at exit, all 64 bits
     * @throws dev.ebpfjvm.core.ProgramFaultException naming the instruction when the run faults
     */
    public long run(byte[] memory) {
        return executable().run(runtime.newContext().withBuffer(memory));
    }

    /**
     * Runs a tc program once on a frame, as {@code BPF_PROG_TEST_RUN} does (and times it over
     * {@link TestRun#repeat()} further runs when that is above 0); the result's frame and fields are the first run's.
     *
     * @throws TestRunException with the kernel's errno for input the kernel refuses
     * @throws UnsupportedFeatureException for a program that is not of a tc type
     * @throws dev.ebpfjvm.core.ProgramFaultException naming the instruction when the run faults
     */
    public TestRunResult testRun(TestRun run) {
        if (spec.type() != ProgramType.SCHED_CLS && spec.type() != ProgramType.SCHED_ACT) {
            throw new UnsupportedFeatureException(
                    "program '" + name() + "': test runs take tc programs, not " + spec.type());
        }
        return SkbTestRun.run(executable(), runtime.newContext(), run);
    }

    /**
     * {@return a context holding the skb a test run of this frame starts from}, for hosts and
     * benchmarks that run {@link #executable()} on it many times (each run sees the previous runs'
     * changes to the packet); {@code SkBuffContext.of(ctx).skb()} is the skb
     *
     * @throws TestRunException with the kernel's errno for input the kernel refuses
     */
    public ProgramContext testRunContext(TestRun run) {
        ProgramContext ctx = runtime.newContext();
        SkbTestRun.prepare(ctx, run.data(), run.ctx());
        return ctx;
    }

    @Override
    public String toString() {
        return "BpfProgram[" + id() + " " + name() + " " + spec.type() + "]";
    }
}
