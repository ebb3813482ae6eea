package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.skb.ChecksumState;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.skb.SkbMetadata;

/**
 * The checksum helpers: {@code bpf_l3_csum_replace}, {@code bpf_l4_csum_replace},
 * {@code bpf_csum_diff}, {@code bpf_csum_update} and {@code bpf_csum_level} (net/core/filter.c,
 * v6.18). The model's skbs are never {@code CHECKSUM_PARTIAL} or {@code CHECKSUM_COMPLETE}, so
 * the in-place updates are the plain incremental ones and {@code BPF_F_PSEUDO_HDR} and
 * {@code BPF_F_IPV6} change nothing, as on a test-run skb.
 */
public final class CsumHelpers {
    /** {@code BPF_F_HDR_FIELD_MASK}: the size (0, 2 or 4) of the changed field. */
    public static final long F_HDR_FIELD_MASK = 0xf;
    /** {@code BPF_F_PSEUDO_HDR}. */
    public static final long F_PSEUDO_HDR = 1 << 4;
    /** {@code BPF_F_MARK_MANGLED_0}: a UDP checksum of 0 (none) stays 0; a result of 0 becomes 0xffff. */
    public static final long F_MARK_MANGLED_0 = 1 << 5;
    /** {@code BPF_F_MARK_ENFORCE}. */
    public static final long F_MARK_ENFORCE = 1 << 6;
    /** {@code BPF_F_IPV6}. */
    public static final long F_IPV6 = 1 << 7;
    /** {@code BPF_CSUM_LEVEL_QUERY}. */
    public static final long CSUM_LEVEL_QUERY = 0;
    /** {@code BPF_CSUM_LEVEL_INC}. */
    public static final long CSUM_LEVEL_INC = 1;
    /** {@code BPF_CSUM_LEVEL_DEC}. */
    public static final long CSUM_LEVEL_DEC = 2;
    /** {@code BPF_CSUM_LEVEL_RESET}. */
    public static final long CSUM_LEVEL_RESET = 3;
    /** {@code SKB_MAX_CSUM_LEVEL}. */
    static final int MAX_CSUM_LEVEL = 3;
    /** {@code CSUM_MANGLED_0}. */
    static final int CSUM_MANGLED_0 = 0xffff;

    private CsumHelpers() {}

    /**
     * {@code long bpf_l3_csum_replace(skb, u32 offset, u64 from, u64 to, u64 flags)}: updates the
     * 16-bit checksum at {@code offset} for a field that changed from {@code from} to {@code to}
     * (2 or 4 bytes, from the low bits of {@code flags}), or by the difference {@code to} (size 0).
     */
    public static long l3CsumReplace(ProgramContext ctx, long skbPtr, long offset, long from, long to, long flags) {
        if ((flags & ~F_HDR_FIELD_MASK) != 0) {
            return Errno.EINVAL.negative();
        }
        Skb skb = SkBuffContext.of(ctx).skb();
        int at = checkIndex(skb, offset);
        if (at < 0) {
            return Errno.EFAULT.negative();
        }
        int updated = replaced(LittleEndian.getU16(skb.buffer(), at), from, to, flags, false);
        if (updated < 0) {
            return Errno.EINVAL.negative();
        }
        LittleEndian.putU16(skb.buffer(), at, updated);
        return 0;
    }

    /**
     * {@code long bpf_l4_csum_replace(skb, u32 offset, u64 from, u64 to, u64 flags)}: as
     * {@link #l3CsumReplace}, with {@code BPF_F_MARK_MANGLED_0} for UDP (a zero checksum is left
     * alone unless {@code BPF_F_MARK_ENFORCE}, and a zero result is written as 0xffff). A 2-byte
     * field is handled as a 4-byte one, as {@code inet_proto_csum_replace2()} does.
     */
    public static long l4CsumReplace(ProgramContext ctx, long skbPtr, long offset, long from, long to, long flags) {
        if ((flags & ~(F_MARK_MANGLED_0 | F_MARK_ENFORCE | F_PSEUDO_HDR | F_HDR_FIELD_MASK | F_IPV6)) != 0) {
            return Errno.EINVAL.negative();
        }
        Skb skb = SkBuffContext.of(ctx).skb();
        int at = checkIndex(skb, offset);
        if (at < 0) {
            return Errno.EFAULT.negative();
        }
        boolean mangled0 = (flags & F_MARK_MANGLED_0) != 0;
        long check = LittleEndian.getU16(skb.buffer(), at);
        if (mangled0 && (flags & F_MARK_ENFORCE) == 0 && check == 0) {
            return 0;
        }
        int updated = replaced(check, from, to, flags, true);
        if (updated < 0) {
            return Errno.EINVAL.negative();
        }
        LittleEndian.putU16(skb.buffer(), at, mangled0 && updated == 0 ? CSUM_MANGLED_0 : updated);
        return 0;
    }

    /** {@return the buffer index of the checksum at a data offset (even, at most 0xffff, in the data), or -1} */
    private static int checkIndex(Skb skb, long offset) {
        long off = offset & 0xffffffffL;
        if (off > 0xffff || (off & 1) != 0 || !SkbDataHelpers.fits(skb, off + 2)) {
            return -1;
        }
        return skb.data() + (int) off;
    }

    /**
     * {@return the checksum updated for the field size in the low bits of {@code flags}, or -1
     * when the size is not 0, 2 or 4 or a difference comes with a non-zero {@code from}}
     *
     * @param twoAsFour whether a 2-byte field is updated as a zero-extended 4-byte one (layer 4)
     */
    private static int replaced(long check, long from, long to, long flags, boolean twoAsFour) {
        int c = (int) check;
        switch ((int) (flags & F_HDR_FIELD_MASK)) {
            case 0:
                return from != 0 ? -1 : Checksum.replaceByDiff(c, (int) to);
            case 2:
                return twoAsFour
                        ? Checksum.replace4(c, (int) from & 0xffff, (int) to & 0xffff)
                        : Checksum.replace2(c, (int) from & 0xffff, (int) to & 0xffff);
            case 4:
                return Checksum.replace4(c, (int) from, (int) to);
            default:
                return -1;
        }
    }

    /**
     * {@code s64 bpf_csum_diff(__be32 *from, u32 from_size, __be32 *to, u32 to_size, __wsum seed)}:
     * the checksum difference of two buffers, folded to 16 bits as since v6.13 (no size checks
     * remain; either pointer may be NULL with size 0):
     * <pre>
     *   to and from: csum_sub(csum_partial(to, seed), csum_partial(from, 0))
     *   to only:     csum_partial(to, seed)
     *   from only:   ~csum_partial(from, ~seed)
     *   neither:     seed
     *   result:      csum_from32to16(that)
     * </pre>
     */
    public static long csumDiff(ProgramContext ctx, long from, long fromSize, long to, long toSize, long seed) {
        int fromLen = (int) (fromSize & 0xffffffffL);
        int toLen = (int) (toSize & 0xffffffffL);
        int s = (int) seed;
        int sum;
        if (fromLen != 0 && toLen != 0) {
            sum = Checksum.sub(partial(ctx, to, toLen, s), partial(ctx, from, fromLen, 0));
        } else if (toLen != 0) {
            sum = partial(ctx, to, toLen, s);
        } else if (fromLen != 0) {
            sum = ~partial(ctx, from, fromLen, ~s);
        } else {
            sum = s;
        }
        return Checksum.from32to16(sum);
    }

    private static int partial(ProgramContext ctx, long address, int len, int seed) {
        return Checksum.partial(ctx.memory().read(address, len), 0, len, seed);
    }

    /**
     * {@code s64 bpf_csum_update(skb, __wsum csum)}: adds to {@code skb->csum} of a
     * {@code CHECKSUM_COMPLETE} skb; for every other skb, and so always in the model, -ENOTSUPP.
     */
    public static long csumUpdate(ProgramContext ctx, long skbPtr, long csum, long r3, long r4, long r5) {
        SkBuffContext.of(ctx);
        return Errno.ENOTSUPP.negative();
    }

    /**
     * {@code long bpf_csum_level(skb, u64 level)}: raises, lowers, resets or queries how many
     * checksum levels are known good ({@code CHECKSUM_UNNECESSARY}); a query of any other skb is
     * -EACCES, an unknown level -EINVAL.
     */
    public static long csumLevel(ProgramContext ctx, long skbPtr, long level, long r3, long r4, long r5) {
        SkbMetadata m = SkBuffContext.of(ctx).skb().meta();
        boolean unnecessary = m.checksum() == ChecksumState.UNNECESSARY;
        if (level == CSUM_LEVEL_INC) {
            if (!unnecessary) {
                m.setChecksum(ChecksumState.UNNECESSARY, 0);
            } else if (m.csumLevel() < MAX_CSUM_LEVEL) {
                m.setChecksum(ChecksumState.UNNECESSARY, m.csumLevel() + 1);
            }
        } else if (level == CSUM_LEVEL_DEC) {
            if (unnecessary) {
                m.setChecksum(
                        m.csumLevel() == 0 ? ChecksumState.NONE : ChecksumState.UNNECESSARY,
                        Math.max(0, m.csumLevel() - 1));
            }
        } else if (level == CSUM_LEVEL_RESET) {
            m.setChecksum(ChecksumState.NONE, 0);
        } else if (level == CSUM_LEVEL_QUERY) {
            return unnecessary ? m.csumLevel() : Errno.EACCES.negative();
        } else {
            return Errno.EINVAL.negative();
        }
        return 0;
    }
}
