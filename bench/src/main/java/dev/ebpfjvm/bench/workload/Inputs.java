package dev.ebpfjvm.bench.workload;

import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.Random;

/**
 * The inputs of the workloads: deterministic, so that every engine and every fork sees the same
 * bytes, and read by the programs at run time, so that the JVM cannot fold a run to a constant.
 */
public final class Inputs {
    /** The seed of every pseudo-random input. */
    public static final long SEED = 0x5eed_ebbfL;
    /** Where the IPv4 header starts in a {@link #tcpFrame} (after an untagged Ethernet header). */
    public static final int IP = 14;
    /** Where the TCP header starts in a {@link #tcpFrame} (IPv4 without options). */
    public static final int TCP = IP + 20;
    /** {@code sizeof(struct __sk_buff)}. */
    public static final int SKB_SIZE = 192;

    private static final int SKB_MARK = 8;

    private Inputs() {}

    /** {@return {@code size} pseudo-random bytes, the same for every call with the same size} */
    public static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(SEED + size).nextBytes(bytes);
        return bytes;
    }

    /**
     * {@return an Ethernet/IPv4/TCP frame of {@code size} bytes (at least 54)} 02:00:00:00:00:0a to
     * …:0b, 10.0.0.1:40000 to 10.0.0.2:443, DF set, TTL 64, a valid IPv4 header checksum, TCP
     * flags SYN|ACK, and a pseudo-random payload.
     */
    public static byte[] tcpFrame(int size) {
        if (size < TCP + 20) {
            throw new IllegalArgumentException("a TCP frame needs at least " + (TCP + 20) + " bytes: " + size);
        }
        byte[] f = random(size);
        byte[] macs = {2, 0, 0, 0, 0, 0x0b, 2, 0, 0, 0, 0, 0x0a};
        System.arraycopy(macs, 0, f, 0, macs.length);
        putBe16(f, 12, 0x0800);
        f[IP] = 0x45;
        f[IP + 1] = 0;
        putBe16(f, IP + 2, size - IP);
        putBe16(f, IP + 4, 0x1234);
        putBe16(f, IP + 6, 0x4000);
        f[IP + 8] = 64;
        f[IP + 9] = 6;
        putBe16(f, IP + 10, 0);
        putBe32(f, IP + 12, 0x0a00_0001);
        putBe32(f, IP + 16, 0x0a00_0002);
        putBe16(f, IP + 10, ipChecksum(f));
        putBe16(f, TCP, 40000);
        putBe16(f, TCP + 2, 443);
        f[TCP + 12] = 0x50;
        f[TCP + 13] = 0x12;
        return f;
    }

    /** {@return an input {@code struct __sk_buff} for a test run: all zero but the mark} */
    public static byte[] skbIn(int mark) {
        byte[] skb = new byte[SKB_SIZE];
        LittleEndian.putU32(skb, SKB_MARK, mark);
        return skb;
    }

    private static int ipChecksum(byte[] f) {
        int sum = 0;
        for (int i = IP; i < IP + 20; i += 2) {
            sum += ((f[i] & 0xff) << 8) | (f[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    private static void putBe16(byte[] a, int i, int v) {
        a[i] = (byte) (v >>> 8);
        a[i + 1] = (byte) v;
    }

    private static void putBe32(byte[] a, int i, int v) {
        putBe16(a, i, v >>> 16);
        putBe16(a, i + 2, v);
    }
}
