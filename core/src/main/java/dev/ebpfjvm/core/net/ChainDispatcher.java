package dev.ebpfjvm.core.net;

import dev.ebpfjvm.core.exec.ProgramContext;

/**
 * The compiled form of one chain snapshot: runs its programs in order as {@code tcx_run()} does and
 * returns the first code other than {@code TCX_NEXT} (-1), or -1 when every program said NEXT. The
 * {@link #loop(NetProgram[]) loop} form calls the programs through one call site; a
 * {@link ChainCompiler} may generate a class per snapshot that calls each program at its own call
 * site, so that the JVM inlines the whole chain (the jit module's {@code ChainDispatchers}).
 */
@FunctionalInterface
public interface ChainDispatcher {
    /** {@code TCX_NEXT}. */
    int TCX_NEXT = -1;

    /**
     * Runs the chain on one frame.
     *
     * @param ctx the run's context, reused for each program
     * @param run installs the frame and counts each program's code
     * @return the chain's code
     */
    int run(ProgramContext ctx, ChainRun run);

    /** {@return the plain loop over the programs} */
    static ChainDispatcher loop(NetProgram[] programs) {
        NetProgram[] p = programs.clone();
        return (ctx, run) -> {
            for (int i = 0; i < p.length; i++) {
                run.enter(ctx, i);
                int code = run.exit(i, p[i].executable().run(ctx));
                if (code != TCX_NEXT) {
                    return code;
                }
            }
            return TCX_NEXT;
        };
    }
}
