package dev.ebpfjvm.core.isa;

import dev.ebpfjvm.core.InvalidProgramException;

/**
 * The structural checks the kernel makes before it explores any path: known opcodes, reserved
 * fields zero, registers in range, jumps inside the program and not into the middle of an lddw.
 * Messages follow the kernel's ({@code resolve_pseudo_ldimm64()}, {@code check_alu_op()},
 * {@code check_cfg()} in kernel/bpf/verifier.c).
 */
public final class InsnValidator {
    private InsnValidator() {
    }

    /**
     * Checks every instruction of a program.
     *
     * @throws InvalidProgramException naming the first slot at fault and why
     */
    public static void validate(Instructions program) {
        if (program.size() == 0) {
            throw new InvalidProgramException(-1, "empty program");
        }
        for (int i = 0; i < program.size(); i++) {
            int slot = program.slotOf(i);
            Insn insn = program.list().get(i);
            String reason = check(insn);
            if (reason == null && insn.hasJumpTarget()) {
                reason = checkTarget(program, insn.jumpTarget(slot));
            }
            if (reason != null) {
                throw new InvalidProgramException(slot, reason);
            }
        }
    }

    /** {@return why a single instruction is malformed, or null when it is well formed} */
    public static String check(Insn insn) {
        if (insn.dst() > Reg.R10 || (insn.src() > Reg.R10 && !insn.isWide())) {
            return "invalid register: r" + Math.max(insn.dst(), insn.src());
        }
        switch (insn.insnClass()) {
            case ALU:
            case ALU64:
                return checkAlu(insn);
            case JMP:
            case JMP32:
                return checkJump(insn);
            case LD:
                return checkLd(insn);
            case LDX:
                return (insn.mode() == MemMode.MEM || insn.mode() == MemMode.MEMSX && insn.size() != Size.DW)
                        && insn.imm() == 0 ? null : "BPF_LDX uses reserved fields";
            case ST:
                return insn.mode() == MemMode.MEM && insn.src() == 0 ? null : "BPF_ST uses reserved fields";
            case STX:
                return checkStx(insn);
            default:
                throw new AssertionError(insn);
        }
    }

    private static String checkAlu(Insn insn) {
        AluOp op = insn.aluOp();
        if (op == null) {
            return String.format("invalid BPF_ALU opcode 0x%02x", insn.opcode());
        }
        boolean k = insn.source() == Source.K;
        switch (op) {
            case NEG:
                return k && insn.src() == 0 && insn.off() == 0 && insn.imm() == 0 ? null : "BPF_NEG uses reserved fields";
            case END:
            case BSWAP:
                if (insn.src() != 0 || insn.off() != 0 || (op == AluOp.BSWAP && !k)) {
                    return "BPF_END uses reserved fields";
                }
                long w = insn.imm();
                return w == 16 || w == 32 || w == 64 ? null : "BPF_END uses reserved fields";
            case MOVSX:
                if (k || insn.imm() != 0) {
                    return "BPF_MOV uses reserved fields";
                }
                int off = insn.off();
                return off == 8 || off == 16 || (off == 32 && insn.insnClass() == InsnClass.ALU64)
                        ? null : "BPF_MOV uses reserved fields";
            default:
                boolean signedOp = op == AluOp.SDIV || op == AluOp.SMOD;
                if (insn.off() != 0 && !signedOp) {
                    return "BPF_ALU uses reserved fields";
                }
                return k ? (insn.src() == 0 ? null : "BPF_ALU uses reserved fields")
                        : (insn.imm() == 0 ? null : "BPF_ALU uses reserved fields");
        }
    }

    private static String checkJump(Insn insn) {
        JumpOp op = insn.jumpOp();
        if (op == null) {
            return String.format("invalid BPF_JMP opcode 0x%02x", insn.opcode());
        }
        boolean jmp32 = insn.insnClass() == InsnClass.JMP32;
        boolean k = insn.source() == Source.K;
        switch (op) {
            case JA:
                if (!k || insn.src() != 0 || insn.dst() != 0) {
                    return "BPF_JA uses reserved fields";
                }
                return (jmp32 ? insn.off() == 0 : insn.imm() == 0) ? null : "BPF_JA uses reserved fields";
            case CALL:
                if (jmp32 || insn.off() != 0 || insn.src() > 2) {
                    return "BPF_CALL uses reserved fields";
                }
                // callx (source X, as LLVM encodes it): the helper id is in the dst register.
                return k ? (insn.dst() == 0 ? null : "BPF_CALL uses reserved fields")
                        : (insn.src() == 0 && insn.imm() == 0 ? null : "BPF_CALL uses reserved fields");
            case EXIT:
                return !jmp32 && k && insn.src() == 0 && insn.dst() == 0 && insn.off() == 0 && insn.imm() == 0
                        ? null : "BPF_EXIT uses reserved fields";
            default:
                return k ? (insn.src() == 0 ? null : "BPF_JMP/JMP32 uses reserved fields")
                        : (insn.imm() == 0 ? null : "BPF_JMP/JMP32 uses reserved fields");
        }
    }

    private static String checkLd(Insn insn) {
        MemMode mode = insn.mode();
        if (insn.isWide()) {
            if (insn.off() != 0 || insn.pseudoSrc() == null) {
                return "BPF_LD_IMM64 uses reserved fields";
            }
            return null;
        }
        if ((mode == MemMode.ABS || mode == MemMode.IND) && insn.size() != Size.DW) {
            if (insn.dst() != 0 || insn.off() != 0 || (mode == MemMode.ABS && insn.src() != 0)) {
                return "BPF_LD_[ABS|IND] uses reserved fields";
            }
            return null;
        }
        return String.format("invalid BPF_LD opcode 0x%02x", insn.opcode());
    }

    private static String checkStx(Insn insn) {
        if (insn.mode() == MemMode.MEM) {
            return insn.imm() == 0 ? null : "BPF_STX uses reserved fields";
        }
        if (insn.mode() == MemMode.ATOMIC) {
            if (insn.size() != Size.W && insn.size() != Size.DW) {
                return "invalid atomic operand size";
            }
            return insn.atomicOp() != null ? null : String.format("BPF_ATOMIC uses invalid atomic opcode %02x", insn.imm());
        }
        return "BPF_STX uses reserved fields";
    }

    private static String checkTarget(Instructions program, int target) {
        if (target < 0 || target >= program.slotCount()) {
            return "jump out of range to insn " + target;
        }
        if (program.atSlot(target) == null) {
            return "jump into the middle of ldimm64 insn " + (target - 1);
        }
        return null;
    }
}
