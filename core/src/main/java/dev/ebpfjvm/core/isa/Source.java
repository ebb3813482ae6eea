package dev.ebpfjvm.core.isa;

/** The operand source bit of ALU and jump opcodes ({@code BPF_SRC}). */
public enum Source {
    /** {@code BPF_K}: the 32-bit immediate, sign-extended. */
    K(0x00),
    /** {@code BPF_X}: the source register. */
    X(0x08);

    private final int code;

    Source(int code) {
        this.code = code;
    }

    /** {@return the source bit} */
    public int code() {
        return code;
    }

    /** {@return the source of an ALU or jump opcode} */
    public static Source of(int opcode) {
        return (opcode & 0x08) == 0 ? K : X;
    }
}
