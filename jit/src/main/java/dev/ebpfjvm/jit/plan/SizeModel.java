package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.facts.MemoryFacts;
import dev.ebpfjvm.core.facts.RegionHint;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.core.isa.PseudoSrc;

/**
 * Upper bounds on the bytecode bytes the emitters produce, so that the planner can cut functions
 * into methods that stay under HotSpot's 8000-byte {@code HugeMethodLimit} before a single byte
 * is emitted (research/jvm-facts.md, item 2: a method of 8004 bytes is never compiled and runs
 * 130–150× slower). The emitter tests check every bound against the code actually produced.
 */
public final class SizeModel {
    /** A 64-bit ALU instruction without its constant: {@code lload; lload; invokestatic Alu.div64; lstore}. */
    static final int ALU64 = 9;
    /** A 32-bit ALU instruction without its constant: {@code lload; l2i; lload; l2i; iop; zext; lstore}. */
    static final int ALU32 = 12;
    /** A 64-bit conditional jump without its constant: operands, an unsigned compare call and the branch. */
    static final int JUMP64 = 10;
    /** A 32-bit conditional jump without its constant: operands narrowed, an unsigned compare call and the branch. */
    static final int JUMP32 = 12;
    /** {@code goto}. */
    static final int JA = 3;
    /** Exit from a split function: store r0 into the register array and return -1. */
    static final int EXIT = 7;
    /** {@code lddw} without its constant. */
    static final int LDDW = 2;
    /** {@code lddw} of a function's address: the function region's base or'ed with the slot. */
    static final int LDDW_FUNCTION = 24;
    /** A load or store of the stack or through {@code Memory}, without its constant (the pc store included). */
    static final int MEMORY = 25;
    /** A load or store with both a direct and a generic path (context, entry r1), without its constants. */
    static final int GUARDED_MEMORY = 52;
    /** A load or store whose region is checked at run time, without its constants. */
    static final int CHECKED_MEMORY = 64;
    /** An atomic operation, through {@code Atomics}. */
    static final int ATOMIC = 36;
    /** A helper call, tail call, callx, local call or legacy packet load, without its constant. */
    static final int CALL = 50;

    /** The budget check before a budget point: {@code aload ctx; push slot (at most 11 bytes); invokevirtual spend}. */
    static final int BUDGET_POINT = 15;

    /** The prologue and fault handler of a function's method. */
    public static final int FUNCTION_FIXED = 110;
    /** The prologue, entry switch header and fault handler of a chunk of a split function. */
    public static final int CHUNK_FIXED = 180;
    /** One more entry of a chunk's entry switch. */
    public static final int ENTRY = 4;
    /** A stub leaving a chunk: store the live registers, push the entry code, return; plus the goto to it. */
    public static final int STUB = 95;

    private final ConstantPlan constants;
    private final MemoryFacts facts;
    private final boolean[] budgetPoints;

    /**
     * A model of the instructions' code alone, without the budget checks at budget points.
     *
     * @param constants which constants the code loads from the pool
     * @param facts the memory facts, which decide the shape of each access's code
     */
    public SizeModel(ConstantPlan constants, MemoryFacts facts) {
        this(constants, facts, null);
    }

    /**
     * @param constants which constants the code loads from the pool
     * @param facts the memory facts, which decide the shape of each access's code
     * @param budgetPoints the slots preceded by a budget check ({@link dev.ebpfjvm.core.exec.BudgetPoints}), or null for none
     */
    public SizeModel(ConstantPlan constants, MemoryFacts facts, boolean[] budgetPoints) {
        this.constants = constants;
        this.facts = facts;
        this.budgetPoints = budgetPoints;
    }

    /** {@return the most bytes the code of the instruction at a slot takes, its budget check included, not counting stubs} */
    public int bytes(Insn insn, int slot) {
        int check = budgetPoints != null && budgetPoints[slot] ? BUDGET_POINT : 0;
        return check + insnBytes(insn, slot);
    }

    private int insnBytes(Insn insn, int slot) {
        int constant = constants.constantBytes(insn);
        switch (insn.insnClass()) {
            case ALU:
                return ALU32 + constant;
            case ALU64:
                return ALU64 + constant;
            case JMP:
            case JMP32:
                if (Constants.isCall(insn)) {
                    return CALL;
                }
                if (insn.isExit()) {
                    return EXIT;
                }
                if (!insn.jumpOp().isConditional()) {
                    return JA;
                }
                return (insn.is32() ? JUMP32 : JUMP64) + constant;
            case LD:
                if (!insn.isWide()) {
                    return CALL + constant;
                }
                return insn.pseudoSrc() == PseudoSrc.FUNC ? LDDW_FUNCTION : LDDW + constant;
            case LDX:
            case ST:
            case STX:
                return memory(insn, facts.regionAt(slot), constant);
            default:
                throw new AssertionError(insn);
        }
    }

    private static int memory(Insn insn, RegionHint hint, int constant) {
        if (insn.mode() == MemMode.ATOMIC) {
            return ATOMIC;
        }
        if (hint != null && hint.isChecked()) {
            return CHECKED_MEMORY + 2 * constant;
        }
        boolean guarded = hint == RegionHint.CONTEXT || hint == RegionHint.ENTRY_R1;
        return guarded ? GUARDED_MEMORY + 2 * constant : MEMORY + constant;
    }
}
