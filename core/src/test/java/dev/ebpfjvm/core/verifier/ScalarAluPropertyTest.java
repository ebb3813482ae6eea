package dev.ebpfjvm.core.verifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.isa.AluOp;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Soundness of the scalar transfer functions and branch refinement: for seeded random ranges and
 * values inside them, the abstract result always contains the concrete one.
 */
class ScalarAluPropertyTest {
    private static final AluOp[] OPS = {
        AluOp.ADD, AluOp.SUB, AluOp.MUL, AluOp.AND, AluOp.OR, AluOp.XOR, AluOp.LSH, AluOp.RSH, AluOp.ARSH
    };

    private static RegState around(Random rnd, long v) {
        RegState r = RegState.unknown();
        int kind = rnd.nextInt(4);
        if (kind == 0) {
            r.setConst(v);
            return r;
        }
        long w = kind == 1 ? rnd.nextInt(256) : kind == 2 ? rnd.nextInt(1 << 20) : Long.MAX_VALUE / 4;
        r.smin = v - rnd.nextLong(w + 1);
        r.smax = v + rnd.nextLong(w + 1);
        if (r.smin > v || r.smax < v) { // overflow: leave unbounded
            r.smin = Long.MIN_VALUE;
            r.smax = Long.MAX_VALUE;
        }
        r.sync();
        return r;
    }

    private static boolean contains(RegState r, long v) {
        return r.var.contains(Tnum.constant(v))
                && r.smin <= v
                && v <= r.smax
                && Long.compareUnsigned(r.umin, v) <= 0
                && Long.compareUnsigned(v, r.umax) <= 0
                && r.s32min <= (int) v
                && (int) v <= r.s32max
                && r.u32min <= (v & 0xffffffffL)
                && (v & 0xffffffffL) <= r.u32max;
    }

    private static long concrete(AluOp op, long a, long b, boolean is32) {
        if (is32) {
            int x = (int) a;
            int y = (int) b;
            long r;
            switch (op) {
                case ADD:
                    r = x + y;
                    break;
                case SUB:
                    r = x - y;
                    break;
                case MUL:
                    r = x * y;
                    break;
                case AND:
                    r = x & y;
                    break;
                case OR:
                    r = x | y;
                    break;
                case XOR:
                    r = x ^ y;
                    break;
                case LSH:
                    r = x << (y & 31);
                    break;
                case RSH:
                    r = x >>> (y & 31);
                    break;
                default:
                    r = x >> (y & 31);
                    break;
            }
            return r & 0xffffffffL;
        }
        switch (op) {
            case ADD:
                return a + b;
            case SUB:
                return a - b;
            case MUL:
                return a * b;
            case AND:
                return a & b;
            case OR:
                return a | b;
            case XOR:
                return a ^ b;
            case LSH:
                return a << (b & 63);
            case RSH:
                return a >>> (b & 63);
            default:
                return a >> (b & 63);
        }
    }

    @Test
    void alu_resultContainsConcreteValue() {
        long seed = Long.getLong("ebpfjvm.seed", 20261206L);
        Random rnd = new Random(seed);
        for (int i = 0; i < 200_000; i++) {
            AluOp op = OPS[rnd.nextInt(OPS.length)];
            boolean is32 = rnd.nextBoolean();
            boolean shift = op == AluOp.LSH || op == AluOp.RSH || op == AluOp.ARSH;
            long a = rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(4096) - 2048;
            long b =
                    shift ? rnd.nextInt(is32 ? 32 : 64) : rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(512) - 256;
            RegState da = around(rnd, a);
            RegState db = shift && rnd.nextBoolean() ? RegState.constant(b) : around(rnd, b);
            if (is32) {
                db = db.copy();
            }
            RegState out = da.copy();
            ScalarAlu.apply(op, out, db, is32);
            long want = concrete(op, a, b, is32);
            assertTrue(
                    contains(out, want),
                    "seed " + seed + " case " + i + ": " + a + " " + op + (is32 ? "32 " : " ") + b + " = " + want
                            + " not in " + out.describe() + " from " + da.describe() + ", " + db.describe());
        }
    }

    private static boolean taken(dev.ebpfjvm.core.isa.JumpOp op, long a, long b, boolean is32) {
        long x = is32 ? (int) a : a;
        long y = is32 ? (int) b : b;
        long ux = is32 ? a & 0xffffffffL : a;
        long uy = is32 ? b & 0xffffffffL : b;
        switch (op) {
            case JEQ:
                return ux == uy;
            case JNE:
                return ux != uy;
            case JGT:
                return Long.compareUnsigned(ux, uy) > 0;
            case JGE:
                return Long.compareUnsigned(ux, uy) >= 0;
            case JLT:
                return Long.compareUnsigned(ux, uy) < 0;
            case JLE:
                return Long.compareUnsigned(ux, uy) <= 0;
            case JSGT:
                return x > y;
            case JSGE:
                return x >= y;
            case JSLT:
                return x < y;
            default:
                return x <= y;
        }
    }

    @Test
    void branch_refinementKeepsTheValuesOfEachSide() {
        long seed = Long.getLong("ebpfjvm.seed", 20261207L);
        Random rnd = new Random(seed);
        dev.ebpfjvm.core.isa.JumpOp[] ops = {
            dev.ebpfjvm.core.isa.JumpOp.JEQ,
            dev.ebpfjvm.core.isa.JumpOp.JNE,
            dev.ebpfjvm.core.isa.JumpOp.JGT,
            dev.ebpfjvm.core.isa.JumpOp.JGE,
            dev.ebpfjvm.core.isa.JumpOp.JLT,
            dev.ebpfjvm.core.isa.JumpOp.JLE,
            dev.ebpfjvm.core.isa.JumpOp.JSGT,
            dev.ebpfjvm.core.isa.JumpOp.JSGE,
            dev.ebpfjvm.core.isa.JumpOp.JSLT,
            dev.ebpfjvm.core.isa.JumpOp.JSLE
        };
        for (int i = 0; i < 200_000; i++) {
            dev.ebpfjvm.core.isa.JumpOp op = ops[rnd.nextInt(ops.length)];
            boolean is32 = rnd.nextBoolean();
            long a = rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(64) - 32;
            long b = rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(64) - 32;
            RegState da = around(rnd, a);
            RegState db = around(rnd, b);
            boolean holds = taken(op, a, b, is32);
            dev.ebpfjvm.core.isa.JumpOp eff = holds ? op : Branches.negate(op);
            RegState ra = da.copy();
            RegState rb = db.copy();
            Branches.apply(eff, ra, rb, is32);
            assertTrue(
                    contains(ra, a) && contains(rb, b),
                    "seed " + seed + " case " + i + ": " + a + " " + eff
                            + (is32 ? "32 " : " ") + b + " lost: " + ra.describe() + ", " + rb.describe() + " from "
                            + da.describe() + ", " + db.describe());
        }
    }
}
