package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.isa.AluOp;

/**
 * Transfer functions of ALU operations on scalars: the result's tnum and ranges from the operands',
 * as adjust_scalar_min_max_vals() and the scalar(32)_min_max_*() functions of
 * kernel/bpf/verifier.c (v6.18) compute them. A 32-bit operation works on the low halves and
 * zero-extends. Operations the kernel does not track (division, modulo, shifts by a non-constant,
 * byte swaps) give an unknown scalar, as there.
 */
final class ScalarAlu {
    private ScalarAlu() {}

    /** Applies {@code dst op= src} to the scalar dst. */
    static void apply(AluOp op, RegState dst, RegState src, boolean is32) {
        dst.id = 0;
        dst.off = 0;
        if (is32) {
            // work on the zero-extended low halves: the 32-bit result is the low half of the 64-bit one
            narrow(dst);
            RegState s = src.copy();
            narrow(s);
            src = s;
        }
        int width = is32 ? 32 : 64;
        switch (op) {
            case ADD:
                add(dst, src);
                break;
            case SUB:
                sub(dst, src);
                break;
            case MUL:
                mul(dst, src);
                break;
            case AND:
                and(dst, src);
                break;
            case OR:
                or(dst, src);
                break;
            case XOR:
                xor(dst, src);
                break;
            case LSH:
            case RSH:
            case ARSH:
                if (!src.isConst() || Long.compareUnsigned(src.umax, width) >= 0) {
                    dst.markUnknown();
                } else {
                    shift(op, dst, (int) src.umin, is32);
                }
                break;
            default:
                dst.markUnknown();
                break;
        }
        if (is32) {
            truncate32(dst);
        } else {
            dst.sync();
        }
    }

    /** {@code dst = -dst}, as 0 - dst. */
    static void neg(RegState dst, boolean is32) {
        RegState zero = RegState.constant(0);
        RegState src = dst.copy();
        dst.assign(zero);
        apply(AluOp.SUB, dst, src, is32);
    }

    /** Replaces a register by its zero-extended low 32 bits. */
    static void narrow(RegState r) {
        r.var = r.var.subreg();
        r.umin = r.u32min;
        r.umax = r.u32max;
        r.smin = r.u32min;
        r.smax = r.u32max;
        r.sync();
    }

    /** Keeps the low 32 bits of a 64-bit result computed from zero-extended operands. */
    static void truncate32(RegState r) {
        r.var = r.var.subreg();
        if ((r.umin >>> 32) == (r.umax >>> 32) && Long.compareUnsigned(r.umin, r.umax) <= 0) {
            long lo = r.umin & RegState.U32_MAX;
            long hi = r.umax & RegState.U32_MAX;
            r.umin = lo;
            r.umax = hi;
        } else {
            r.umin = 0;
            r.umax = RegState.U32_MAX;
        }
        r.smin = r.umin;
        r.smax = r.umax;
        r.unbound32();
        r.sync();
    }

    private static void add(RegState d, RegState s) {
        long smin = d.smin + s.smin;
        long smax = d.smax + s.smax;
        boolean sOverflow = overflowAdd(d.smin, s.smin) || overflowAdd(d.smax, s.smax);
        long umin = d.umin + s.umin;
        long umax = d.umax + s.umax;
        boolean uOverflow = Long.compareUnsigned(umax, d.umax) < 0 || Long.compareUnsigned(umin, d.umin) < 0;
        Tnum var = d.var.add(s.var);
        d.markUnknown();
        d.var = var;
        if (!sOverflow) {
            d.smin = smin;
            d.smax = smax;
        }
        if (!uOverflow) {
            d.umin = umin;
            d.umax = umax;
        }
    }

    private static boolean overflowAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0;
    }

    private static boolean overflowSub(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0;
    }

    private static void sub(RegState d, RegState s) {
        boolean sOverflow = overflowSub(d.smin, s.smax) || overflowSub(d.smax, s.smin);
        long smin = d.smin - s.smax;
        long smax = d.smax - s.smin;
        boolean uUnderflow = Long.compareUnsigned(d.umin, s.umax) < 0;
        long umin = d.umin - s.umax;
        long umax = d.umax - s.umin;
        Tnum var = d.var.sub(s.var);
        d.markUnknown();
        d.var = var;
        if (!sOverflow) {
            d.smin = smin;
            d.smax = smax;
        }
        if (!uUnderflow) {
            d.umin = umin;
            d.umax = umax;
        }
    }

    private static void mul(RegState d, RegState s) {
        Tnum var = d.var.mul(s.var);
        boolean small = Long.compareUnsigned(d.umax, RegState.U32_MAX) <= 0
                && Long.compareUnsigned(s.umax, RegState.U32_MAX) <= 0;
        long umin = d.umin * s.umin;
        long umax = d.umax * s.umax;
        d.markUnknown();
        d.var = var;
        if (small) {
            d.umin = umin;
            d.umax = umax;
            if (umax >= 0) {
                d.smin = umin;
                d.smax = umax;
            }
        }
    }

    private static void and(RegState d, RegState s) {
        Tnum var = d.var.and(s.var);
        long umax = RegState.uminOf(d.umax, s.umax);
        boolean nonNeg = d.smin >= 0 && s.smin >= 0;
        d.markUnknown();
        d.var = var;
        d.umin = var.value();
        d.umax = umax;
        if (nonNeg) {
            d.smin = d.umin;
            d.smax = umax;
        }
    }

    private static void or(RegState d, RegState s) {
        Tnum var = d.var.or(s.var);
        long umin = RegState.umaxOf(d.umin, s.umin);
        boolean nonNeg = d.smin >= 0 && s.smin >= 0;
        d.markUnknown();
        d.var = var;
        d.umin = umin;
        d.umax = var.value() | var.mask();
        if (nonNeg) {
            d.smin = umin;
            d.smax = d.umax;
        }
    }

    private static void xor(RegState d, RegState s) {
        Tnum var = d.var.xor(s.var);
        boolean nonNeg = d.smin >= 0 && s.smin >= 0;
        d.markUnknown();
        d.var = var;
        d.umin = var.value();
        d.umax = var.value() | var.mask();
        if (nonNeg) {
            d.smin = d.umin;
            d.smax = d.umax;
        }
    }

    private static void shift(AluOp op, RegState d, int n, boolean is32) {
        if (op == AluOp.LSH) {
            Tnum var = d.var.lshift(n);
            boolean fits = n == 0 || Long.compareUnsigned(d.umax, -1L >>> n) <= 0;
            long umin = d.umin << n;
            long umax = d.umax << n;
            d.markUnknown();
            d.var = var;
            if (fits) {
                d.umin = umin;
                d.umax = umax;
            }
        } else if (op == AluOp.RSH) {
            Tnum var = d.var.rshift(n);
            long umin = d.umin >>> n;
            long umax = d.umax >>> n;
            d.markUnknown();
            d.var = var;
            d.umin = umin;
            d.umax = umax;
        } else if (is32) {
            // arithmetic shift of the low half: sign-extend it first, shift, keep the low half
            long s32min = d.s32min;
            long s32max = d.s32max;
            Tnum var = d.var.arshift(n, true);
            d.markUnknown();
            d.var = var;
            long lo = s32min >> n;
            long hi = s32max >> n;
            if (lo >= 0 || hi < 0) {
                d.umin = lo & RegState.U32_MAX;
                d.umax = hi & RegState.U32_MAX;
            }
        } else {
            Tnum var = d.var.arshift(n, false);
            long smin = d.smin >> n;
            long smax = d.smax >> n;
            d.markUnknown();
            d.var = var;
            d.smin = smin;
            d.smax = smax;
        }
    }
}
