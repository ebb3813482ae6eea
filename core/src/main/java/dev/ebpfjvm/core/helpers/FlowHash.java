package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.skb.Skb;

/**
 * The flow hash {@code bpf_get_hash_recalc()} computes when the skb has none: a hash of the
 * flow's addresses, protocol and ports, never 0, as {@code __skb_get_hash()} sets it. The kernel
 * keys its hash with a random secret drawn at boot, so its values cannot be reproduced; this one
 * is a fixed function of the same fields, so equal flows hash equally and runs are repeatable.
 */
final class FlowHash {
    private static final int ETH_P_IP = 0x0800;
    private static final int ETH_P_IPV6 = 0x86dd;

    private FlowHash() {}

    /** {@return the hash and whether the flow had layer-4 ports, packed as {@code hash | l4 << 32}} */
    static long compute(Skb skb) {
        byte[] b = skb.buffer();
        int nh = skb.networkHeader();
        int end = skb.dataEnd();
        int proto = skb.meta().protocol();
        long h = proto;
        int l4Proto = -1;
        int l4 = -1;
        if (proto == ETH_P_IP && nh >= 0 && nh + 20 <= end) {
            h = mix(h, b, nh + 12, 8);
            l4Proto = b[nh + 9] & 0xff;
            boolean fragment = ((b[nh + 6] & 0x3f) | b[nh + 7]) != 0;
            l4 = fragment ? -1 : nh + (b[nh] & 0xf) * 4;
        } else if (proto == ETH_P_IPV6 && nh >= 0 && nh + 40 <= end) {
            h = mix(h, b, nh + 8, 32);
            l4Proto = b[nh + 6] & 0xff;
            l4 = nh + 40;
        }
        boolean ports = (l4Proto == 6 || l4Proto == 17 || l4Proto == 132) && l4 >= 0 && l4 + 4 <= end;
        h = h * 31 + l4Proto;
        if (ports) {
            h = mix(h, b, l4, 4);
        }
        int hash = (int) finish(h);
        return (hash == 0 ? 1 : hash) & 0xffffffffL | (ports ? 1L << 32 : 0);
    }

    private static long mix(long h, byte[] b, int from, int n) {
        for (int i = from; i < from + n; i++) {
            h = h * 31 + (b[i] & 0xff);
        }
        return h;
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h ^ (h >>> 29);
    }
}
