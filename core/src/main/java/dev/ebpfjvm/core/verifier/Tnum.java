package dev.ebpfjvm.core.verifier;

/**
 * A tristate number: each bit is known 0, known 1 or unknown ({@code mask} bit set). The
 * operations are the kernel's transfer functions of kernel/bpf/tnum.c (v6.18), written afresh.
 *
 * @param value the known bits (zero where {@code mask} is set)
 * @param mask the unknown bits
 */
public record Tnum(long value, long mask) {
    /** A fully unknown value. */
    public static final Tnum UNKNOWN = new Tnum(0, -1L);
    /** The constant 0. */
    public static final Tnum ZERO = new Tnum(0, 0);

    /** {@return the constant v} */
    public static Tnum constant(long v) {
        return new Tnum(v, 0);
    }

    /** {@return the smallest tnum holding every unsigned value in [min, max]} */
    public static Tnum range(long min, long max) {
        long chi = min ^ max;
        int bits = 64 - Long.numberOfLeadingZeros(chi);
        if (bits > 63) {
            return UNKNOWN;
        }
        long delta = (1L << bits) - 1;
        return new Tnum(min & ~delta, delta);
    }

    /** {@return true when every bit is known} */
    public boolean isConst() {
        return mask == 0;
    }

    /** {@return true when no bit is known} */
    public boolean isUnknown() {
        return mask == -1L;
    }

    Tnum lshift(int s) {
        return new Tnum(value << s, mask << s);
    }

    Tnum rshift(int s) {
        return new Tnum(value >>> s, mask >>> s);
    }

    Tnum arshift(int s, boolean is32) {
        if (is32) {
            return new Tnum(((int) value >> s) & 0xffffffffL, ((int) mask >> s) & 0xffffffffL);
        }
        return new Tnum(value >> s, mask >> s);
    }

    Tnum add(Tnum b) {
        long sm = mask + b.mask;
        long sv = value + b.value;
        long sigma = sm + sv;
        long chi = sigma ^ sv;
        long mu = chi | mask | b.mask;
        return new Tnum(sv & ~mu, mu);
    }

    Tnum sub(Tnum b) {
        long dv = value - b.value;
        long alpha = dv + mask;
        long beta = dv - b.mask;
        long chi = alpha ^ beta;
        long mu = chi | mask | b.mask;
        return new Tnum(dv & ~mu, mu);
    }

    Tnum and(Tnum b) {
        long alpha = value | mask;
        long beta = b.value | b.mask;
        long v = value & b.value;
        return new Tnum(v, alpha & beta & ~v);
    }

    Tnum or(Tnum b) {
        long v = value | b.value;
        long mu = mask | b.mask;
        return new Tnum(v, mu & ~v);
    }

    Tnum xor(Tnum b) {
        long v = value ^ b.value;
        long mu = mask | b.mask;
        return new Tnum(v & ~mu, mu);
    }

    /** Long multiplication over tristate bits: a known 1 bit of this adds b's unknowns, an unknown bit adds all of b. */
    Tnum mul(Tnum b) {
        Tnum a = this;
        long accV = value * b.value;
        Tnum accM = ZERO;
        while (a.value != 0 || a.mask != 0) {
            if ((a.value & 1) != 0) {
                accM = accM.add(new Tnum(0, b.mask));
            } else if ((a.mask & 1) != 0) {
                accM = accM.add(new Tnum(0, b.value | b.mask));
            }
            a = a.rshift(1);
            b = b.lshift(1);
        }
        return new Tnum(accV, 0).add(accM);
    }

    Tnum intersect(Tnum b) {
        long v = value | b.value;
        long mu = mask & b.mask;
        return new Tnum(v & ~mu, mu);
    }

    /** {@return the low {@code bytes} bytes only} */
    Tnum cast(int bytes) {
        long keep = bytes >= 8 ? -1L : (1L << (bytes * 8)) - 1;
        return new Tnum(value & keep, mask & keep);
    }

    Tnum subreg() {
        return cast(4);
    }

    Tnum clearSubreg() {
        return rshift(32).lshift(32);
    }

    Tnum withSubreg(Tnum sub) {
        return clearSubreg().or(sub.subreg());
    }

    /** {@return true when every value of b is a value of this} */
    boolean contains(Tnum b) {
        if ((b.mask & ~mask) != 0) {
            return false;
        }
        return value == (b.value & ~mask);
    }

    /** {@return the kernel's tnum_strn form, {@code (0x0; 0xff)}} */
    @Override
    public String toString() {
        return "(0x" + Long.toHexString(value) + "; 0x" + Long.toHexString(mask) + ")";
    }
}
