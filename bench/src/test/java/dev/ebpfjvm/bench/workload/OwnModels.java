package dev.ebpfjvm.bench.workload;

import static dev.ebpfjvm.core.memory.LittleEndian.getU32;
import static dev.ebpfjvm.core.memory.LittleEndian.getU64;

import java.util.HashMap;
import java.util.Map;

/**
 * Java models of our own assembled workloads, written from what each program's header says it
 * computes: r0 after one run on a buffer. {@link MapHash} keeps its map between runs as the
 * program's HASH map does.
 */
final class OwnModels {
    private OwnModels() {}

    static long aluMix(byte[] b) {
        long x = getU64(b, 0) | 1;
        int r4 = (int) getU32(b, 8);
        long r0 = 0;
        for (int i = 0; i < 1000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            int r7 = (int) x * 0x7feb352d;
            r7 ^= r7 >>> 15;
            r4 = (r4 + r7) >> 3;
            r0 += Integer.toUnsignedLong(r7);
            r0 ^= Integer.toUnsignedLong(r4);
        }
        return r0;
    }

    /** The flow hash of an untagged IPv4/TCP frame without IP options, as parse_tcp computes it. */
    static long parseTcp(byte[] f) {
        int ip = 14;
        int tcp = ip + (f[ip] & 0xf) * 4;
        long addrs = getU32(f, ip + 12) << 32 | getU32(f, ip + 16);
        long ports = (long) be16(f, tcp) << 16 | be16(f, tcp + 2);
        long h = (addrs ^ ports) * 0x1e3779b1;
        h ^= h >>> 29;
        return h << 8 | (f[tcp + 13] & 0xff);
    }

    /** RFC 1071 over the whole buffer. */
    static long inetCsum(byte[] f) {
        long sum = 0;
        for (int i = 0; i + 1 < f.length; i += 2) {
            sum += be16(f, i);
        }
        if ((f.length & 1) != 0) {
            sum += (f[f.length - 1] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    static long callChain(byte[] b) {
        long acc = 0;
        for (int i = 0; i < 64; i++) {
            long w = getU32(b, 4 * i);
            long t = acc ^ round(w);
            acc = round(t + w) + t;
        }
        return acc;
    }

    private static long round(long x) {
        return Long.rotateLeft(x * 0x27d4eb2f, 31) ^ (x >>> 7);
    }

    private static int be16(byte[] f, int i) {
        return (f[i] & 0xff) << 8 | (f[i + 1] & 0xff);
    }

    /** map_hash with its map, which lives from run to run. */
    static final class MapHash {
        private final Map<Long, Long> counters = new HashMap<>();

        long run(byte[] b) {
            long acc = 0;
            for (int i = 0; i < 32; i++) {
                long w = getU32(b, 4 * i);
                Long old = counters.get(w & 0x1f);
                long seen = old == null ? 0 : old + 1;
                if (old != null) {
                    counters.put(w & 0x1f, seen);
                }
                acc += seen;
                counters.put(w >>> 8 & 0x1f, acc);
            }
            return acc;
        }

        Map<Long, Long> counters() {
            return counters;
        }
    }
}
