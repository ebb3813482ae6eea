package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.memory.Reach;
import dev.ebpfjvm.core.memory.RegionKind;

/**
 * {@code bpf_tail_call(ctx, prog_array, index)} (helper 12), as both engines run it: when the
 * slot holds a program and the run has made fewer than 33 tail calls, the engine enters the target
 * on the current stack frame with r1 unchanged and returns its r0 as the caller's own exit;
 * otherwise the call falls through and execution goes on after it, as in the kernel (there is no
 * return value then; engines set r0 to {@link #FALL_THROUGH_R0}).
 */
public final class TailCalls {
    /** The helper id of {@code bpf_tail_call}. */
    public static final int HELPER_ID = 12;
    /** r0 after a tail call that falls through (the kernel leaves it undefined; we fix it for reproducibility). */
    public static final long FALL_THROUGH_R0 = -2; // -ENOENT

    private TailCalls() {}

    /**
     * Resolves a tail call and counts it.
     *
     * @param progArray r2: the address of the prog array map
     * @param index r3: the slot
     * @return the program to enter, or null when the call falls through
     */
    public static Executable resolve(ProgramContext ctx, long progArray, long index) {
        Object owner = ctx.memory().ownerAt(progArray, RegionKind.MAP);
        if (!(owner instanceof ProgramArray)) {
            return null;
        }
        Executable target = ((ProgramArray) owner).target(index & 0xffffffffL);
        if (target == null || !ctx.tryTailCall()) {
            return null;
        }
        return target;
    }

    /**
     * Enters a tail call's target on the caller's frame, reaching the target's regions while it
     * runs (a prog array may hold programs of other objects) and the caller's again after, for a
     * caller that is a subprogram and goes on.
     *
     * @param r2 unused, 0: the signature matches {@link Executable#execute} so engines call either alike
     * @return the target's r0
     */
    public static long enter(Executable target, ProgramContext ctx, long r1, long r2, int frame) {
        Memory memory = ctx.memory();
        Reach caller = memory.reach();
        memory.setReach(target.program().reach());
        try {
            return target.execute(ctx, r1, r2, frame);
        } finally {
            memory.setReach(caller);
        }
    }
}
