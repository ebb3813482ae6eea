package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.Alu;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.skb.SkbMetadata;

/**
 * The helpers that change the packet's length at its ends or its network protocol:
 * {@code bpf_skb_change_proto}, {@code bpf_skb_change_tail} and {@code bpf_skb_change_head}
 * (net/core/filter.c, v6.18). Each republishes the packet, so earlier packet pointers are stale.
 */
public final class SkbResizeHelpers {
    /** {@code BPF_SKB_MAX_LEN} = {@code SKB_MAX_ALLOC}: 16 KiB less the 320-byte shared info, on x86-64. */
    public static final int SKB_MAX_LEN = 16384 - 320;

    static final int ETH_P_IP = 0x0800;
    static final int ETH_P_IPV6 = 0x86dd;
    /** The largest packet the model allocates; beyond it growth fails with -ENOMEM, as a failed allocation does. */
    static final int MAX_ALLOC = 1 << 20;
    /** {@code sizeof(struct ipv6hdr) - sizeof(struct iphdr)}. */
    private static final int IP_LEN_DIFF = 20;

    private SkbResizeHelpers() {}

    /**
     * {@code long bpf_skb_change_proto(skb, __be16 proto, u64 flags)}: turns IPv4 into IPv6 by
     * inserting 20 zero bytes after the MAC header, or IPv6 into IPv4 by removing 20; the program
     * rewrites the header itself. -EINVAL for flags, -ENOTSUPP for any other pair of protocols,
     * -ENOMEM when an IPv6 packet is too short.
     */
    public static long changeProto(ProgramContext ctx, long skbPtr, long proto, long flags, long r4, long r5) {
        if (flags != 0) {
            return Errno.EINVAL.negative();
        }
        SkBuffContext sb = SkBuffContext.of(ctx);
        Skb skb = sb.skb();
        SkbMetadata m = skb.meta();
        int to = (int) Alu.bswap(proto, 16);
        long result;
        if (m.protocol() == ETH_P_IP && to == ETH_P_IPV6) {
            PacketEdits.netHeaderPush(skb, skb.macHeaderLen(), IP_LEN_DIFF);
            m.setProtocol(ETH_P_IPV6);
            m.clearHash();
            result = 0;
        } else if (m.protocol() == ETH_P_IPV6 && to == ETH_P_IP) {
            if (PacketEdits.netHeaderPop(skb, skb.macHeaderLen(), IP_LEN_DIFF)) {
                m.setProtocol(ETH_P_IP);
                m.clearHash();
                result = 0;
            } else {
                result = Errno.ENOMEM.negative();
            }
        } else {
            result = Errno.ENOTSUPP.negative();
        }
        sb.packetChanged();
        return result;
    }

    /**
     * {@code long bpf_skb_change_tail(skb, u32 len, u64 flags)}: grows (with zeros) or trims the
     * packet to {@code len} bytes. -EINVAL for flags, a length over {@link #SKB_MAX_LEN} or under
     * the headers' end ({@code __bpf_skb_min_len()}); -ENOTSUPP on an encapsulating skb. A GSO skb
     * loses its GSO state. {@code wire_len} does not change.
     */
    public static long changeTail(ProgramContext ctx, long skbPtr, long len, long flags, long r4, long r5) {
        SkBuffContext sb = SkBuffContext.of(ctx);
        Skb skb = sb.skb();
        long newLen = len & 0xffffffffL;
        long minLen = (skb.isTransportHeaderSet() ? skb.transportHeader() : skb.networkHeader()) - skb.data();
        long result;
        if (flags != 0 || newLen > SKB_MAX_LEN || newLen < (minLen & 0xffffffffL)) {
            result = Errno.EINVAL.negative();
        } else if (skb.meta().isEncapsulation()) {
            result = Errno.ENOTSUPP.negative();
        } else {
            if (newLen > skb.len()) {
                skb.put((int) newLen - skb.len());
            } else {
                skb.trim((int) newLen);
            }
            if (skb.meta().isGso()) {
                skb.meta().setGsoSize(0);
                skb.meta().setGsoSegs(0);
            }
            result = 0;
        }
        sb.packetChanged();
        return result;
    }

    /**
     * {@code long bpf_skb_change_head(skb, u32 len, u64 flags)}: adds {@code len} zero bytes in
     * front and makes them the MAC header. -EINVAL for flags, or when the new length would pass
     * {@link #SKB_MAX_LEN} (for a non-GSO skb) or overflow; -ENOMEM past {@link #MAX_ALLOC}.
     */
    public static long changeHead(ProgramContext ctx, long skbPtr, long len, long flags, long r4, long r5) {
        SkBuffContext sb = SkBuffContext.of(ctx);
        Skb skb = sb.skb();
        long headRoom = len & 0xffffffffL;
        long newLen = (skb.len() + headRoom) & 0xffffffffL;
        long result;
        if (flags != 0 || (!skb.meta().isGso() && newLen > SKB_MAX_LEN) || newLen < skb.len()) {
            result = Errno.EINVAL.negative();
        } else if (newLen > MAX_ALLOC) {
            result = Errno.ENOMEM.negative();
        } else {
            skb.push((int) headRoom);
            java.util.Arrays.fill(skb.buffer(), skb.data(), skb.data() + (int) headRoom, (byte) 0);
            skb.setMacHeader(skb.data());
            result = 0;
        }
        sb.packetChanged();
        return result;
    }
}
