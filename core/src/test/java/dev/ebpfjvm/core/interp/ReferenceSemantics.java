package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.JumpOp;
import java.math.BigInteger;

/**
 * An independent model of eBPF arithmetic and comparisons, written from the instruction set's
 * definition (RFC 9669, kernel/bpf/core.c, the division rewrites of kernel/bpf/verifier.c) with
 * {@link BigInteger}, and sharing no code with {@code dev.ebpfjvm.core.exec.Alu}: operands are
 * turned into mathematical integers, the operation is done exactly, and the result is reduced
 * modulo 2^64 or 2^32.
 */
final class ReferenceSemantics {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger TWO_32 = BigInteger.ONE.shiftLeft(32);

    private ReferenceSemantics() {}

    /**
     * {@return dst after {@code op dst, src}}: {@code src} is the register's value, or for an
     * immediate operand the imm sign-extended to 64 bits, as the instruction sees it
     */
    static long alu(boolean wide, AluOp op, long dst, long src) {
        int width = wide ? 64 : 32;
        BigInteger modulus = wide ? TWO_64 : TWO_32;
        BigInteger ua = unsigned(dst, width);
        BigInteger ub = unsigned(src, width);
        BigInteger sa = signed(dst, width);
        BigInteger sb = signed(src, width);
        BigInteger result;
        switch (op) {
            case ADD:
                result = ua.add(ub);
                break;
            case SUB:
                result = ua.subtract(ub);
                break;
            case MUL:
                result = ua.multiply(ub);
                break;
            case DIV:
                result = ub.signum() == 0 ? BigInteger.ZERO : ua.divide(ub);
                break;
            case SDIV:
                result = sb.signum() == 0 ? BigInteger.ZERO : sa.divide(sb);
                break; // rounds toward zero
            case MOD:
                result = ub.signum() == 0 ? ua : ua.mod(ub);
                break;
            case SMOD:
                result = sb.signum() == 0 ? ua : sa.remainder(sb);
                break;
            case OR:
                result = ua.or(ub);
                break;
            case AND:
                result = ua.and(ub);
                break;
            case XOR:
                result = ua.xor(ub);
                break;
            case LSH:
                result = ua.shiftLeft(shiftCount(src, width));
                break;
            case RSH:
                result = ua.shiftRight(shiftCount(src, width));
                break;
            case ARSH:
                result = sa.shiftRight(shiftCount(src, width));
                break;
            case MOV:
                result = ub;
                break;
            case NEG:
                result = ua.negate();
                break;
            default:
                throw new IllegalArgumentException("not a binary operation: " + op);
        }
        return result.mod(modulus).longValue();
    }

    /** {@return {@code movsx dst, src} of the low {@code bits}, in class ALU64 or ALU} */
    static long movsx(boolean wide, long src, int bits) {
        return signed(src, bits).mod(wide ? TWO_64 : TWO_32).longValue();
    }

    /** {@return the low {@code bits} of v, unsigned ({@code le} on a little-endian machine)} */
    static long toLittleEndian(long v, int bits) {
        return unsigned(v, bits).longValue();
    }

    /** {@return the low {@code bits} of v with their bytes in reverse order ({@code be}, {@code bswap})} */
    static long swapBytes(long v, int bits) {
        long out = 0;
        for (int i = 0; i < bits / 8; i++) {
            long b = (v >>> (8 * i)) & 0xff;
            out |= b << (bits - 8 - 8 * i);
        }
        return out;
    }

    /** {@return whether {@code if dst op src} jumps, comparing 64 or the low 32 bits} */
    static boolean jumps(boolean wide, JumpOp op, long dst, long src) {
        int width = wide ? 64 : 32;
        int unsignedCmp = unsigned(dst, width).compareTo(unsigned(src, width));
        int signedCmp = signed(dst, width).compareTo(signed(src, width));
        switch (op) {
            case JEQ:
                return unsignedCmp == 0;
            case JNE:
                return unsignedCmp != 0;
            case JGT:
                return unsignedCmp > 0;
            case JGE:
                return unsignedCmp >= 0;
            case JLT:
                return unsignedCmp < 0;
            case JLE:
                return unsignedCmp <= 0;
            case JSGT:
                return signedCmp > 0;
            case JSGE:
                return signedCmp >= 0;
            case JSLT:
                return signedCmp < 0;
            case JSLE:
                return signedCmp <= 0;
            case JSET:
                return unsigned(dst, width).and(unsigned(src, width)).signum() != 0;
            default:
                throw new IllegalArgumentException("not a condition: " + op);
        }
    }

    /** The shift count: the low 6 (64-bit) or 5 (32-bit) bits of the operand. */
    private static int shiftCount(long src, int width) {
        return unsigned(src, 64).mod(BigInteger.valueOf(width)).intValue();
    }

    /** {@return the low {@code bits} of v as an unsigned integer} */
    static BigInteger unsigned(long v, int bits) {
        return BigInteger.valueOf(v).mod(BigInteger.ONE.shiftLeft(bits));
    }

    /** {@return the low {@code bits} of v as a two's-complement signed integer} */
    static BigInteger signed(long v, int bits) {
        BigInteger u = unsigned(v, bits);
        return u.testBit(bits - 1) ? u.subtract(BigInteger.ONE.shiftLeft(bits)) : u;
    }
}
