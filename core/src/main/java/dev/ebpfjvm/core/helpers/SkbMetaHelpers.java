package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.skb.SkbMetadata;

/**
 * Helpers that read or set skb state other than the packet bytes: the hash, the packet type,
 * ECN, and the routing and cgroup lookups, which have nothing to find in the model
 * (net/core/filter.c, include/net/inet_ecn.h, v6.18).
 */
public final class SkbMetaHelpers {
    private static final int ETH_P_IP = 0x0800;
    private static final int ETH_P_IPV6 = 0x86dd;

    private SkbMetaHelpers() {}

    /** {@code u32 bpf_get_cgroup_classid(skb)}: the net_cls class of the current task; 0, as for a task in the root cgroup. */
    public static long getCgroupClassid(ProgramContext ctx, long skbPtr, long r2, long r3, long r4, long r5) {
        SkBuffContext.of(ctx);
        return 0;
    }

    /** {@code u32 bpf_get_route_realm(skb)}: the realm of the skb's route; 0, the model has no routes. */
    public static long getRouteRealm(ProgramContext ctx, long skbPtr, long r2, long r3, long r4, long r5) {
        SkBuffContext.of(ctx);
        return 0;
    }

    /**
     * {@code long bpf_skb_under_cgroup(skb, map, u32 index)}: whether the skb's socket is under a
     * cgroup of a cgroup array; always 0 (false), as the model has neither sockets nor cgroups.
     */
    public static long skbUnderCgroup(ProgramContext ctx, long skbPtr, long map, long index, long r4, long r5) {
        SkBuffContext.of(ctx);
        return 0;
    }

    /**
     * {@code u32 bpf_get_hash_recalc(skb)}: {@code skb->hash}, computed from the flow first when
     * it is neither a software nor a layer-4 hash ({@code skb_get_hash()}); see {@link FlowHash}.
     */
    public static long getHashRecalc(ProgramContext ctx, long skbPtr, long r2, long r3, long r4, long r5) {
        Skb skb = SkBuffContext.of(ctx).skb();
        SkbMetadata m = skb.meta();
        if (!m.isL4Hash() && !m.isSwHash()) {
            long h = FlowHash.compute(skb);
            m.setHash((int) h, true, (h >>> 32) != 0);
        }
        return m.hash() & 0xffffffffL;
    }

    /** {@code long bpf_set_hash(skb, u32 hash)}: sets a software layer-4 hash; returns 0. */
    public static long setHash(ProgramContext ctx, long skbPtr, long hash, long r3, long r4, long r5) {
        SkBuffContext.of(ctx).skb().meta().setHash((int) hash, true, true);
        return 0;
    }

    /** {@code long bpf_set_hash_invalid(skb)}: clears the hash so that it is recomputed; returns 0. */
    public static long setHashInvalid(ProgramContext ctx, long skbPtr, long r2, long r3, long r4, long r5) {
        SkBuffContext.of(ctx).skb().meta().clearHash();
        return 0;
    }

    /**
     * {@code long bpf_skb_change_type(skb, u32 type)}: -EINVAL unless both the current and the new
     * type are among HOST, BROADCAST, MULTICAST and OTHERHOST ({@code skb_pkt_type_ok()}).
     */
    public static long changeType(ProgramContext ctx, long skbPtr, long type, long r3, long r4, long r5) {
        SkbMetadata m = SkBuffContext.of(ctx).skb().meta();
        long t = type & 0xffffffffL;
        if (m.pktType() > SkbMetadata.PACKET_OTHERHOST || t > SkbMetadata.PACKET_OTHERHOST) {
            return Errno.EINVAL.negative();
        }
        m.setPktType((int) t);
        return 0;
    }

    /**
     * {@code long bpf_skb_ecn_set_ce(skb)}: marks an ECN-capable IPv4 or IPv6 packet as
     * Congestion Experienced ({@code INET_ECN_set_ce()}), patching the IPv4 header checksum; 1 when
     * the packet is (now) CE, 0 when it is not ECN-capable or not IP. The header is the one at the
     * network header position; for a VLAN-tagged frame the protocol is the innermost ethertype,
     * read after the tags that follow the 14-byte MAC header.
     */
    public static long ecnSetCe(ProgramContext ctx, long skbPtr, long r2, long r3, long r4, long r5) {
        Skb skb = SkBuffContext.of(ctx).skb();
        int nh = skb.networkHeader();
        int proto = innerProtocol(skb);
        byte[] b = skb.buffer();
        if (proto == ETH_P_IP && nh >= 0 && nh + 20 <= skb.dataEnd()) {
            int ecn = ((b[nh + 1] & 0xff) + 1) & 3;
            if ((ecn & 2) == 0) {
                return ecn == 0 ? 1 : 0;
            }
            // check_add = htons(0xFFFB) + htons(ecn), as u16 on a little-endian CPU.
            int checkAdd = (0xfbff + (ecn << 8)) & 0xffff;
            int check = (int) LittleEndian.getU16(b, nh + 10);
            LittleEndian.putU16(b, nh + 10, Checksum.add16(check, checkAdd));
            b[nh + 1] |= 3;
            return 1;
        }
        if (proto == ETH_P_IPV6 && nh >= 0 && nh + 40 <= skb.dataEnd()) {
            int dsfield = (((b[nh] & 0xff) << 8 | (b[nh + 1] & 0xff)) >>> 4) & 0xff;
            if ((dsfield & 3) == 0) {
                return 0;
            }
            b[nh + 1] |= 0x30;
            return 1;
        }
        return 0;
    }

    /** {@code skb_protocol(skb, true)}: the ethertype after any in-packet VLAN tags. */
    private static int innerProtocol(Skb skb) {
        int proto = skb.meta().protocol();
        int at = skb.macHeader() + 14;
        byte[] b = skb.buffer();
        while (VlanHelpers.isVlan(proto)) {
            if (!skb.isMacHeaderSet() || at + 4 > skb.dataEnd()) {
                return 0;
            }
            proto = (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
            at += 4;
        }
        return proto;
    }
}
