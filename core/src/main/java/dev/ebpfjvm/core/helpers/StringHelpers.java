package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.LittleEndian;

/**
 * {@code bpf_strtol} and {@code bpf_strtoul} ({@code __bpf_strtoull()} in kernel/bpf/helpers.c,
 * v6.18): parse an integer from the first {@code buf_len} bytes of a buffer. Leading whitespace
 * and one '-' are allowed; base 0 detects "0x" (16) and "0" (8); base 16 also skips a "0x"
 * prefix. Only the first 63 bytes after the sign are looked at. Returns the bytes consumed;
 * -EINVAL for bad flags or base, an empty buffer, no digits, or (strtoul) a '-'; -ERANGE on
 * overflow. {@code *res} is 0 on every error.
 */
public final class StringHelpers {
    /** {@code BPF_STRTOX_BASE_MASK}. */
    static final long BASE_MASK = 0x1f;

    private StringHelpers() {}

    /** {@code long bpf_strtol(const char *buf, size_t buf_len, u64 flags, long *res)}. */
    public static long strtol(ProgramContext ctx, long buf, long bufLen, long flags, long res, long r5) {
        long[] parsed = new long[2];
        long r = parse(ctx, buf, bufLen, flags, parsed);
        long value = 0;
        if (r >= 0) {
            boolean negative = parsed[1] != 0;
            long u = parsed[0];
            if (negative ? -u > 0 : u < 0) {
                r = Errno.ERANGE.negative();
            } else {
                value = negative ? -u : u;
            }
        }
        store(ctx, res, r < 0 ? 0 : value);
        return r;
    }

    /** {@code long bpf_strtoul(const char *buf, size_t buf_len, u64 flags, unsigned long *res)}. */
    public static long strtoul(ProgramContext ctx, long buf, long bufLen, long flags, long res, long r5) {
        long[] parsed = new long[2];
        long r = parse(ctx, buf, bufLen, flags, parsed);
        if (r >= 0 && parsed[1] != 0) {
            r = Errno.EINVAL.negative();
        }
        store(ctx, res, r < 0 ? 0 : parsed[0]);
        return r;
    }

    private static void store(ProgramContext ctx, long res, long value) {
        byte[] b = new byte[8];
        LittleEndian.putU64(b, 0, value);
        ctx.memory().write(res, b, 0, 8);
    }

    /** {@code __bpf_strtoull()}: parsed[0] = the magnitude, parsed[1] = 1 if negative; {@return the bytes consumed or a negative errno} */
    private static long parse(ProgramContext ctx, long buf, long bufLen, long flags, long[] parsed) {
        int base = (int) (flags & BASE_MASK);
        if (buf == 0
                || bufLen == 0
                || (base != 0 && base != 8 && base != 10 && base != 16)
                || (flags & ~BASE_MASK) != 0) {
            return Errno.EINVAL.negative();
        }
        // size_t: a length above Integer.MAX_VALUE (negative here) fits no region, and the read faults
        byte[] b = ctx.memory().read(buf, bufLen < 0 || bufLen > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) bufLen);
        int i = 0;
        while (i < b.length && Bprintf.isSpace(b[i] & 0xff)) {
            i++;
        }
        boolean negative = i < b.length && b[i] == '-';
        if (negative) {
            i++;
        }
        int consumed = i;
        if (consumed == b.length) {
            return Errno.EINVAL.negative();
        }
        int end = Math.min(b.length, i + 63);
        int p = i;
        if (base == 0) {
            base = at(b, p, end) == '0' ? (isX(at(b, p + 1, end)) && isHex(at(b, p + 2, end)) ? 16 : 8) : 10;
        }
        if (base == 16 && at(b, p, end) == '0' && isX(at(b, p + 1, end))) {
            p += 2;
        }
        long value = 0;
        int digits = 0;
        boolean overflow = false;
        for (int d; (d = digit(at(b, p, end))) >= 0 && d < base; p++, digits++) {
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L, base)) > 0) {
                overflow = true;
            }
            long next = value * base + d;
            if (Long.compareUnsigned(next, value * base) < 0) {
                overflow = true;
            }
            value = next;
        }
        if (overflow) {
            return Errno.ERANGE.negative();
        }
        if (digits == 0) {
            return Errno.EINVAL.negative();
        }
        parsed[0] = value;
        parsed[1] = negative ? 1 : 0;
        return p;
    }

    private static int at(byte[] b, int i, int end) {
        return i < end ? b[i] & 0xff : 0;
    }

    private static boolean isX(int c) {
        return c == 'x' || c == 'X';
    }

    private static boolean isHex(int c) {
        return digit(c) >= 0 && digit(c) < 16;
    }

    private static int digit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lc = c | 0x20;
        return lc >= 'a' && lc <= 'z' ? lc - 'a' + 10 : -1;
    }
}
