package dev.ebpfjvm.core.helpers;

/**
 * The kernel error numbers helpers return, negated as helpers return them
 * ({@code include/uapi/asm-generic/errno-base.h}, {@code errno.h}, and {@code ENOTSUPP} from
 * {@code include/linux/errno.h}).
 */
public final class Errno {
    /** {@code -ENOENT}. */
    public static final long ENOENT = -2;
    /** {@code -E2BIG}. */
    public static final long E2BIG = -7;
    /** {@code -EAGAIN}. */
    public static final long EAGAIN = -11;
    /** {@code -ENOMEM}. */
    public static final long ENOMEM = -12;
    /** {@code -EACCES}. */
    public static final long EACCES = -13;
    /** {@code -EFAULT}. */
    public static final long EFAULT = -14;
    /** {@code -EBUSY}. */
    public static final long EBUSY = -16;
    /** {@code -EINVAL}. */
    public static final long EINVAL = -22;
    /** {@code -ENOSPC}. */
    public static final long ENOSPC = -28;
    /** {@code -ERANGE}. */
    public static final long ERANGE = -34;
    /** {@code -EOPNOTSUPP}. */
    public static final long EOPNOTSUPP = -95;
    /** {@code -EALREADY}. */
    public static final long EALREADY = -114;
    /** {@code -ENOTSUPP}: the kernel-internal 524, which helpers leak to programs. */
    public static final long ENOTSUPP = -524;

    private Errno() {
    }
}
