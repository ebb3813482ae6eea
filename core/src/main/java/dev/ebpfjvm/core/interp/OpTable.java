package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.isa.Source;

/** Which {@link Op} an ALU, conditional jump, load or store instruction runs as. */
final class OpTable {
    private OpTable() {}

    /** {@return the operation of a well-formed ALU or ALU64 instruction} */
    static int alu(Insn insn) {
        boolean wide = insn.insnClass() == InsnClass.ALU64;
        AluOp op = insn.aluOp();
        switch (op) {
            case ADD:
                return variant(Op.ADD64_K, insn);
            case SUB:
                return variant(Op.SUB64_K, insn);
            case MUL:
                return variant(Op.MUL64_K, insn);
            case DIV:
                return variant(Op.DIV64_K, insn);
            case SDIV:
                return variant(Op.SDIV64_K, insn);
            case OR:
                return variant(Op.OR64_K, insn);
            case AND:
                return variant(Op.AND64_K, insn);
            case LSH:
                return variant(Op.LSH64_K, insn);
            case RSH:
                return variant(Op.RSH64_K, insn);
            case MOD:
                return variant(Op.MOD64_K, insn);
            case SMOD:
                return variant(Op.SMOD64_K, insn);
            case XOR:
                return variant(Op.XOR64_K, insn);
            case MOV:
                return variant(Op.MOV64_K, insn);
            case ARSH:
                return variant(Op.ARSH64_K, insn);
            case NEG:
                return wide ? Op.NEG64 : Op.NEG32;
            case MOVSX:
                return wide ? Op.MOVSX64 : Op.MOVSX32;
            // BPF_END in class ALU: source K converts to little endian (a truncation on this
            // little-endian machine), source X to big endian (a swap); in ALU64 it always swaps.
            case END:
                return insn.source() == Source.K ? Op.END_LE : Op.END_SWAP;
            case BSWAP:
                return Op.END_SWAP;
            default:
                throw new AssertionError(op);
        }
    }

    /** {@return the operation of a well-formed conditional JMP or JMP32 instruction} */
    static int condition(Insn insn) {
        switch (insn.jumpOp()) {
            case JEQ:
                return variant(Op.JEQ64_K, insn);
            case JGT:
                return variant(Op.JGT64_K, insn);
            case JGE:
                return variant(Op.JGE64_K, insn);
            case JSET:
                return variant(Op.JSET64_K, insn);
            case JNE:
                return variant(Op.JNE64_K, insn);
            case JSGT:
                return variant(Op.JSGT64_K, insn);
            case JSGE:
                return variant(Op.JSGE64_K, insn);
            case JLT:
                return variant(Op.JLT64_K, insn);
            case JLE:
                return variant(Op.JLE64_K, insn);
            case JSLT:
                return variant(Op.JSLT64_K, insn);
            case JSLE:
                return variant(Op.JSLE64_K, insn);
            case JA:
                return Op.JA;
            default:
                throw new AssertionError(insn);
        }
    }

    /** {@return the operation of a well-formed LDX, ST or STX instruction} */
    static int memory(Insn insn) {
        int size = sizeIndex(insn.size());
        switch (insn.insnClass()) {
            case LDX:
                return insn.mode() == MemMode.MEMSX ? Op.LDSX_B + size : Op.LDX_B + size;
            case ST:
                return Op.ST_B + size;
            case STX:
                if (insn.mode() == MemMode.ATOMIC) {
                    return insn.size() == Size.DW ? Op.ATOMIC_DW : Op.ATOMIC_W;
                }
                return Op.STX_B + size;
            default:
                throw new AssertionError(insn);
        }
    }

    /** The K/X, 64/32 variant of a four-variant operation whose first ({@code 64_K}) code is given. */
    private static int variant(int first64K, Insn insn) {
        return first64K + (insn.is32() ? 2 : 0) + (insn.source() == Source.X ? 1 : 0);
    }

    /** B, H, W, DW as 0–3, the order of the LDX/LDSX/ST/STX codes in {@link Op}. */
    private static int sizeIndex(Size size) {
        switch (size) {
            case B:
                return 0;
            case H:
                return 1;
            case W:
                return 2;
            case DW:
                return 3;
            default:
                throw new AssertionError(size);
        }
    }
}
