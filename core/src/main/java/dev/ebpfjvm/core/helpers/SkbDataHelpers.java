package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;

/**
 * The helpers that copy bytes between the packet and program memory: {@code bpf_skb_store_bytes},
 * {@code bpf_skb_load_bytes}, {@code bpf_skb_load_bytes_relative} and {@code bpf_skb_pull_data}
 * (net/core/filter.c, v6.18). Offsets count from {@code skb->data}; the model's skbs are always
 * linear, so "make writable" and "pull" only check that the bytes exist.
 *
 * <p>Lengths are u32 as in the kernel. The verifier proves that program memory holds {@code len}
 * bytes ({@code ARG_CONST_SIZE}); for an unverified program whose memory does not, the helper
 * faults before it copies, clears or allocates anything.
 */
public final class SkbDataHelpers {
    /** {@code BPF_F_RECOMPUTE_CSUM}. */
    public static final long F_RECOMPUTE_CSUM = 1;
    /** {@code BPF_F_INVALIDATE_HASH}. */
    public static final long F_INVALIDATE_HASH = 2;
    /** {@code BPF_HDR_START_MAC}. */
    public static final long HDR_START_MAC = 0;
    /** {@code BPF_HDR_START_NET}. */
    public static final long HDR_START_NET = 1;

    private static final long INT_MAX = Integer.MAX_VALUE;

    private SkbDataHelpers() {}

    /**
     * {@code long bpf_skb_store_bytes(skb, u32 offset, const void *from, u32 len, u64 flags)}:
     * -EINVAL for unknown flags, -EFAULT when {@code offset + len} is past the data. The checksum
     * recomputation of {@code BPF_F_RECOMPUTE_CSUM} matters only for {@code CHECKSUM_COMPLETE}
     * skbs, which the model never has.
     */
    public static long storeBytes(ProgramContext ctx, long skbPtr, long offset, long from, long len, long flags) {
        if ((flags & ~(F_RECOMPUTE_CSUM | F_INVALIDATE_HASH)) != 0) {
            return Errno.EINVAL.negative();
        }
        long off = offset & 0xffffffffL;
        SkBuffContext sb = SkBuffContext.of(ctx);
        Skb skb = sb.skb();
        if (off > INT_MAX || !fits(skb, off + (len & 0xffffffffL))) {
            return Errno.EFAULT.negative();
        }
        int n = length(len);
        byte[] src = ctx.memory().read(from, n);
        System.arraycopy(src, 0, skb.buffer(), skb.data() + (int) off, n);
        if ((flags & F_INVALIDATE_HASH) != 0) {
            skb.meta().clearHash();
        }
        return 0;
    }

    /** Whether the first {@code writeLen} bytes (a u32 sum, so it may wrap) are in the data ({@code pskb_may_pull()}). */
    static boolean fits(Skb skb, long writeLen) {
        return (writeLen & 0xffffffffL) <= skb.len();
    }

    /**
     * {@code long bpf_skb_load_bytes(skb, u32 offset, void *to, u32 len)}: on failure the
     * destination is zeroed and the result is -EFAULT.
     */
    public static long loadBytes(ProgramContext ctx, long skbPtr, long offset, long to, long len, long unused) {
        Skb skb = SkBuffContext.of(ctx).skb();
        long off = offset & 0xffffffffL;
        int n = length(len);
        if (off > INT_MAX || off + n > skb.len()) {
            return clear(ctx.memory(), to, n);
        }
        ctx.memory().write(to, skb.buffer(), skb.data() + (int) off, n);
        return 0;
    }

    /**
     * {@code long bpf_skb_load_bytes_relative(skb, u32 offset, void *to, u32 len, u32 start_header)}:
     * like {@link #loadBytes} from the MAC or network header, with offsets up to 0xffff; the bytes
     * must end before the data does.
     */
    public static long loadBytesRelative(
            ProgramContext ctx, long skbPtr, long offset, long to, long len, long startHeader) {
        Skb skb = SkBuffContext.of(ctx).skb();
        long off = offset & 0xffffffffL;
        int n = length(len);
        int start;
        long header = startHeader & 0xffffffffL;
        if (off > 0xffff) {
            return clear(ctx.memory(), to, n);
        } else if (header == HDR_START_MAC && skb.isMacHeaderSet()) {
            start = skb.macHeader();
        } else if (header == HDR_START_NET) {
            start = skb.networkHeader();
        } else {
            return clear(ctx.memory(), to, n);
        }
        long from = start + off;
        if (from < 0 || from + n > skb.dataEnd()) {
            return clear(ctx.memory(), to, n);
        }
        ctx.memory().write(to, skb.buffer(), (int) from, n);
        return 0;
    }

    /** Zeroes the destination as the kernel's error path does ({@code memset(to, 0, len)}), checked first. {@return -EFAULT} */
    private static long clear(Memory memory, long to, int n) {
        memory.zero(to, n);
        return Errno.EFAULT.negative();
    }

    /**
     * {@return a u32 length as an int}, {@code Integer.MAX_VALUE} for those above it: no region
     * holds that many bytes, so the access that follows faults
     */
    static int length(long len) {
        return (int) Math.min(len & 0xffffffffL, INT_MAX);
    }

    /**
     * {@code long bpf_skb_pull_data(skb, u32 len)}: makes the first {@code len} bytes (all of
     * them for 0) directly accessible; -ENOMEM when there are not that many. Packet pointers are
     * invalid afterwards, as after every helper that may change the packet.
     */
    public static long pullData(ProgramContext ctx, long skbPtr, long len, long r3, long r4, long r5) {
        SkBuffContext sb = SkBuffContext.of(ctx);
        long want = len & 0xffffffffL;
        long result = want == 0 || fits(sb.skb(), want) ? 0 : Errno.ENOMEM.negative();
        sb.packetChanged();
        return result;
    }
}
