package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The update-flag rules the hash map family shares (check_flags() and the flag tests of the
 * update functions in kernel/bpf/hashtab.c).
 */
final class UpdateFlags {
    /** The CPU argument that means "a user-space value holding every CPU's value". */
    static final int ALL_CPUS = -1;

    private UpdateFlags() {}

    /**
     * {@return -EINVAL unless flags is BPF_ANY, BPF_NOEXIST or BPF_EXIST}: unknown flags are
     * EINVAL, and so is {@code BPF_F_LOCK}, since no value here holds a {@code bpf_spin_lock}.
     */
    static int check(long flags) {
        return flags == MapAccess.ANY || flags == MapAccess.NOEXIST || flags == MapAccess.EXIST
                ? 0
                : (int) Errno.EINVAL.negative();
    }

    /** check_flags(): {@return -EEXIST, -ENOENT or 0 for an element that exists or not} */
    static int checkExistence(boolean exists, long flags) {
        if (exists && flags == MapAccess.NOEXIST) {
            return (int) Errno.EEXIST.negative();
        }
        if (!exists && flags == MapAccess.EXIST) {
            return (int) Errno.ENOENT.negative();
        }
        return 0;
    }

    /** Counts one more element unless the count has reached max. {@return false when full} */
    static boolean tryIncrement(AtomicInteger count, int max) {
        int n;
        do {
            n = count.get();
            if (Integer.compareUnsigned(n, max) >= 0) {
                return false;
            }
        } while (!count.compareAndSet(n, n + 1));
        return true;
    }
}
