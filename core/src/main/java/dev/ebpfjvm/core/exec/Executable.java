package dev.ebpfjvm.core.exec;

/**
 * A program ready to run, from either engine. Implementations are reentrant and may run on many
 * threads at once, each with its own {@link ProgramContext}.
 *
 * <p>Faults never escape as JDK exceptions: a run either returns r0 or throws
 * {@link dev.ebpfjvm.core.ProgramFaultException}.
 */
public interface Executable extends AutoCloseable {

    /**
     * Runs the program from its entry with r1 = {@link ProgramContext#entryR1()} and
     * r2 = {@link ProgramContext#entryR2()}, on stack frame 0, reaching only the regions of its
     * {@link Program#reach()}.
     *
     * However the run ends, the spin lock it still holds is released ({@link ProgramContext#endRun()}).
     *
     * @return r0 at the final exit, all 64 bits
     */
    default long run(ProgramContext ctx) {
        ctx.beginRun();
        ctx.memory().setReach(program().reach());
        try {
            return execute(ctx, ctx.entryR1(), ctx.entryR2(), 0);
        } finally {
            ctx.endRun();
        }
    }

    /**
     * Runs the program from its entry with the given r1 and r2 on the given stack frame; a tail
     * call enters its target this way, keeping the caller's frame.
     *
     * @param frame the call depth whose 512-byte stack frame the entry function uses
     * @return r0 at the exit of the entry function
     */
    long execute(ProgramContext ctx, long r1, long r2, int frame);

    /** {@return the program this executable runs} */
    Program program();

    /** Releases what the engine holds for this program (a JIT's class becomes unloadable). */
    @Override
    default void close() {}
}
