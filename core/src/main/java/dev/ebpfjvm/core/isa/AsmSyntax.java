package dev.ebpfjvm.core.isa;

import static dev.ebpfjvm.core.isa.AsmEncoders.name;

/**
 * Prints an instruction in the conformance assembler syntax, with the spellings
 * {@link AsmEncoders} reads, so that {@code Assembler.assemble(toAsm(p))} gives back {@code p}.
 * Jump targets print as slot offsets ({@code +N}/{@code -N}); immediates as decimal when negative
 * or below 10, as hex otherwise.
 */
final class AsmSyntax {
    private AsmSyntax() {}

    /** {@return the text of a well-formed instruction; the caller has checked it with {@link InsnValidator#check}} */
    static String format(Insn insn) {
        switch (insn.insnClass()) {
            case ALU:
            case ALU64:
                return alu(insn);
            case JMP:
            case JMP32:
                return jump(insn);
            case LD:
                return ld(insn);
            case LDX:
                return "ldx" + (insn.mode() == MemMode.MEMSX ? "s" : "") + name(insn.size()) + " " + reg(insn.dst())
                        + ", " + mem(insn.src(), insn.off());
            case ST:
                return "st" + name(insn.size()) + " " + mem(insn.dst(), insn.off()) + ", " + imm(insn.imm());
            case STX:
                return insn.mode() == MemMode.ATOMIC
                        ? atomic(insn)
                        : "stx" + name(insn.size()) + " " + mem(insn.dst(), insn.off()) + ", " + reg(insn.src());
            default:
                throw new AssertionError(insn.insnClass());
        }
    }

    private static String alu(Insn insn) {
        AluOp op = insn.aluOp();
        boolean alu32 = insn.insnClass() == InsnClass.ALU;
        String w = alu32 ? "32" : "";
        switch (op) {
            case NEG:
                return "neg" + w + " " + reg(insn.dst());
            case END:
                return (insn.source() == Source.X ? "be" : "le") + insn.imm() + " " + reg(insn.dst());
            case BSWAP:
                return "bswap" + insn.imm() + " " + reg(insn.dst());
            case MOVSX:
                return "movsx" + insn.off() + (alu32 ? "32" : "64") + " " + reg(insn.dst()) + ", " + reg(insn.src());
            default:
                return name(op) + w + " " + reg(insn.dst()) + ", " + operand(insn);
        }
    }

    private static String jump(Insn insn) {
        JumpOp op = insn.jumpOp();
        boolean jmp32 = insn.insnClass() == InsnClass.JMP32;
        switch (op) {
            case JA:
                return jmp32 ? "ja32 " + rel(insn.imm()) : "ja " + rel(insn.off());
            case EXIT:
                return "exit";
            case CALL:
                if (insn.source() == Source.X) {
                    return "call " + reg(insn.dst());
                }
                if (insn.isLocalCall()) {
                    return "call local " + rel(insn.imm());
                }
                if (insn.isKfuncCall()) {
                    return "call runtime " + insn.imm() + (insn.off() != 0 ? ", " + insn.off() : "");
                }
                return "call " + insn.imm();
            default:
                return name(op) + (jmp32 ? "32 " : " ") + reg(insn.dst()) + ", " + operand(insn) + ", "
                        + rel(insn.off());
        }
    }

    private static String ld(Insn insn) {
        String size = name(insn.size());
        if (insn.isWide()) {
            PseudoSrc src = insn.pseudoSrc();
            return "lddw " + reg(insn.dst()) + ", " + imm(insn.imm()) + (src == PseudoSrc.NONE ? "" : ", " + name(src));
        }
        if (insn.mode() == MemMode.ABS) {
            return "ldabs" + size + " " + imm(insn.imm());
        }
        return "ldind" + size + " " + reg(insn.src()) + ", " + imm(insn.imm());
    }

    private static String atomic(Insn insn) {
        AtomicOp op = insn.atomicOp();
        String w = insn.size() == Size.W ? "32" : "";
        String text;
        if (op == AtomicOp.XCHG || op == AtomicOp.CMPXCHG) {
            text = "lock " + name(op) + w;
        } else {
            text = "lock " + name(op).replace("fetch_", "fetch ") + w;
        }
        return text + " " + mem(insn.dst(), insn.off()) + ", " + reg(insn.src());
    }

    private static String operand(Insn insn) {
        return insn.source() == Source.X ? reg(insn.src()) : imm(insn.imm());
    }

    private static String reg(int r) {
        return "%r" + r;
    }

    private static String mem(int reg, int off) {
        return "[" + reg(reg) + (off == 0 ? "" : off > 0 ? "+" + off : Integer.toString(off)) + "]";
    }

    private static String rel(long off) {
        return off >= 0 ? "+" + off : Long.toString(off);
    }

    /** Negative and small values in decimal, the rest in hex (a 64-bit negative as its bit pattern). */
    static String imm(long v) {
        if (v > -10 && v < 10 || (v < 0 && v >= Integer.MIN_VALUE)) {
            return Long.toString(v);
        }
        return "0x" + Long.toHexString(v);
    }
}
