package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.skb.Skb;

/**
 * Inserting and removing bytes inside the packet, with the header positions kept right: the
 * kernel's {@code bpf_skb_generic_push/pop()} and {@code bpf_skb_net_hdr_push/pop()}
 * (net/core/filter.c). The skb's data always starts at the MAC header here, as under tc.
 */
final class PacketEdits {
    private PacketEdits() {}

    /** Inserts {@code len} zero bytes at {@code off} from the data start; the first {@code off} bytes move to the front. */
    static void insert(Skb skb, int off, int len) {
        skb.push(len);
        byte[] b = skb.buffer();
        System.arraycopy(b, skb.data() + len, b, skb.data(), off);
        java.util.Arrays.fill(b, skb.data() + off, skb.data() + off + len, (byte) 0);
    }

    /**
     * Removes {@code len} bytes at {@code off} from the data start; the first {@code off} bytes
     * move back over them.
     *
     * @return false, changing nothing, when the data is shorter than {@code off + len}
     */
    static boolean remove(Skb skb, int off, int len) {
        if ((long) off + len > skb.len()) {
            return false;
        }
        byte[] b = skb.buffer();
        System.arraycopy(b, skb.data(), b, skb.data() + len, off);
        skb.pull(len);
        return true;
    }

    /** {@code bpf_skb_net_hdr_push()}: {@link #insert} that keeps the MAC and network headers on their bytes' new places. */
    static void netHeaderPush(Skb skb, int off, int len) {
        boolean transportSame = skb.transportHeader() == skb.networkHeader();
        insert(skb, off, len);
        skb.setMacHeader(skb.macHeader() - len);
        skb.setNetworkHeader(skb.networkHeader() - len);
        if (transportSame) {
            skb.setTransportHeader(skb.networkHeader());
        }
    }

    /** {@code bpf_skb_net_hdr_pop()}; false (-ENOMEM in the kernel) when the data is too short. */
    static boolean netHeaderPop(Skb skb, int off, int len) {
        boolean transportSame = skb.transportHeader() == skb.networkHeader();
        if (!remove(skb, off, len)) {
            return false;
        }
        skb.setMacHeader(skb.macHeader() + len);
        skb.setNetworkHeader(skb.networkHeader() + len);
        if (transportSame) {
            skb.setTransportHeader(skb.networkHeader());
        }
        return true;
    }

    /** {@return the big-endian 16-bit value at a buffer index} */
    static int be16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    /** Writes a big-endian 16-bit value at a buffer index. */
    static void putBe16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }
}
