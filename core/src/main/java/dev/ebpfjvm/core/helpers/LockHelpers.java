package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Memory;

/**
 * {@code bpf_spin_lock} and {@code bpf_spin_unlock} (kernel/bpf/helpers.c, v6.18) on the 4-byte
 * {@code struct bpf_spin_lock} inside a map value: a test-and-set lock on the value's bytes with
 * the VarHandle's volatile compare-and-set, so runs on different threads exclude each other as
 * programs on different CPUs do. The verifier guarantees a program never holds two locks and
 * always unlocks; at run time an unaligned lock faults.
 */
public final class LockHelpers {
    private LockHelpers() {
    }

    /** {@code long bpf_spin_lock(struct bpf_spin_lock *lock)}: spins until the lock is taken; returns 0. */
    public static long spinLock(ProgramContext ctx, long lock, long r2, long r3, long r4, long r5) {
        byte[] bytes = ctx.memory().writable(lock);
        int i = index(bytes, lock);
        while (!LittleEndian.INT.compareAndSet(bytes, i, 0, 1)) {
            Thread.onSpinWait();
        }
        return 0;
    }

    /** {@code long bpf_spin_unlock(struct bpf_spin_lock *lock)}: releases the lock; returns 0. */
    public static long spinUnlock(ProgramContext ctx, long lock, long r2, long r3, long r4, long r5) {
        byte[] bytes = ctx.memory().writable(lock);
        LittleEndian.INT.setVolatile(bytes, index(bytes, lock), 0);
        return 0;
    }

    private static int index(byte[] bytes, long lock) {
        int i = Memory.checkedIndex(bytes, lock, 4);
        if ((i & 3) != 0) {
            throw new ProgramFaultException(-1, "bpf_spin_lock at unaligned offset " + i);
        }
        return i;
    }
}
