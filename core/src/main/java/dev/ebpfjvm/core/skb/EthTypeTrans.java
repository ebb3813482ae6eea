package dev.ebpfjvm.core.skb;

/**
 * What a device does to a received Ethernet frame before tc sees it: {@code eth_type_trans()}
 * (net/ethernet/eth.c) sets the device, {@code pkt_type} and {@code protocol} and marks the MAC
 * header, and the network header is set just after the 14 header bytes, which stay in the data
 * (tc runs with {@code data} at the MAC header).
 */
public final class EthTypeTrans {
    /** {@code ETH_HLEN}. */
    public static final int ETH_HLEN = 14;
    /** {@code ETH_P_802_3_MIN}: ethertypes from here on are protocols, below they are lengths. */
    public static final int ETH_P_802_3_MIN = 0x0600;
    /** {@code ETH_P_802_3}: a raw 802.3 frame (Novell IPX hack). */
    public static final int ETH_P_802_3 = 0x0001;
    /** {@code ETH_P_802_2}: an 802.2 LLC frame. */
    public static final int ETH_P_802_2 = 0x0004;

    private EthTypeTrans() {}

    /**
     * Classifies a frame received on a device.
     *
     * @param skb an skb whose data starts at the Ethernet header and holds at least 14 bytes
     * @param ifindex the receiving device
     * @param devAddr the device's MAC address (6 bytes)
     * @param broadcast the device's broadcast address (6 bytes)
     */
    public static void apply(Skb skb, int ifindex, byte[] devAddr, byte[] broadcast) {
        if (skb.len() < ETH_HLEN) {
            throw new IllegalArgumentException("frame of " + skb.len() + " bytes has no Ethernet header");
        }
        byte[] b = skb.buffer();
        int mac = skb.data();
        SkbMetadata m = skb.meta();
        m.setIfindex(ifindex);
        skb.setMacHeader(mac);
        skb.setNetworkHeader(mac + ETH_HLEN);
        if (!equalAt(b, mac, devAddr)) {
            if ((b[mac] & 1) != 0) {
                m.setPktType(equalAt(b, mac, broadcast) ? SkbMetadata.PACKET_BROADCAST : SkbMetadata.PACKET_MULTICAST);
            } else {
                m.setPktType(SkbMetadata.PACKET_OTHERHOST);
            }
        } else {
            m.setPktType(SkbMetadata.PACKET_HOST);
        }
        int proto = ((b[mac + 12] & 0xff) << 8) | (b[mac + 13] & 0xff);
        if (proto >= ETH_P_802_3_MIN) {
            m.setProtocol(proto);
        } else if (skb.len() >= ETH_HLEN + 2
                && b[mac + ETH_HLEN] == (byte) 0xff
                && b[mac + ETH_HLEN + 1] == (byte) 0xff) {
            m.setProtocol(ETH_P_802_3);
        } else {
            m.setProtocol(ETH_P_802_2);
        }
    }

    private static boolean equalAt(byte[] b, int at, byte[] addr) {
        for (int i = 0; i < 6; i++) {
            if (b[at + i] != addr[i]) {
                return false;
            }
        }
        return true;
    }
}
