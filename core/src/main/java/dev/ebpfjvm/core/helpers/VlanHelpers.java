package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.Alu;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.skb.EthTypeTrans;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.skb.SkbMetadata;

/**
 * {@code bpf_skb_vlan_push} and {@code bpf_skb_vlan_pop} ({@code skb_vlan_push()},
 * {@code skb_vlan_pop()} in net/core/skbuff.c, v6.18). The skb has one accelerated tag (in its
 * metadata) and any number in the packet after the MAC addresses: a push on an skb that already
 * has an accelerated tag writes that tag into the packet first; a pop drops the accelerated tag,
 * or else the outermost in-packet tag, and then moves the next in-packet tag (QinQ) out of the
 * packet into the accelerated fields.
 */
public final class VlanHelpers {
    /** {@code ETH_P_8021Q}. */
    public static final int ETH_P_8021Q = 0x8100;
    /** {@code ETH_P_8021AD}. */
    public static final int ETH_P_8021AD = 0x88a8;
    /** {@code VLAN_HLEN}. */
    static final int VLAN_HLEN = 4;
    /** {@code VLAN_ETH_HLEN}. */
    static final int VLAN_ETH_HLEN = 18;

    private static final int MAC_ADDRS = 12;

    private VlanHelpers() {}

    /** {@return whether an ethertype is a VLAN tag protocol ({@code eth_type_vlan()})} */
    static boolean isVlan(int proto) {
        return proto == ETH_P_8021Q || proto == ETH_P_8021AD;
    }

    /**
     * {@code long bpf_skb_vlan_push(skb, __be16 vlan_proto, u16 vlan_tci)}: a protocol other than
     * 802.1Q and 802.1ad is taken as 802.1Q. Returns 0, or -EINVAL when the data does not start at
     * the MAC header.
     */
    public static long push(ProgramContext ctx, long skbPtr, long vlanProto, long vlanTci, long r4, long r5) {
        SkBuffContext sb = SkBuffContext.of(ctx);
        Skb skb = sb.skb();
        SkbMetadata m = skb.meta();
        int proto = (int) Alu.bswap(vlanProto, 16);
        if (!isVlan(proto)) {
            proto = ETH_P_8021Q;
        }
        if (m.vlanPresent()) {
            if (skb.data() != skb.macHeader()) {
                return Errno.EINVAL.negative();
            }
            insertTag(skb, m.vlanProto(), m.vlanTci());
            m.setProtocol(m.vlanProto());
            skb.setNetworkHeader(skb.networkHeader() - VLAN_HLEN);
        }
        m.putVlanTag(proto, (int) vlanTci);
        sb.packetChanged();
        return 0;
    }

    /** {@code __vlan_insert_tag()}: four bytes after the MAC addresses, holding the tag protocol and TCI. */
    private static void insertTag(Skb skb, int proto, int tci) {
        skb.push(VLAN_HLEN);
        byte[] b = skb.buffer();
        int d = skb.data();
        System.arraycopy(b, d + VLAN_HLEN, b, d, MAC_ADDRS);
        if (skb.isMacHeaderSet()) {
            skb.setMacHeader(skb.macHeader() - VLAN_HLEN);
        }
        PacketEdits.putBe16(b, d + MAC_ADDRS, proto);
        PacketEdits.putBe16(b, d + MAC_ADDRS + 2, tci);
    }

    /**
     * {@code long bpf_skb_vlan_pop(skb)}: returns 0 (also when there is no tag), -EINVAL when the
     * data does not start at the MAC header, -ENOMEM when a tagged frame is shorter than 18 bytes.
     */
    public static long pop(ProgramContext ctx, long skbPtr, long r2, long r3, long r4, long r5) {
        SkBuffContext sb = SkBuffContext.of(ctx);
        long result = pop(sb.skb());
        sb.packetChanged();
        return result;
    }

    private static long pop(Skb skb) {
        SkbMetadata m = skb.meta();
        if (m.vlanPresent()) {
            m.clearVlanTag();
        } else {
            if (!isVlan(m.protocol())) {
                return 0;
            }
            long err = removeTag(skb);
            if (err < 0) {
                return err;
            }
        }
        if (!isVlan(m.protocol())) {
            return 0;
        }
        int outer = m.protocol();
        long tci = removeTag(skb);
        if (tci < 0) {
            return tci;
        }
        m.putVlanTag(outer, (int) tci);
        return 0;
    }

    /**
     * {@code __skb_vlan_pop()}: removes the in-packet tag after the MAC addresses and takes the
     * encapsulated ethertype as the protocol.
     *
     * @return the removed tag's TCI, or a negative errno
     */
    private static long removeTag(Skb skb) {
        if (skb.data() != skb.macHeader()) {
            return Errno.EINVAL.negative();
        }
        if (skb.len() < VLAN_ETH_HLEN) {
            return Errno.ENOMEM.negative();
        }
        byte[] b = skb.buffer();
        int d = skb.data();
        int tci = PacketEdits.be16(b, d + EthTypeTrans.ETH_HLEN);
        int encapsulated = PacketEdits.be16(b, d + EthTypeTrans.ETH_HLEN + 2);
        System.arraycopy(b, d, b, d + VLAN_HLEN, MAC_ADDRS);
        SkbMetadata m = skb.meta();
        if (encapsulated >= EthTypeTrans.ETH_P_802_3_MIN) {
            m.setProtocol(encapsulated);
        } else {
            int raw = d + VLAN_ETH_HLEN + 2 <= b.length ? PacketEdits.be16(b, d + VLAN_ETH_HLEN) : 0;
            m.setProtocol(raw == 0xffff ? EthTypeTrans.ETH_P_802_3 : EthTypeTrans.ETH_P_802_2);
        }
        skb.pull(VLAN_HLEN);
        skb.setMacHeader(skb.macHeader() + VLAN_HLEN);
        if (skb.networkOffset() < EthTypeTrans.ETH_HLEN) {
            skb.setNetworkHeader(skb.data() + EthTypeTrans.ETH_HLEN);
        }
        return tci;
    }
}
