package dev.ebpfjvm.core.asm;

import dev.ebpfjvm.core.InvalidProgramException;

/**
 * A label that cannot be resolved when a program is assembled: one that no instruction defines,
 * one defined twice, or one too far away for the 16-bit offset of a jump. Names the label and the
 * slot of the instruction at fault.
 */
public final class LabelException extends InvalidProgramException {
    private static final long serialVersionUID = 1L;
    private final Kind kind;
    private final String label;

    /** Why a label does not resolve. */
    public enum Kind {
        /** An instruction refers to a label no instruction defines. */
        UNKNOWN,
        /** Two instructions define the same label. */
        DUPLICATE,
        /** A jump's target is beyond its 16-bit slot offset (use {@code gotol}). */
        OUT_OF_RANGE
    }

    LabelException(Kind kind, String label, int slot, String reason) {
        super(slot, reason);
        this.kind = kind;
        this.label = label;
    }

    /** {@return why the label does not resolve} */
    public Kind kind() {
        return kind;
    }

    /** {@return the label} */
    public String label() {
        return label;
    }
}
