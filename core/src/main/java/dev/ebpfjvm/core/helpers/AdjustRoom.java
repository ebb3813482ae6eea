package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.skb.ChecksumState;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.skb.SkbMetadata;

/**
 * {@code long bpf_skb_adjust_room(skb, s32 len_diff, u32 mode, u64 flags)} (net/core/filter.c,
 * v6.18): grows or shrinks the room after the MAC header ({@code BPF_ADJ_ROOM_MAC}) or after the
 * IPv4/IPv6 base header ({@code BPF_ADJ_ROOM_NET}) of an IP packet, for encapsulation and
 * decapsulation. New bytes are zero. The encapsulation flags set the skb's encapsulation state
 * and may switch the protocol; the inner header offsets the kernel also records are not modelled.
 *
 * <p>Errors: -EINVAL for unknown or contradictory flags; -EFAULT for {@code |len_diff| > 0xfff};
 * -ENOTSUPP for a non-IP packet, an unknown mode, a length out of range, or a GSO skb (the model's
 * GSO skbs have no GSO type, which the kernel treats so); -EALREADY to encapsulate twice.
 */
public final class AdjustRoom {
    /** {@code BPF_ADJ_ROOM_NET}. */
    public static final long MODE_NET = 0;
    /** {@code BPF_ADJ_ROOM_MAC}. */
    public static final long MODE_MAC = 1;
    /** {@code BPF_F_ADJ_ROOM_FIXED_GSO}. */
    public static final long F_FIXED_GSO = 1;
    /** {@code BPF_F_ADJ_ROOM_ENCAP_L3_IPV4}. */
    public static final long F_ENCAP_L3_IPV4 = 1 << 1;
    /** {@code BPF_F_ADJ_ROOM_ENCAP_L3_IPV6}. */
    public static final long F_ENCAP_L3_IPV6 = 1 << 2;
    /** {@code BPF_F_ADJ_ROOM_ENCAP_L4_GRE}. */
    public static final long F_ENCAP_L4_GRE = 1 << 3;
    /** {@code BPF_F_ADJ_ROOM_ENCAP_L4_UDP}. */
    public static final long F_ENCAP_L4_UDP = 1 << 4;
    /** {@code BPF_F_ADJ_ROOM_NO_CSUM_RESET}. */
    public static final long F_NO_CSUM_RESET = 1 << 5;
    /** {@code BPF_F_ADJ_ROOM_ENCAP_L2_ETH}. */
    public static final long F_ENCAP_L2_ETH = 1 << 6;
    /** {@code BPF_F_ADJ_ROOM_DECAP_L3_IPV4}. */
    public static final long F_DECAP_L3_IPV4 = 1 << 7;
    /** {@code BPF_F_ADJ_ROOM_DECAP_L3_IPV6}. */
    public static final long F_DECAP_L3_IPV6 = 1 << 8;
    /** {@code BPF_ADJ_ROOM_ENCAP_L2_SHIFT}: the inner MAC length sits in the top byte of the flags. */
    static final int ENCAP_L2_SHIFT = 56;

    private static final long ENCAP_L3_MASK = F_ENCAP_L3_IPV4 | F_ENCAP_L3_IPV6;
    private static final long DECAP_L3_MASK = F_DECAP_L3_IPV4 | F_DECAP_L3_IPV6;
    private static final long MASK = F_FIXED_GSO
            | ENCAP_L3_MASK
            | F_ENCAP_L4_GRE
            | F_ENCAP_L4_UDP
            | F_ENCAP_L2_ETH
            | (0xffL << ENCAP_L2_SHIFT)
            | DECAP_L3_MASK;
    private static final int IPV4_HLEN = 20;
    private static final int IPV6_HLEN = 40;

    private AdjustRoom() {}

    /** The helper; see the class comment. */
    public static long adjustRoom(ProgramContext ctx, long skbPtr, long lenDiff, long mode, long flags, long r5) {
        SkBuffContext sb = SkBuffContext.of(ctx);
        long result = adjust(sb.skb(), (int) lenDiff, mode & 0xffffffffL, flags);
        sb.packetChanged();
        return result;
    }

    private static long adjust(Skb skb, int lenDiff, long mode, long flags) {
        SkbMetadata m = skb.meta();
        long diff = Math.abs((long) lenDiff);
        boolean shrink = lenDiff < 0;
        if ((flags & ~(MASK | F_NO_CSUM_RESET)) != 0) {
            return Errno.EINVAL.negative();
        }
        if (diff > 0xfff) {
            return Errno.EFAULT.negative();
        }
        int proto = m.protocol();
        if (proto != SkbResizeHelpers.ETH_P_IP && proto != SkbResizeHelpers.ETH_P_IPV6) {
            return Errno.ENOTSUPP.negative();
        }
        int baseLen = proto == SkbResizeHelpers.ETH_P_IP ? IPV4_HLEN : IPV6_HLEN;
        int off = skb.macHeaderLen();
        if (mode == MODE_NET) {
            off += baseLen;
        } else if (mode != MODE_MAC) {
            return Errno.ENOTSUPP.negative();
        }
        long lenMin = baseLen;
        if ((flags & DECAP_L3_MASK) != 0) {
            if (!shrink) {
                return Errno.EINVAL.negative();
            }
            long decap = flags & DECAP_L3_MASK;
            if (decap == DECAP_L3_MASK) {
                return Errno.EINVAL.negative();
            }
            lenMin = decap == F_DECAP_L3_IPV4 ? IPV4_HLEN : IPV6_HLEN;
        }
        long lenCur = skb.len() - (long) skb.networkOffset();
        if ((shrink && (diff >= lenCur || lenCur - diff < lenMin))
                || (!shrink && skb.len() + diff > SkbResizeHelpers.SKB_MAX_LEN && !m.isGso())) {
            return Errno.ENOTSUPP.negative();
        }
        long ret = shrink ? shrink(skb, off, (int) diff, flags) : grow(skb, off, (int) diff, flags);
        if (ret == 0 && (flags & F_NO_CSUM_RESET) == 0 && m.checksum() == ChecksumState.UNNECESSARY) {
            m.setChecksum(ChecksumState.NONE, 0);
        }
        return ret;
    }

    /** {@code bpf_skb_net_grow()}. */
    private static long grow(Skb skb, int off, int diff, long flags) {
        SkbMetadata m = skb.meta();
        int innerMacLen = (int) (flags >>> ENCAP_L2_SHIFT) & 0xff;
        boolean encap = (flags & ENCAP_L3_MASK) != 0;
        if (m.isGso()) {
            return Errno.ENOTSUPP.negative();
        }
        int macLen = 0;
        if (encap) {
            if ((flags & ENCAP_L3_MASK) == ENCAP_L3_MASK
                    || (flags & (F_ENCAP_L4_GRE | F_ENCAP_L4_UDP)) == (F_ENCAP_L4_GRE | F_ENCAP_L4_UDP)
                    || ((flags & F_ENCAP_L2_ETH) != 0 && innerMacLen < 14)) {
                return Errno.EINVAL.negative();
            }
            if (m.isEncapsulation()) {
                return Errno.EALREADY.negative();
            }
            macLen = skb.macHeaderLen();
            if (innerMacLen > diff) {
                return Errno.EINVAL.negative();
            }
        }
        PacketEdits.netHeaderPush(skb, off, diff);
        if (encap) {
            m.setEncapsulation(true);
            skb.setNetworkHeader(skb.data() + macLen);
            if ((flags & (F_ENCAP_L4_GRE | F_ENCAP_L4_UDP)) != 0) {
                int nhLen = (flags & F_ENCAP_L3_IPV6) != 0 ? IPV6_HLEN : IPV4_HLEN;
                skb.setTransportHeader(skb.data() + macLen + nhLen);
            }
            if (m.protocol() == SkbResizeHelpers.ETH_P_IP && (flags & F_ENCAP_L3_IPV6) != 0) {
                m.setProtocol(SkbResizeHelpers.ETH_P_IPV6);
            } else if (m.protocol() == SkbResizeHelpers.ETH_P_IPV6 && (flags & F_ENCAP_L3_IPV4) != 0) {
                m.setProtocol(SkbResizeHelpers.ETH_P_IP);
            }
        }
        return 0;
    }

    /** {@code bpf_skb_net_shrink()}. */
    private static long shrink(Skb skb, int off, int diff, long flags) {
        SkbMetadata m = skb.meta();
        if ((flags & ~(F_FIXED_GSO | DECAP_L3_MASK | F_NO_CSUM_RESET)) != 0) {
            return Errno.EINVAL.negative();
        }
        if (m.isGso()) {
            return Errno.ENOTSUPP.negative();
        }
        if (!PacketEdits.netHeaderPop(skb, off, diff)) {
            return Errno.ENOMEM.negative();
        }
        if (m.protocol() == SkbResizeHelpers.ETH_P_IP && (flags & F_DECAP_L3_IPV6) != 0) {
            m.setProtocol(SkbResizeHelpers.ETH_P_IPV6);
        } else if (m.protocol() == SkbResizeHelpers.ETH_P_IPV6 && (flags & F_DECAP_L3_IPV4) != 0) {
            m.setProtocol(SkbResizeHelpers.ETH_P_IP);
        }
        return 0;
    }
}
