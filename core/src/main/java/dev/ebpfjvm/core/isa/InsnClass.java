package dev.ebpfjvm.core.isa;

/** The instruction class, the low three bits of the opcode ({@code BPF_CLASS}). */
public enum InsnClass {
    /** {@code BPF_LD}: 64-bit immediate loads and the legacy packet loads. */
    LD(0x00),
    /** {@code BPF_LDX}: load from memory into a register. */
    LDX(0x01),
    /** {@code BPF_ST}: store an immediate to memory. */
    ST(0x02),
    /** {@code BPF_STX}: store a register to memory, and the atomics. */
    STX(0x03),
    /** {@code BPF_ALU}: 32-bit arithmetic, zero-extending into the upper half. */
    ALU(0x04),
    /** {@code BPF_JMP}: 64-bit comparisons, calls and exit. */
    JMP(0x05),
    /** {@code BPF_JMP32}: comparisons of the low 32 bits, and {@code gotol}. */
    JMP32(0x06),
    /** {@code BPF_ALU64}: 64-bit arithmetic. */
    ALU64(0x07);

    private static final InsnClass[] BY_CODE = values();
    private final int code;

    InsnClass(int code) {
        this.code = code;
    }

    /** {@return the class bits} */
    public int code() {
        return code;
    }

    /** {@return the class of an opcode} */
    public static InsnClass of(int opcode) {
        return BY_CODE[opcode & 0x07];
    }

    /** {@return true for ALU and ALU64} */
    public boolean isAlu() {
        return this == ALU || this == ALU64;
    }

    /** {@return true for JMP and JMP32} */
    public boolean isJump() {
        return this == JMP || this == JMP32;
    }
}
