package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.maps.PerfEventArray;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;

/**
 * {@code long bpf_perf_event_output(skb, map, u64 flags, void *data, u64 size)} for tc programs
 * ({@code bpf_skb_event_output()} in net/core/filter.c and {@code __bpf_perf_event_output()} in
 * kernel/trace/bpf_trace.c, v6.18): sends {@code data} and, when the upper 32 bits of
 * {@code flags} ask for it, that many bytes of the packet to the slot given by the low 32 bits
 * ({@code BPF_F_CURRENT_CPU} for the run's CPU). -EINVAL for other flag bits, -EFAULT when more
 * packet bytes are asked for than there are, -E2BIG for a slot past the end, -ENOENT for an empty
 * slot. The verifier proves that {@code data} holds {@code size} bytes ({@code ARG_CONST_SIZE_OR_ZERO});
 * for an unverified program whose memory does not, the helper faults before it allocates the record.
 */
public final class PerfHelpers {
    /** {@code BPF_F_INDEX_MASK}. */
    public static final long F_INDEX_MASK = 0xffffffffL;
    /** {@code BPF_F_CURRENT_CPU}. */
    public static final long F_CURRENT_CPU = F_INDEX_MASK;
    /** {@code BPF_F_CTXLEN_MASK}: how many packet bytes to append, in bits 32–51. */
    public static final long F_CTXLEN_MASK = 0xfffffL << 32;

    private PerfHelpers() {}

    /** The helper; see the class comment. */
    public static long perfEventOutput(ProgramContext ctx, long skbPtr, long map, long flags, long data, long size) {
        if ((flags & ~(F_CTXLEN_MASK | F_INDEX_MASK)) != 0) {
            return Errno.EINVAL.negative();
        }
        Skb skb = SkBuffContext.of(ctx).skb();
        long skbSize = (flags & F_CTXLEN_MASK) >>> 32;
        if (skbSize > skb.len()) {
            return Errno.EFAULT.negative();
        }
        Object owner = ctx.memory().ownerAt(map, RegionKind.MAP);
        if (!(owner instanceof PerfEventArray)) {
            throw new ProgramFaultException(-1, "bpf_perf_event_output: not a perf event array map");
        }
        PerfEventArray array = (PerfEventArray) owner;
        long index = flags & F_INDEX_MASK;
        if (index == F_CURRENT_CPU) {
            index = ctx.cpu();
        }
        if (index >= array.maxEntries()) {
            return Errno.E2BIG.negative();
        }
        if (size < 0 || size > Integer.MAX_VALUE - skbSize) {
            throw new ProgramFaultException(
                    -1, "bpf_perf_event_output: invalid size " + Long.toUnsignedString(size) + " of the data");
        }
        int n = (int) size;
        byte[] payload = n > 0 ? ctx.memory().read(data, n) : null; // checks the bytes exist before copying
        byte[] record = new byte[n + (int) skbSize];
        if (payload != null) {
            System.arraycopy(payload, 0, record, 0, n);
        }
        System.arraycopy(skb.buffer(), skb.data(), record, n, (int) skbSize);
        return array.output((int) index, ctx.cpu(), record);
    }
}
