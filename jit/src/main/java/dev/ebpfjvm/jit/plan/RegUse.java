package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.exec.TailCalls;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.core.isa.Source;

/**
 * The registers an instruction reads and writes, as bit masks (bit n = rn), in the JIT's own
 * execution: helpers and callees never change the caller's r1–r9 (each JVM method has its own
 * locals), so calls write only r0.
 */
final class RegUse {
    /** r1–r5, the argument registers. */
    static final int ARGS = 0b111110;

    private RegUse() {}

    /** {@return the registers the instruction reads} */
    static int uses(Insn insn) {
        int dst = 1 << insn.dst();
        int src = 1 << insn.src();
        switch (insn.insnClass()) {
            case ALU:
            case ALU64:
                return aluUses(insn, dst, src);
            case JMP:
            case JMP32:
                return jumpUses(insn, dst, src);
            case LD:
                return insn.mode() == MemMode.IND ? src : 0;
            case LDX:
                return src;
            case ST:
                return dst;
            case STX:
                if (insn.mode() == MemMode.ATOMIC && insn.atomicOp() == AtomicOp.CMPXCHG) {
                    return dst | src | 1;
                }
                return dst | src;
            default:
                throw new AssertionError(insn);
        }
    }

    /** {@return the registers the instruction writes} */
    static int defs(Insn insn) {
        switch (insn.insnClass()) {
            case ALU:
            case ALU64:
            case LDX:
                return 1 << insn.dst();
            case LD:
                return insn.isWide() ? 1 << insn.dst() : 1;
            case JMP:
            case JMP32:
                return insn.opcode() == 0x85 || insn.opcode() == 0x8d ? 1 : 0;
            case ST:
                return 0;
            case STX:
                if (insn.mode() != MemMode.ATOMIC || !insn.atomicOp().isFetch()) {
                    return 0;
                }
                return insn.atomicOp() == AtomicOp.CMPXCHG ? 1 : 1 << insn.src();
            default:
                throw new AssertionError(insn);
        }
    }

    private static int aluUses(Insn insn, int dst, int src) {
        AluOp op = insn.aluOp();
        boolean x = insn.source() == Source.X;
        if (op == AluOp.MOV || op == AluOp.MOVSX) {
            return x ? src : 0;
        }
        if (op == AluOp.NEG || op == AluOp.END || op == AluOp.BSWAP) {
            return dst;
        }
        return x ? dst | src : dst;
    }

    private static int jumpUses(Insn insn, int dst, int src) {
        switch (insn.jumpOp()) {
            case JA:
                return 0;
            case EXIT:
                return 1;
            case CALL:
                if (insn.opcode() == 0x8d) {
                    return ARGS | dst;
                }
                return insn.isHelperCall() && insn.imm() == TailCalls.HELPER_ID ? 0b1110 : ARGS;
            default:
                return insn.source() == Source.X ? dst | src : dst;
        }
    }
}
