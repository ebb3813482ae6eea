package dev.ebpfjvm.core.net.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small seeded frame generator for runs without a capture: a flow mix of IPv4 TCP (60%), UDP
 * (20%) and ICMP echo (5%), IPv6 UDP (10%) and ARP (5%), from 16 sources in 198.51.100.0/24 to 4
 * destinations in 203.0.113.0/24 (the documentation ranges) on ports 22, 53, 80 and 443, with
 * valid IPv4 and L4 checksums. The same seed gives the same frames.
 */
public final class TrafficGenerator {
    /** The destination MAC of generated frames. */
    static final byte[] DST_MAC = {0x02, 0, 0, 0, 0, 0x02};
    /** The source MAC of generated frames. */
    static final byte[] SRC_MAC = {0x02, 0, 0, 0, 0, 0x01};

    private static final int[] PORTS = {22, 53, 80, 443};

    private final SplittableRandom random;

    /** A generator seeded with {@code seed}. */
    public TrafficGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@return the next {@code n} frames} */
    public List<byte[]> frames(int n) {
        List<byte[]> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(next());
        }
        return l;
    }

    /** {@return the next frame} */
    public byte[] next() {
        int kind = random.nextInt(100);
        int payload = 18 + random.nextInt(180);
        byte[] src = {(byte) 198, 51, 100, (byte) (1 + random.nextInt(16))};
        byte[] dst = {(byte) 203, 0, 113, (byte) (1 + random.nextInt(4))};
        int sport = 1024 + random.nextInt(60000);
        int dport = PORTS[random.nextInt(PORTS.length)];
        if (kind < 60) {
            return ipv4(6, src, dst, l4(6, sport, dport, payload));
        } else if (kind < 80) {
            return ipv4(17, src, dst, l4(17, sport, dport, payload));
        } else if (kind < 85) {
            return ipv4(1, src, dst, l4(1, sport, 0, payload));
        } else if (kind < 95) {
            return ipv6(sport, dport, payload);
        }
        return arp(src, dst);
    }

    private byte[] l4(int proto, int sport, int dport, int payload) {
        int hl = proto == 6 ? 20 : 8;
        byte[] b = new byte[hl + payload];
        if (proto == 1) {
            b[0] = 8; // echo request
            put16(b, 4, sport);
            put16(b, 6, random.nextInt(65536));
        } else {
            put16(b, 0, sport);
            put16(b, 2, dport);
        }
        if (proto == 6) {
            put32(b, 4, random.nextInt());
            b[12] = 0x50;
            b[13] = 0x18; // PSH|ACK
            put16(b, 14, 64240);
        } else if (proto == 17) {
            put16(b, 4, b.length);
        }
        for (int i = hl; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private byte[] ipv4(int proto, byte[] src, byte[] dst, byte[] l4) {
        byte[] f = new byte[14 + 20 + l4.length];
        ether(f, 0x0800);
        f[14] = 0x45;
        put16(f, 16, 20 + l4.length);
        put16(f, 18, random.nextInt(65536));
        f[22] = 64;
        f[23] = (byte) proto;
        System.arraycopy(src, 0, f, 26, 4);
        System.arraycopy(dst, 0, f, 30, 4);
        put16(f, 24, fold(sum(f, 14, 20, 0)));
        System.arraycopy(l4, 0, f, 34, l4.length);
        int csumOff = proto == 6 ? 34 + 16 : proto == 17 ? 34 + 6 : 34 + 2;
        long s = sum(f, 34, l4.length, 0);
        if (proto != 1) {
            s = sum(f, 26, 8, s) + proto + l4.length;
        }
        int c = fold(s);
        put16(f, csumOff, proto == 17 && c == 0 ? 0xffff : c);
        return f;
    }

    private byte[] ipv6(int sport, int dport, int payload) {
        byte[] udp = l4(17, sport, dport, payload);
        byte[] f = new byte[14 + 40 + udp.length];
        ether(f, 0x86dd);
        f[14] = 0x60;
        put16(f, 18, udp.length);
        f[20] = 17;
        f[21] = 64;
        f[22] = 0x20;
        f[23] = 0x01;
        f[24] = 0x0d;
        f[25] = (byte) 0xb8; // 2001:db8::/32
        f[37] = (byte) (1 + random.nextInt(16));
        f[38] = 0x20;
        f[39] = 0x01;
        f[40] = 0x0d;
        f[41] = (byte) 0xb8;
        f[53] = (byte) (1 + random.nextInt(4));
        System.arraycopy(udp, 0, f, 54, udp.length);
        long s = sum(f, 22, 32, sum(f, 54, udp.length, 0)) + 17 + udp.length;
        int c = fold(s);
        put16(f, 54 + 6, c == 0 ? 0xffff : c);
        return f;
    }

    private static byte[] arp(byte[] spa, byte[] tpa) {
        byte[] f = new byte[14 + 28];
        ether(f, 0x0806);
        put16(f, 14, 1);
        put16(f, 16, 0x0800);
        f[18] = 6;
        f[19] = 4;
        put16(f, 20, 1); // request
        System.arraycopy(SRC_MAC, 0, f, 22, 6);
        System.arraycopy(spa, 0, f, 28, 4);
        System.arraycopy(tpa, 0, f, 38, 4);
        return f;
    }

    private static void ether(byte[] f, int type) {
        System.arraycopy(DST_MAC, 0, f, 0, 6);
        System.arraycopy(SRC_MAC, 0, f, 6, 6);
        put16(f, 12, type);
    }

    private static long sum(byte[] b, int off, int len, long s) {
        for (int i = 0; i + 1 < len; i += 2) {
            s += ((b[off + i] & 0xff) << 8) | (b[off + i + 1] & 0xff);
        }
        if ((len & 1) != 0) {
            s += (b[off + len - 1] & 0xff) << 8;
        }
        return s;
    }

    private static int fold(long s) {
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) (~s & 0xffff);
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static void put32(byte[] b, int off, int v) {
        put16(b, off, v >>> 16);
        put16(b, off + 2, v);
    }
}
