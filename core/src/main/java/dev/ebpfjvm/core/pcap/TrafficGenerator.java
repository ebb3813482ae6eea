package dev.ebpfjvm.core.pcap;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded stream of Ethernet frames in a {@link TrafficMix}: TCP, UDP and ICMP echo over IPv4 or
 * IPv6, some with an 802.1Q tag, every IP, TCP, UDP and ICMP checksum valid. Each packet draws its
 * protocol, family, tag and flow independently, so the packet counts follow the mix; a flow keeps
 * its addresses, ports, VLAN id and TCP sequence numbers. Sizes follow the usual bimodal shape:
 * about 45% small (acknowledgements, DNS-sized datagrams), 15% medium, 40% full 1500-byte MTU
 * packets. Frames shorter than 60 bytes are zero-padded as Ethernet does (the IP length excludes
 * the padding). The same mix and seed give the same frames and timestamps, on every JDK
 * ({@link Random} is specified to the bit).
 */
public final class TrafficGenerator {
    /** The first packet's timestamp: 2023-11-14T22:13:20Z, in nanoseconds. */
    public static final long START_NANOS = 1_700_000_000_000_000_000L;
    /** IP protocol numbers. */
    static final int TCP = 6;

    static final int UDP = 17;
    static final int ICMP = 1;
    static final int ICMPV6 = 58;
    private static final int MTU = 1500;
    private static final int[] SERVICES = {80, 443, 53, 8080, 22, 123};

    private final TrafficMix mix;
    private final Random random;
    private final Map<Integer, Integer> sequence = new HashMap<>();
    private long now = START_NANOS;
    private int ipId;

    /**
     * @param mix what to generate
     * @param seed the seed: the same one gives the same packets
     */
    public TrafficGenerator(TrafficMix mix, long seed) {
        this.mix = mix;
        this.random = new Random(seed);
    }

    /** {@return the next {@code n} packets} */
    public List<Packet> generate(int n) {
        List<Packet> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /** {@return the next packet, 1 to 10 µs after the previous one} */
    public Packet next() {
        double w = random.nextDouble() * (mix.tcp() + mix.udp() + mix.icmp());
        int kind = w < mix.tcp() ? 0 : w < mix.tcp() + mix.udp() ? 1 : 2;
        if (kind == 2 && mix.icmp() == 0) {
            kind = mix.udp() > 0 ? 1 : 0; // w landed on the upper bound
        }
        boolean v6 = random.nextDouble() < mix.ipv6();
        boolean tagged = random.nextDouble() < mix.vlan();
        int flow = random.nextInt(mix.flows());
        int ipHeader = v6 ? 40 : 20;
        int l4Header = kind == 0 ? 20 : 8;
        int payload = payloadSize(kind, MTU - ipHeader - l4Header);
        byte[] data = new byte[payload];
        random.nextBytes(data);
        now += 1000 + random.nextInt(9000);

        byte[] l4 = switch (kind) {
            case 0 -> tcp(flow, (v6 ? 2 : 0) | (tagged ? 1 : 0), data);
            case 1 -> udp(flow, data);
            default -> icmp(flow, v6, data);
        };
        int proto = kind == 0 ? TCP : kind == 1 ? UDP : v6 ? ICMPV6 : ICMP;
        byte[] src = address(v6, 1, flow);
        byte[] dst = address(v6, 2, flow);
        if (kind != 2 || v6) {
            int at = kind == 0 ? 16 : kind == 1 ? 6 : 2;
            int sum = fold(sum(l4, 0, l4.length, pseudoHeader(src, dst, proto, l4.length)));
            putShort(l4, at, kind == 1 && sum == 0 ? 0xffff : sum);
        }
        int l2 = tagged ? 18 : 14;
        int length = Math.max(60, l2 + ipHeader + l4.length);
        ByteBuffer f = ByteBuffer.allocate(length);
        f.put(new byte[] {0x02, 0, 0, 0, 1, (byte) flow}).put(new byte[] {0x02, 0, 0, 0, 2, (byte) flow});
        if (tagged) {
            f.putShort((short) 0x8100).putShort((short) ((flow % 8) << 13 | (100 + flow % 4000)));
        }
        f.putShort((short) (v6 ? 0x86dd : 0x0800));
        int ip = f.position();
        if (v6) {
            f.putInt(0x6000_0000 | (flow & 0xfffff))
                    .putShort((short) l4.length)
                    .put((byte) proto)
                    .put((byte) 64)
                    .put(src)
                    .put(dst);
        } else {
            f.put((byte) 0x45)
                    .put((byte) 0)
                    .putShort((short) (20 + l4.length))
                    .putShort((short) ipId++)
                    .putShort((short) 0x4000)
                    .put((byte) 64)
                    .put((byte) proto)
                    .putShort((short) 0)
                    .put(src)
                    .put(dst);
            putShort(f.array(), ip + 10, fold(sum(f.array(), ip, 20, 0)));
        }
        f.put(l4);
        return Packet.of(now, f.array());
    }

    private int payloadSize(int kind, int max) {
        double r = random.nextDouble();
        if (kind == 2) {
            return r < 0.8 ? 56 : 56 + random.nextInt(max - 55);
        }
        if (r < 0.45) {
            return kind == 0 && random.nextBoolean() ? 0 : random.nextInt(kind == 0 ? 64 : 128);
        }
        if (r < 0.6) {
            return 200 + random.nextInt(400);
        }
        return max;
    }

    private byte[] tcp(int flow, int variant, byte[] data) {
        int key = flow * 4 + variant;
        int seq = sequence.computeIfAbsent(key, k -> 1000 * k);
        sequence.put(key, seq + data.length);
        return ByteBuffer.allocate(20 + data.length)
                .putShort((short) port(flow))
                .putShort((short) service(flow))
                .putInt(seq)
                .putInt(1 + flow)
                .putShort((short) (5 << 12 | (data.length == 0 ? 0x10 : 0x18)))
                .putShort((short) 502)
                .putInt(0)
                .put(data)
                .array();
    }

    private byte[] udp(int flow, byte[] data) {
        return ByteBuffer.allocate(8 + data.length)
                .putShort((short) port(flow))
                .putShort((short) service(flow))
                .putShort((short) (8 + data.length))
                .putShort((short) 0)
                .put(data)
                .array();
    }

    private byte[] icmp(int flow, boolean v6, byte[] data) {
        byte[] m = ByteBuffer.allocate(8 + data.length)
                .put((byte) (v6 ? 128 : 8))
                .put((byte) 0)
                .putShort((short) 0)
                .putShort((short) flow)
                .putShort((short) ipId)
                .put(data)
                .array();
        if (!v6) {
            putShort(m, 2, fold(sum(m, 0, m.length, 0)));
        }
        return m;
    }

    private static int port(int flow) {
        return 1024 + (flow * 7919) % 64000;
    }

    private static int service(int flow) {
        return SERVICES[flow % SERVICES.length];
    }

    /** {@return 10.side.hi.lo, or fd00::side:hi:lo} */
    private static byte[] address(boolean v6, int side, int flow) {
        if (!v6) {
            return new byte[] {10, (byte) side, (byte) (flow >> 8), (byte) flow};
        }
        byte[] a = new byte[16];
        a[0] = (byte) 0xfd;
        a[11] = (byte) side;
        a[12] = (byte) (flow >> 24);
        a[13] = (byte) (flow >> 16);
        a[14] = (byte) (flow >> 8);
        a[15] = (byte) flow;
        return a;
    }

    private static long pseudoHeader(byte[] src, byte[] dst, int proto, int length) {
        return sum(src, 0, src.length, 0) + sum(dst, 0, dst.length, 0) + proto + length;
    }

    /** {@return the 16-bit big-endian words of b added to seed, not folded} */
    static long sum(byte[] b, int off, int len, long seed) {
        long s = seed;
        for (int i = 0; i + 1 < len; i += 2) {
            s += ((b[off + i] & 0xff) << 8) | (b[off + i + 1] & 0xff);
        }
        if ((len & 1) != 0) {
            s += (b[off + len - 1] & 0xff) << 8;
        }
        return s;
    }

    /** {@return the ones' complement of the sum folded to 16 bits} */
    static int fold(long sum) {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) (~s & 0xffff);
    }

    private static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }
}
