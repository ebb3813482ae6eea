package dev.ebpfjvm.core.pcap;

/**
 * What a {@link TrafficGenerator} makes: the weights of TCP, UDP and ICMP packets (any
 * non-negative numbers, not all zero), the share of them over IPv6 and the share with an 802.1Q
 * VLAN tag (each from 0 to 1), and how many flows of each kind the packets are spread over.
 *
 * @param tcp weight of TCP segments
 * @param udp weight of UDP datagrams
 * @param icmp weight of ICMP (ICMPv6 over IPv6) echo requests
 * @param ipv6 share of packets over IPv6, the rest over IPv4
 * @param vlan share of frames with a VLAN tag
 * @param flows number of distinct flows per protocol and family, at least 1
 */
public record TrafficMix(double tcp, double udp, double icmp, double ipv6, double vlan, int flows) {
    /** 60% TCP, 30% UDP, 10% ICMP; a quarter over IPv6; one frame in ten tagged; 64 flows. */
    public static final TrafficMix DEFAULT = new TrafficMix(0.6, 0.3, 0.1, 0.25, 0.1, 64);

    /** Checks the weights and shares. */
    public TrafficMix {
        if (!(tcp >= 0 && udp >= 0 && icmp >= 0) || !(tcp + udp + icmp > 0) || Double.isInfinite(tcp + udp + icmp)) {
            throw new IllegalArgumentException("protocol weights " + tcp + "/" + udp + "/" + icmp
                    + " must be finite, non-negative and not all zero");
        }
        if (!(ipv6 >= 0 && ipv6 <= 1) || !(vlan >= 0 && vlan <= 1)) {
            throw new IllegalArgumentException("shares ipv6 " + ipv6 + " and vlan " + vlan + " must lie in [0, 1]");
        }
        if (flows < 1) {
            throw new IllegalArgumentException(flows + " flows");
        }
    }
}
