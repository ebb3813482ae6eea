package dev.ebpfjvm.core.isa;

import dev.ebpfjvm.core.InvalidProgramException;
import java.util.TreeSet;

/**
 * The structural checks the kernel makes before it explores any path: known opcodes, reserved
 * fields zero, registers in range, jumps inside their function and not into the middle of an
 * lddw, every function ending in exit or an unconditional jump. Messages follow the kernel's
 * ({@code resolve_pseudo_ldimm64()}, {@code check_subprogs()}, {@code check_cfg()},
 * {@code check_alu_op()} and {@code do_check_insn()} in kernel/bpf/verifier.c, v6.18).
 *
 * <p>What the kernel checks only while exploring paths (division by a zero immediate, shift counts
 * out of range, unreachable code, uninitialised registers) is left to the verifier, so that the
 * conformance suite's programs for those cases still run; writes to r10 are rejected here, as the
 * kernel rejects them on every instruction it reaches. Deliberate differences: the off of
 * {@code exit} must be zero (the kernel ignores it; RFC 9669 and the conformance suite's negative
 * tests demand zero); callx (0x8d, the register in dst) is accepted for the suite's callx group
 * (the kernel knows no such opcode). Not supported yet, so rejected: {@code may_goto} (0xe5) and
 * the load-acquire/store-release atomics (imm 0x100/0x110).
 */
public final class InsnValidator {
    private InsnValidator() {}

    /**
     * Checks every instruction of a program, then its functions and jumps.
     *
     * @throws InvalidProgramException naming the first slot at fault and why
     */
    public static void validate(Instructions program) {
        if (program.size() == 0) {
            throw new InvalidProgramException(-1, "empty program");
        }
        for (int i = 0; i < program.size(); i++) {
            String reason = check(program.list().get(i));
            if (reason != null) {
                throw new InvalidProgramException(program.slotOf(i), reason);
            }
        }
        checkFunctions(program);
    }

    /**
     * Mirrors add_subprog_and_kfunc() and check_subprogs(): functions start at slot 0 and at the
     * target of every local call and {@code BPF_PSEUDO_FUNC} lddw; a jump must land inside its own
     * function, on the first slot of an instruction; a function's last slot must be exit or ja.
     */
    private static void checkFunctions(Instructions program) {
        int slots = program.slotCount();
        TreeSet<Integer> starts = new TreeSet<>();
        starts.add(0);
        for (int i = 0; i < program.size(); i++) {
            Insn insn = program.list().get(i);
            int slot = program.slotOf(i);
            boolean func = insn.isWide() && insn.pseudoSrc() == PseudoSrc.FUNC;
            if (insn.isLocalCall() || func) {
                int target = slot + 1 + insn.imm32();
                if (target < 0 || target >= slots) {
                    throw new InvalidProgramException(slot, "call to invalid destination");
                }
                checkNotMiddle(program, slot, target);
                starts.add(target);
            }
        }
        for (int i = 0; i < program.size(); i++) {
            Insn insn = program.list().get(i);
            int slot = program.slotOf(i);
            int start = starts.floor(slot);
            Integer next = starts.higher(slot);
            int end = next == null ? slots : next;
            if (insn.hasJumpTarget() && !insn.isLocalCall()) {
                int target = insn.jumpTarget(slot);
                if (target < start || target >= end) {
                    throw new InvalidProgramException(slot, "jump out of range from insn " + slot + " to " + target);
                }
                checkNotMiddle(program, slot, target);
            }
            if (slot + insn.slots() == end && !isFunctionEnd(insn)) {
                throw new InvalidProgramException(end - 1, "last insn is not an exit or jmp");
            }
        }
    }

    private static boolean isFunctionEnd(Insn insn) {
        return insn.isExit()
                || insn.opcode() == (InsnClass.JMP.code() | JumpOp.JA.code())
                || insn.opcode() == (InsnClass.JMP32.code() | JumpOp.JA.code());
    }

    /** Mirrors the ldimm64 check at the end of check_cfg(). */
    private static void checkNotMiddle(Instructions program, int slot, int target) {
        if (program.atSlot(target) == null) {
            throw new InvalidProgramException(slot, "jump into the middle of ldimm64 insn " + (target - 1));
        }
    }

    /**
     * {@return false for an opcode no instruction has}: an ALU or jump operation that does not
     * exist, an LD mode other than lddw and LD_ABS/LD_IND of 1, 2 or 4 bytes, or a sign-extending
     * 8-byte load. The kernel looks every opcode up in its instruction table before any other check
     * ({@code bpf_opcode_in_insntable()}), so a verifier reports these first, as unknown opcodes.
     */
    public static boolean isKnownOpcode(Insn insn) {
        switch (insn.insnClass()) {
            case ALU:
            case ALU64:
                return insn.aluOp() != null;
            case JMP:
            case JMP32:
                return insn.jumpOp() != null;
            case LD:
                return insn.isWide()
                        || (insn.mode() == MemMode.ABS || insn.mode() == MemMode.IND) && insn.size() != Size.DW;
            case LDX:
                return !(insn.mode() == MemMode.MEMSX && insn.size() == Size.DW);
            default:
                return true;
        }
    }

    /** {@return why a single instruction is malformed, or null when it is well formed} */
    public static String check(Insn insn) {
        if (insn.dst() > Reg.R10) {
            return "R" + insn.dst() + " is invalid";
        }
        if (insn.src() > Reg.R10 && !insn.isWide()) {
            return "R" + insn.src() + " is invalid";
        }
        String reason = checkFields(insn);
        return reason == null && writesFramePointer(insn) ? "frame pointer is read only" : reason;
    }

    private static String checkFields(Insn insn) {
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
                                && insn.imm() == 0
                        ? null
                        : "BPF_LDX uses reserved fields";
            case ST:
                return insn.mode() == MemMode.MEM && insn.src() == 0 ? null : "BPF_ST uses reserved fields";
            case STX:
                return checkStx(insn);
            default:
                throw new AssertionError(insn);
        }
    }

    /**
     * Mirrors check_reg_arg(..., DST_OP) on r10: ALU results, loads and lddw write dst, a fetching
     * atomic (other than cmpxchg, which writes r0) writes src. The kernel checks this on every
     * reachable instruction and rejects unreachable ones, so no program that writes r10 loads;
     * engines may treat r10 as constant for a whole frame.
     */
    private static boolean writesFramePointer(Insn insn) {
        switch (insn.insnClass()) {
            case ALU:
            case ALU64:
            case LDX:
                return insn.dst() == Reg.R10;
            case LD:
                return insn.isWide() && insn.dst() == Reg.R10;
            case STX:
                AtomicOp op = insn.mode() == MemMode.ATOMIC ? insn.atomicOp() : null;
                return op != null && op.isFetch() && op != AtomicOp.CMPXCHG && insn.src() == Reg.R10;
            default:
                return false;
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
                return k && insn.src() == 0 && insn.off() == 0 && insn.imm() == 0
                        ? null
                        : "BPF_NEG uses reserved fields";
            case END:
            case BSWAP:
                if (insn.src() != 0 || insn.off() != 0 || (op == AluOp.BSWAP && !k)) {
                    return "BPF_END uses reserved fields";
                }
                long w = insn.imm();
                return w == 16 || w == 32 || w == 64 ? null : "BPF_END uses reserved fields";
            case MOV:
                // check_alu_op(): a MOV names its own reserved fields
                return (k ? insn.src() == 0 : insn.imm() == 0) && insn.off() == 0
                        ? null
                        : "BPF_MOV uses reserved fields";
            case MOVSX:
                if (k || insn.imm() != 0) {
                    return "BPF_MOV uses reserved fields";
                }
                int off = insn.off();
                return off == 8 || off == 16 || (off == 32 && insn.insnClass() == InsnClass.ALU64)
                        ? null
                        : "BPF_MOV uses reserved fields";
            default:
                boolean signedOp = op == AluOp.SDIV || op == AluOp.SMOD;
                if (insn.off() != 0 && !signedOp) {
                    return "BPF_ALU uses reserved fields";
                }
                return k
                        ? (insn.src() == 0 ? null : "BPF_ALU uses reserved fields")
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
                // A kfunc call (src 2) keeps the index of its BTF object in off.
                if (jmp32 || (insn.off() != 0 && !insn.isKfuncCall()) || insn.src() > 2) {
                    return "BPF_CALL uses reserved fields";
                }
                // callx (source X, as LLVM encodes it): the helper id is in the dst register.
                return k
                        ? (insn.dst() == 0 ? null : "BPF_CALL uses reserved fields")
                        : (insn.src() == 0 && insn.imm() == 0 ? null : "BPF_CALL uses reserved fields");
            case EXIT:
                return !jmp32 && k && insn.src() == 0 && insn.dst() == 0 && insn.off() == 0 && insn.imm() == 0
                        ? null
                        : "BPF_EXIT uses reserved fields";
            default:
                return k
                        ? (insn.src() == 0 ? null : "BPF_JMP/JMP32 uses reserved fields")
                        : (insn.imm() == 0 ? null : "BPF_JMP/JMP32 uses reserved fields");
        }
    }

    private static String checkLd(Insn insn) {
        MemMode mode = insn.mode();
        if (insn.isWide()) {
            PseudoSrc src = insn.pseudoSrc();
            // A map by index leaves the second imm zero; only a map value has an offset there. A map
            // by fd is, in ebpf-jvm, already resolved by the loader to the map's 64-bit address.
            if (src == null || (src == PseudoSrc.MAP_IDX && insn.imm() >>> 32 != 0)) {
                return "unrecognized bpf_ld_imm64 insn";
            }
            return insn.off() == 0 ? null : "BPF_LD_IMM64 uses reserved fields";
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
            return insn.atomicOp() != null
                    ? null
                    : String.format("BPF_ATOMIC uses invalid atomic opcode %02x", insn.imm());
        }
        return "BPF_STX uses reserved fields";
    }
}
