package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.exec.Atomics;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AtomicOp;

/**
 * {@code bpf_spin_lock} and {@code bpf_spin_unlock} (kernel/bpf/helpers.c, v6.18) on the 4-byte
 * {@code struct bpf_spin_lock} inside a map value: a test-and-set lock taken with the engines'
 * own atomic compare-and-exchange ({@link Atomics}), so that runs on different threads exclude
 * each other as programs on different CPUs do, on every JDK. The verifier guarantees that a
 * program never holds two locks and always unlocks; at run time a misaligned lock faults.
 */
public final class LockHelpers {
    private LockHelpers() {
    }

    /** {@code long bpf_spin_lock(struct bpf_spin_lock *lock)}: spins until the lock is taken; returns 0. */
    public static long spinLock(ProgramContext ctx, long lock, long r2, long r3, long r4, long r5) {
        while (Atomics.apply(ctx.memory(), lock, 4, AtomicOp.CMPXCHG, 1, 0) != 0) {
            Thread.onSpinWait();
        }
        return 0;
    }

    /** {@code long bpf_spin_unlock(struct bpf_spin_lock *lock)}: releases the lock; returns 0. */
    public static long spinUnlock(ProgramContext ctx, long lock, long r2, long r3, long r4, long r5) {
        Atomics.apply(ctx.memory(), lock, 4, AtomicOp.XCHG, 0, 0);
        return 0;
    }
}
