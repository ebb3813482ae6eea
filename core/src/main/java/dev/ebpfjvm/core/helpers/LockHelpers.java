package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Atomics;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.memory.Address;

/**
 * {@code bpf_spin_lock} and {@code bpf_spin_unlock} (kernel/bpf/helpers.c, v6.18) on the 4-byte
 * {@code struct bpf_spin_lock} inside a map value: a test-and-set lock taken with the engines'
 * own atomic compare-and-exchange ({@link Atomics}), so that runs on different threads exclude
 * each other as programs on different CPUs do, on every JDK. The verifier guarantees that a
 * program never holds two locks and always unlocks; for unverified programs the run checks it
 * itself, so that a lock never spins forever: taking a lock while the run holds one faults (a
 * deadlock, or two locks), the lock a run still holds is released when it ends
 * ({@link ProgramContext#endRun()}, after a fault or an exhausted budget), and a lock that stays
 * taken for {@link #MAX_SPIN_NANOS} (a value a program or user space stored, never a running
 * program) faults. At run time a misaligned lock faults.
 */
public final class LockHelpers {
    private LockHelpers() {}

    /** The longest a run waits for a lock another run holds, in nanoseconds: one second. */
    public static final long MAX_SPIN_NANOS = 1_000_000_000L;

    /**
     * {@code long bpf_spin_lock(struct bpf_spin_lock *lock)}: spins until the lock is taken; returns 0.
     *
     * @throws ProgramFaultException when the run already holds a lock (this one: a deadlock), or the
     *     lock stays taken for {@link #MAX_SPIN_NANOS}
     */
    public static long spinLock(ProgramContext ctx, long lock, long r2, long r3, long r4, long r5) {
        long held = ctx.heldLock();
        if (held == lock) {
            throw new ProgramFaultException(
                    -1, "bpf_spin_lock: deadlock, the run already holds the lock at " + Address.toString(lock));
        }
        if (held != ProgramContext.NO_LOCK) {
            throw new ProgramFaultException(
                    -1,
                    "bpf_spin_lock: the run already holds the lock at " + Address.toString(held)
                            + " (only one lock may be held at a time)");
        }
        if (Atomics.apply(ctx.memory(), lock, 4, AtomicOp.CMPXCHG, 1, 0) != 0) {
            long start = System.nanoTime();
            while (Atomics.apply(ctx.memory(), lock, 4, AtomicOp.CMPXCHG, 1, 0) != 0) {
                if (System.nanoTime() - start > MAX_SPIN_NANOS) {
                    throw new ProgramFaultException(
                            -1,
                            "bpf_spin_lock: the lock at " + Address.toString(lock) + " stayed taken for "
                                    + MAX_SPIN_NANOS / 1_000_000 + " ms");
                }
                Thread.onSpinWait();
            }
        }
        ctx.setHeldLock(lock);
        return 0;
    }

    /** {@code long bpf_spin_unlock(struct bpf_spin_lock *lock)}: releases the lock; returns 0. */
    public static long spinUnlock(ProgramContext ctx, long lock, long r2, long r3, long r4, long r5) {
        Atomics.apply(ctx.memory(), lock, 4, AtomicOp.XCHG, 0, 0);
        if (ctx.heldLock() == lock) {
            ctx.setHeldLock(ProgramContext.NO_LOCK);
        }
        return 0;
    }
}
