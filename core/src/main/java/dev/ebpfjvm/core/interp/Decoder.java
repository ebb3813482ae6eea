package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.exec.Helper;
import dev.ebpfjvm.core.exec.HelperFunction;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.TailCalls;
import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.InsnValidator;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.core.isa.PseudoSrc;
import java.util.Arrays;

/**
 * Turns a {@link Program} into a {@link DecodedProgram}: validates it, maps every instruction to
 * an {@link Op}, pre-computes jump targets and immediates, and resolves helper calls, so that
 * nothing is decoded or looked up while the program runs.
 */
final class Decoder {
    private final Program program;
    private final Instructions insns;
    private final long[] code;
    private final Helper[] helpers;
    private int[] functionRefs = new int[0];

    private Decoder(Program program) {
        this.program = program;
        this.insns = program.insns();
        int slots = insns.slotCount();
        this.code = new long[slots];
        this.helpers = new Helper[slots];
    }

    /**
     * Decodes a program.
     *
     * @throws InvalidProgramException naming the slot when an instruction is malformed, a jump
     *     leaves the program, or a call names a helper the program's registry does not have
     * @throws UnsupportedFeatureException naming the slot for a kfunc call
     */
    static DecodedProgram decode(Program program) {
        InsnValidator.validate(program.insns());
        Decoder decoder = new Decoder(program);
        for (int i = 0; i < decoder.insns.size(); i++) {
            int slot = decoder.insns.slotOf(i);
            decoder.decode(slot, decoder.insns.list().get(i));
        }
        return new DecodedProgram(program, decoder.code, decoder.helpers, decoder.functionRefs);
    }

    private void decode(int slot, Insn insn) {
        int op;
        int src = insn.src();
        int off = insn.off();
        int imm = insn.imm32();
        switch (insn.insnClass()) {
            case ALU:
            case ALU64:
                op = OpTable.alu(insn);
                break;
            case JMP:
            case JMP32:
                op = jump(slot, insn);
                if (op == Op.JA && insn.insnClass() == InsnClass.JMP) {
                    imm = off; // ja keeps its offset where gotol has it
                }
                break;
            case LD:
                op = ld(slot, insn);
                if (op == Op.LD_PKT) {
                    off = insn.size().bytes();
                    src = insn.mode() == MemMode.ABS ? DecodedProgram.ZERO_REG : src;
                }
                break;
            default:
                op = OpTable.memory(insn);
                if (op == Op.ATOMIC_W || op == Op.ATOMIC_DW) {
                    imm = insn.atomicOp().ordinal();
                }
        }
        code[slot] = DecodedProgram.word(op, insn.dst(), src, off, imm);
    }

    private int jump(int slot, Insn insn) {
        if (insn.isExit()) {
            return Op.EXIT;
        }
        if (insn.opcode() == 0x8d) {
            return Op.CALLX;
        }
        if (insn.isKfuncCall()) {
            throw new UnsupportedFeatureException(
                    "insn " + slot + ": kernel function calls (kfunc btf id " + insn.imm() + ") are not supported");
        }
        if (insn.isLocalCall()) {
            return Op.CALL_LOCAL;
        }
        if (insn.isHelperCall()) {
            return helperCall(slot, insn.imm32());
        }
        return OpTable.condition(insn);
    }

    private int helperCall(int slot, int id) {
        if (id == TailCalls.HELPER_ID) {
            return Op.TAIL_CALL;
        }
        HelperFunction helper = program.helpers().get(id);
        if (helper == null) {
            throw new InvalidProgramException(slot, HelperId.missing(id));
        }
        helpers[slot] = helper.impl();
        return Op.CALL_HELPER;
    }

    /** Decodes an lddw (its value goes to the second slot) or a legacy packet load. */
    private int ld(int slot, Insn insn) {
        if (!insn.isWide()) {
            return Op.LD_PKT;
        }
        code[slot + 1] = insn.imm();
        if (insn.pseudoSrc() == PseudoSrc.FUNC) {
            code[slot + 1] = slot + 1 + insn.imm32(); // the validator checked it starts a function
            functionRefs = Arrays.copyOf(functionRefs, functionRefs.length + 1);
            functionRefs[functionRefs.length - 1] = slot;
        }
        return Op.LDDW;
    }
}
