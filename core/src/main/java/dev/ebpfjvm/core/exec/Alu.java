package dev.ebpfjvm.core.exec;

/**
 * The ALU rules of eBPF that Java's operators do not already give, shared by the interpreter
 * (which calls them) and the JIT (which emits {@code invokestatic} to them, or inline bytecode
 * proven equal by the differential tests).
 *
 * <p>Java already matches eBPF for: shift counts (masked to 63 or 31), two's-complement wrap,
 * {@code Long.MIN_VALUE / -1 == Long.MIN_VALUE} and {@code Long.MIN_VALUE % -1 == 0} (as
 * {@code sdiv}/{@code smod} require). What remains is division and modulo by zero, which do not
 * trap: {@code x / 0 == 0} and {@code x % 0 == x} (mirrors the BPF_DIV/BPF_MOD rewrite in
 * {@code do_misc_fixups()}, kernel/bpf/verifier.c). 32-bit results are returned zero-extended.
 */
public final class Alu {
    private static final long LOW32 = 0xffffffffL;

    private Alu() {}

    /** {@return unsigned 64-bit dst / src; 0 when src is 0} */
    public static long div64(long dst, long src) {
        return src == 0 ? 0 : Long.divideUnsigned(dst, src);
    }

    /** {@return unsigned 64-bit dst % src; dst when src is 0} */
    public static long mod64(long dst, long src) {
        return src == 0 ? dst : Long.remainderUnsigned(dst, src);
    }

    /** {@return signed 64-bit dst / src; 0 when src is 0} */
    public static long sdiv64(long dst, long src) {
        return src == 0 ? 0 : dst / src;
    }

    /** {@return signed 64-bit dst % src; dst when src is 0} */
    public static long smod64(long dst, long src) {
        return src == 0 ? dst : dst % src;
    }

    /** {@return unsigned 32-bit dst / src, zero-extended; 0 when src is 0} */
    public static long div32(long dst, long src) {
        int s = (int) src;
        return s == 0 ? 0 : Integer.divideUnsigned((int) dst, s) & LOW32;
    }

    /** {@return unsigned 32-bit dst % src, zero-extended; the low half of dst when src is 0} */
    public static long mod32(long dst, long src) {
        int s = (int) src;
        return (s == 0 ? (int) dst : Integer.remainderUnsigned((int) dst, s)) & LOW32;
    }

    /** {@return signed 32-bit dst / src, zero-extended; 0 when src is 0} */
    public static long sdiv32(long dst, long src) {
        int s = (int) src;
        return s == 0 ? 0 : ((int) dst / s) & LOW32;
    }

    /** {@return signed 32-bit dst % src, zero-extended; the low half of dst when src is 0} */
    public static long smod32(long dst, long src) {
        int s = (int) src;
        return (s == 0 ? (int) dst : (int) dst % s) & LOW32;
    }

    /** {@return the low {@code bits} (8, 16 or 32) of v, sign-extended to 64 bits ({@code movsx}, {@code ldsx})} */
    public static long signExtend(long v, int bits) {
        switch (bits) {
            case 8:
                return (byte) v;
            case 16:
                return (short) v;
            case 32:
                return (int) v;
            default:
                throw new IllegalArgumentException("sign extension from " + bits + " bits");
        }
    }

    /** {@return the low {@code bits} (16, 32, 64) of v with their bytes reversed, zero-extended ({@code bswap}, {@code be} on little-endian)} */
    public static long bswap(long v, int bits) {
        switch (bits) {
            case 16:
                return Short.reverseBytes((short) v) & 0xffffL;
            case 32:
                return Integer.reverseBytes((int) v) & LOW32;
            case 64:
                return Long.reverseBytes(v);
            default:
                throw new IllegalArgumentException("byte swap of " + bits + " bits");
        }
    }

    /** {@return the low {@code bits} (16, 32, 64) of v, zero-extended ({@code le} on little-endian)} */
    public static long truncate(long v, int bits) {
        switch (bits) {
            case 16:
                return v & 0xffffL;
            case 32:
                return v & LOW32;
            case 64:
                return v;
            default:
                throw new IllegalArgumentException("truncation to " + bits + " bits");
        }
    }
}
