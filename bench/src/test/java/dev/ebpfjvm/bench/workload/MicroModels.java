package dev.ebpfjvm.bench.workload;

import static dev.ebpfjvm.core.memory.LittleEndian.getU16;
import static dev.ebpfjvm.core.memory.LittleEndian.getU32;
import static dev.ebpfjvm.core.memory.LittleEndian.getU64;
import static dev.ebpfjvm.core.memory.LittleEndian.putU32;
import static dev.ebpfjvm.core.memory.LittleEndian.putU64;

/**
 * Java models of the seven micro programs of testdata/bench, written from their assembly text
 * line by line: what r0 must be after one run on a buffer (changing the buffer as the program
 * does). Independent of both engines, so a benchmark cannot measure a wrong result.
 */
final class MicroModels {
    private MicroModels() {}

    static long alu64Loop(byte[] b) {
        long r3 = getU64(b, 0);
        long r0 = 0;
        for (long r5 = 0; r5 < 1000; r5++) {
            r3 = r3 * 0x5851f42d4c957f2dL + 0x14057b7ef767814fL;
            long r7 = ((r3 >>> 29) ^ r3) << 7 | r5;
            r0 += r7 - r5;
        }
        return r0;
    }

    static long memRw1k(byte[] b) {
        long r0 = 0;
        for (int p = 0; p < 1024; p += 8) {
            long r5 = getU64(b, p);
            r0 += r5;
            putU64(b, p, r5 ^ r0);
            r0 += getU32(b, p + 4);
            b[p + 7] = b[p + 3];
        }
        return r0;
    }

    static long csum1500(byte[] b) {
        long r0 = 0;
        long r3 = 0;
        for (int i = 0; i < 1500; i++) {
            r0 += b[i] & 0xff;
            r3 += r0;
        }
        return (r0 & 0xffff) | (r3 & 0xffff) << 16;
    }

    static long calls(byte[] b) {
        long r6 = 0;
        for (long r7 = 0; r7 < 200; r7++) {
            long x = r7 * 3 + r6;
            r6 = (x ^ 0x5a5a) + (x >>> 3);
        }
        return r6;
    }

    static long divLoop(byte[] b) {
        long r3 = getU64(b, 0);
        long r0 = 0;
        for (long r7 = 1; r7 <= 500; r7++) {
            r0 += Long.divideUnsigned(r3, r7);
            r0 += Long.remainderUnsigned(r3, r7);
            r0 += Integer.toUnsignedLong(Integer.divideUnsigned((int) r3, (int) r7));
            r3 ^= r0;
        }
        return r0;
    }

    static long straightLine(byte[] b) {
        long r3 = be16(getU16(b, 12));
        long r4 = b[23] & 0xff;
        long r5 = be32(getU32(b, 26));
        long r6 = be32(getU32(b, 30));
        long r7 = be16(getU16(b, 34));
        long r8 = be16(getU16(b, 36));
        long r0 = ((r5 ^ r6) << 16) ^ (r7 << 16 | r8);
        r0 *= 0x1e3779b1;
        r0 ^= r0 >>> 32;
        r0 += r4;
        r0 += u32(((int) r3 - 0x800) >> 4);
        long r9 = -((r0 + u32(r5)) ^ (r7 & 0xffff)) & 0x7fffffff;
        r6 = u32((int) (r9 >>> 3) + (int) r8);
        putU32(b, 40, r6);
        long r5b = getU64(b, 0) + r9;
        putU64(b, 48, r5b);
        return (getU64(b, 8) ^ r5b) + r6 ^ r3;
    }

    private static long be16(long v) {
        return Short.reverseBytes((short) v) & 0xffffL;
    }

    private static long be32(long v) {
        return u32(Integer.reverseBytes((int) v));
    }

    private static long u32(long v) {
        return v & 0xffff_ffffL;
    }
}
