package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.core.isa.Source;

/**
 * The constant each instruction's code pushes, exactly as the emitters push it: an {@code int}
 * for 32-bit operations and a {@code long} (the sign-extended immediate) for 64-bit ones. Small
 * constants (shift counts, widths, memory offsets) are left out: they never need the constant
 * pool.
 */
public final class Constants {
    /** How a constant is pushed. */
    public enum Kind {
        /** No constant worth pooling. */
        NONE,
        /** An {@code int}. */
        INT,
        /** A {@code long}. */
        LONG
    }

    private Constants() {}

    /** {@return how the instruction's constant is pushed} */
    public static Kind kind(Insn insn) {
        switch (insn.insnClass()) {
            case ALU64:
                return insn.source() == Source.K && isPlainAlu(insn.aluOp()) ? Kind.LONG : Kind.NONE;
            case ALU:
                if (insn.source() != Source.K) {
                    return Kind.NONE;
                }
                AluOp op = insn.aluOp();
                if (op == AluOp.MOV || isDivision(op)) {
                    return Kind.LONG;
                }
                return isPlainAlu(op) ? Kind.INT : Kind.NONE;
            case JMP:
            case JMP32:
                if (insn.source() != Source.K
                        || insn.jumpOp() == null
                        || !insn.jumpOp().isConditional()) {
                    return Kind.NONE;
                }
                return insn.insnClass() == InsnClass.JMP ? Kind.LONG : Kind.INT;
            case LD:
                return insn.isWide() && insn.pseudoSrc() == PseudoSrc.FUNC ? Kind.NONE : Kind.LONG;
            case ST:
                return Kind.LONG;
            default:
                return Kind.NONE;
        }
    }

    /** {@return the value of the instruction's constant; meaningful when {@link #kind} is not NONE} */
    public static long value(Insn insn) {
        if (insn.insnClass() == InsnClass.ALU && insn.aluOp() == AluOp.MOV) {
            return insn.imm() & 0xffffffffL;
        }
        return insn.imm();
    }

    /** {@return true for the operations whose K form pushes the immediate itself} */
    private static boolean isPlainAlu(AluOp op) {
        switch (op) {
            case ADD:
            case SUB:
            case MUL:
            case OR:
            case AND:
            case XOR:
            case MOV:
                return true;
            default:
                return isDivision(op);
        }
    }

    /** {@return true for div, mod, sdiv, smod, which call {@link dev.ebpfjvm.core.exec.Alu} with a long divisor} */
    static boolean isDivision(AluOp op) {
        return op == AluOp.DIV || op == AluOp.MOD || op == AluOp.SDIV || op == AluOp.SMOD;
    }

    /** {@return true for a helper call, a local call or callx} */
    static boolean isCall(Insn insn) {
        return insn.insnClass().isJump() && insn.jumpOp() == JumpOp.CALL;
    }
}
