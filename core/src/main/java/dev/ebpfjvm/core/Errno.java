package dev.ebpfjvm.core;

/**
 * The kernel error numbers ebpf-jvm reports, with their Linux values (include/uapi/asm-generic/
 * errno-base.h, errno.h and the kernel-internal include/linux/errno.h). Helpers return them negated
 * to programs ({@link #negative()}); the user-space APIs throw exceptions that carry them, as the
 * {@code bpf(2)} syscall sets {@code errno}.
 */
public enum Errno {
    /** {@code EPERM}: operation not permitted (a frozen or read-only map). */
    EPERM(1),
    /** {@code ENOENT}: no such element, or no such pinned path. */
    ENOENT(2),
    /** {@code E2BIG}: a map is full, an index is out of range, a size is too large. */
    E2BIG(7),
    /** {@code EBADF}: not a valid object for the operation. */
    EBADF(9),
    /** {@code EAGAIN}: try again ({@code bpf_ringbuf_output} with a full ring). */
    EAGAIN(11),
    /** {@code ENOMEM}: out of memory (an LRU map without free nodes, an allocation too large). */
    ENOMEM(12),
    /** {@code EACCES}: permission denied ({@code bpf_csum_level} queried on an skb whose checksum is not verified). */
    EACCES(13),
    /** {@code EFAULT}: bad address. */
    EFAULT(14),
    /** {@code EBUSY}: resource busy. */
    EBUSY(16),
    /** {@code EEXIST}: the element (or pinned path) already exists. */
    EEXIST(17),
    /** {@code ENODEV}: no such device. */
    ENODEV(19),
    /** {@code EINVAL}: invalid argument (bad flags, sizes, types). */
    EINVAL(22),
    /** {@code ENOSPC}: no space left. */
    ENOSPC(28),
    /** {@code ERANGE}: result out of range. */
    ERANGE(34),
    /** {@code ENODATA}: no data available. */
    ENODATA(61),
    /** {@code ENOLINK}: the link has been severed (a tcx link whose device is gone or that was detached). */
    ENOLINK(67),
    /** {@code EOPNOTSUPP}: operation not supported (the user-visible one). */
    EOPNOTSUPP(95),
    /** {@code ENETDOWN}: the network is down (a device that is down, a transmit recursion cut). */
    ENETDOWN(100),
    /** {@code ENOBUFS}: no buffer space (a frame the egress hook dropped, as a packet socket's send sees it). */
    ENOBUFS(105),
    /** {@code EALREADY}: already in progress ({@code bpf_skb_adjust_room} encapsulating twice). */
    EALREADY(114),
    /** {@code ESTALE}: a stale handle (a tcx {@code expected_revision} that is not the chain's revision). */
    ESTALE(116),
    /**
     * {@code ENOTSUPP}: the kernel-internal "operation not supported" (524), which {@code bpf(2)}
     * nevertheless returns for map operations a map type lacks (ring buffer lookups, LRU maps with
     * {@code BPF_F_NO_PREALLOC}).
     */
    ENOTSUPP(524);

    private final int code;

    Errno(int code) {
        this.code = code;
    }

    /** {@return the positive error number} */
    public int code() {
        return code;
    }

    /** {@return the negated error number, as a helper returns it in r0} */
    public long negative() {
        return -code;
    }

    /** {@return the errno of a positive or negative number, or null when it is not one of these} */
    public static Errno of(long code) {
        long positive = Math.abs(code);
        for (Errno e : values()) {
            if (e.code == positive) {
                return e;
            }
        }
        return null;
    }
}
