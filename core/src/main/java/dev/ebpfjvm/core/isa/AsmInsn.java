package dev.ebpfjvm.core.isa;

/**
 * An instruction as a program builder takes it ({@code dev.ebpfjvm.core.asm.InsnList}): either a
 * complete {@link Insn}, or a {@link SymbolicInsn} that defines a label or whose target is still a
 * name (a label, a function, a map). The operation values build both: {@code AluOp.ADD.imm(R1, 4)}
 * is an {@code Insn}, {@code JumpOp.JEQ.imm(R1, 0, "out")} a {@code SymbolicInsn}.
 */
public sealed interface AsmInsn permits Insn, SymbolicInsn {

    /** {@return the instruction, with no target resolved yet (off or imm 0 where a name stands)} */
    default Insn insn() {
        return (Insn) this;
    }

    /**
     * {@return this instruction with a label on it, the target of jumps and calls that name it}
     *
     * @param name the label, not empty
     */
    default SymbolicInsn withSymbol(String name) {
        return new SymbolicInsn(insn(), name, reference());
    }

    /** {@return the name this instruction refers to (label, function or map), or null} */
    default String reference() {
        return null;
    }

    /** {@return the label this instruction defines, or null} */
    default String symbol() {
        return null;
    }
}
