package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.ContextModel;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Memory;

/**
 * The legacy packet loads {@code LD_ABS} and {@code LD_IND} ({@code BPF_LD | BPF_ABS/BPF_IND}),
 * shared by both engines.
 *
 * <p>The kernel rewrites each of them into a call of {@code bpf_skb_load_helper_{8,16,32}} with
 * offset {@code imm} (ABS) or {@code src + imm} (IND), truncated to the helper's {@code int}
 * parameter, followed by "if r0 &lt; 0, return 0 from the current function" (mirrors
 * {@code bpf_gen_ld_abs()} and {@code ____bpf_skb_load_helper_*()} in net/core/filter.c). The
 * value is read in network byte order and zero-extended.
 *
 * <p>Offsets count from {@code skb->data}. When the context is a modelled {@code __sk_buff}
 * (a {@link ContextModel}), the packet region has head- and tailroom, and the data are the bytes
 * between the {@code data} and {@code data_end} pointers the model gives at their uapi offsets;
 * otherwise the whole packet region is the data. Negative offsets, which the kernel resolves
 * relative to the network or MAC header ({@code SKF_NET_OFF}, {@code SKF_LL_OFF}), are treated as
 * out of bounds.
 */
public final class PacketLoad {
    /** What {@link #load} returns when the bytes are not in the packet: {@code -EFAULT}. */
    public static final long FAILED = -14;
    /** {@code offsetof(struct __sk_buff, data)}. */
    private static final int SKB_DATA = 76;
    /** {@code offsetof(struct __sk_buff, data_end)}. */
    private static final int SKB_DATA_END = 80;

    private PacketLoad() {}

    /**
     * Loads from the packet.
     *
     * @param memory the run's address space, whose packet region is read
     * @param offset the 64-bit offset ({@code imm}, or {@code src + imm}); only its low 32 bits
     *     count, as a signed {@code int}
     * @param size 1, 2 or 4 bytes
     * @return the big-endian value, zero-extended (never negative), or {@link #FAILED} when the
     *     bytes are not all inside the packet; the engine then returns 0 from the current function
     */
    public static long load(Memory memory, long offset, int size) {
        byte[] packet = memory.packet();
        int off = (int) offset;
        if (packet == null || off < 0) {
            return FAILED;
        }
        int start = 0;
        int end = packet.length;
        ContextModel skb = memory.contextModel();
        if (skb != null) {
            start = Address.offset(skb.load(SKB_DATA, 4));
            end = Address.offset(skb.load(SKB_DATA_END, 4));
        }
        if (end - start - off < size) {
            return FAILED;
        }
        long littleEndian = LittleEndian.get(packet, start + off, size);
        return size == 1 ? littleEndian : Alu.bswap(littleEndian, size * 8);
    }
}
