package dev.ebpfjvm.core.exec;

/**
 * A helper function with the BPF calling convention: r1–r5 in, r0 out. Engines save r6–r9
 * themselves; a helper sees only its arguments and the run's context.
 */
@FunctionalInterface
public interface Helper {
    /**
     * Calls the helper.
     *
     * @return the value of r0 after the call
     */
    long call(ProgramContext ctx, long r1, long r2, long r3, long r4, long r5);
}
