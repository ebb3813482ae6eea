package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.MemMode;

/**
 * Upper bounds on the bytecode bytes the emitters produce, so that the planner can cut functions
 * into methods that stay under HotSpot's 8000-byte {@code HugeMethodLimit} before a single byte
 * is emitted (research/jvm-facts.md, item 2: a method of 8004 bytes is never compiled and runs
 * 130–150× slower). The emitter tests check every bound against the code actually produced.
 */
public final class SizeModel {
    /** An ALU instruction without its constant: {@code lload; l2i; lload; l2i; iop; zext; lstore}. */
    static final int ALU = 13;
    /** A conditional jump without its constant: operands, an unsigned compare call and the branch. */
    static final int JUMP = 13;
    /** {@code goto}. */
    static final int JA = 3;
    /** Exit from a split function: store r0 into the register array and return -1. */
    static final int EXIT = 7;
    /** {@code lddw} without its constant. */
    static final int LDDW = 2;
    /** A load or store, direct or generic, without its constant (the pc store included). */
    static final int MEMORY = 28;
    /** An atomic operation through the generic path (the direct one is shorter). */
    static final int ATOMIC = 52;
    /** A helper call, tail call, callx, local call or legacy packet load, without its constant. */
    static final int CALL = 50;

    /** The prologue and fault handler of a function's method. */
    public static final int FUNCTION_FIXED = 110;
    /** The prologue, entry switch header and fault handler of a chunk of a split function. */
    public static final int CHUNK_FIXED = 180;
    /** One more entry of a chunk's entry switch. */
    public static final int ENTRY = 4;
    /** A stub leaving a chunk: store the live registers, push the entry code, return; plus the goto to it. */
    public static final int STUB = 95;

    private final ConstantPlan constants;

    public SizeModel(ConstantPlan constants) {
        this.constants = constants;
    }

    /** {@return the most bytes the code of an instruction takes, not counting stubs} */
    public int bytes(Insn insn) {
        return base(insn) + constants.constantBytes(insn);
    }

    private static int base(Insn insn) {
        switch (insn.insnClass()) {
            case ALU:
            case ALU64:
                return ALU;
            case JMP:
            case JMP32:
                if (Constants.isCall(insn)) {
                    return CALL;
                }
                if (insn.isExit()) {
                    return EXIT;
                }
                return insn.jumpOp().isConditional() ? JUMP : JA;
            case LD:
                return insn.isWide() ? LDDW : CALL;
            case LDX:
            case ST:
                return MEMORY;
            case STX:
                return insn.mode() == MemMode.ATOMIC ? ATOMIC : MEMORY;
            default:
                throw new AssertionError(insn);
        }
    }
}
