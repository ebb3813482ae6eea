package dev.ebpfjvm.core.isa;

import java.util.Objects;

/**
 * An instruction that defines a label, refers to a name, or both (cilium/ebpf's Instruction with
 * its symbol and reference metadata). What the reference names follows from the instruction:
 *
 * <ul>
 *   <li>a jump ({@code ja}, {@code gotol}, a conditional jump): a label; the assembler fills in
 *       off (imm for {@code gotol});
 *   <li>a bpf-to-bpf call (src 1) or {@code lddw} of a function ({@link PseudoSrc#FUNC}): the
 *       label of a function; the assembler fills in imm;
 *   <li>{@code lddw} of a map ({@link PseudoSrc#MAP_FD}) or of a map value
 *       ({@link PseudoSrc#MAP_VALUE}, imm the offset in the value): a map by name, which the
 *       loader resolves as it does an ELF relocation.
 * </ul>
 *
 * @param insn the instruction, with 0 where the target will go
 * @param symbol the label this instruction defines, or null
 * @param reference the name it refers to, or null
 */
public record SymbolicInsn(Insn insn, String symbol, String reference) implements AsmInsn {
    public SymbolicInsn {
        Objects.requireNonNull(insn, "insn");
        if (symbol != null && symbol.isEmpty()) {
            throw new IllegalArgumentException("empty label");
        }
        if (reference != null && reference.isEmpty()) {
            throw new IllegalArgumentException("empty reference in " + insn);
        }
        if (reference != null && kindOf(insn) == null) {
            throw new IllegalArgumentException("'" + insn + "' cannot refer to '" + reference + "'");
        }
    }

    /** What a reference names, as the instruction tells. */
    public enum Kind {
        /** A label a jump goes to (off, or imm for {@code gotol}). */
        JUMP,
        /** A function a bpf-to-bpf call goes to (imm). */
        CALL,
        /** A function whose address an {@code lddw} loads (imm, {@code BPF_PSEUDO_FUNC}). */
        FUNC,
        /** A map whose address an {@code lddw} loads ({@code BPF_PSEUDO_MAP_FD}). */
        MAP,
        /** A byte of a map's value whose address an {@code lddw} loads ({@code BPF_PSEUDO_MAP_VALUE}). */
        MAP_VALUE
    }

    /** {@return what the reference names, or null when there is no reference} */
    public Kind kind() {
        return reference == null ? null : kindOf(insn);
    }

    /** {@return this instruction with a label on it (replacing any it had)} */
    @Override
    public SymbolicInsn withSymbol(String name) {
        return new SymbolicInsn(insn, Objects.requireNonNull(name, "name"), reference);
    }

    /** {@return the kind of name an instruction can refer to, or null when it can refer to none} */
    static Kind kindOf(Insn insn) {
        if (insn.isWide()) {
            PseudoSrc src = insn.pseudoSrc();
            if (src == PseudoSrc.MAP_FD) {
                return Kind.MAP;
            }
            if (src == PseudoSrc.MAP_VALUE) {
                return Kind.MAP_VALUE;
            }
            return src == PseudoSrc.FUNC ? Kind.FUNC : null;
        }
        if (insn.isLocalCall()) {
            return Kind.CALL;
        }
        return insn.hasJumpTarget() ? Kind.JUMP : null;
    }

    @Override
    public String toString() {
        return (symbol == null ? "" : symbol + ": ") + insn + (reference == null ? "" : " <" + reference + ">");
    }
}
