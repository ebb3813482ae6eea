package dev.ebpfjvm.core.isa;

/** The addressing mode of load and store opcodes ({@code BPF_MODE}). */
public enum MemMode {
    /** {@code BPF_IMM}: the 64-bit immediate load {@code lddw} (class LD, size DW only). */
    IMM(0x00),
    /** {@code BPF_ABS}: legacy packet load at a constant offset (LD_ABS). */
    ABS(0x20),
    /** {@code BPF_IND}: legacy packet load at a register plus constant offset (LD_IND). */
    IND(0x40),
    /** {@code BPF_MEM}: ordinary load or store at register plus offset. */
    MEM(0x60),
    /** {@code BPF_MEMSX}: sign-extending load (class LDX). */
    MEMSX(0x80),
    /** {@code BPF_ATOMIC}: atomic read-modify-write (class STX, size W or DW). */
    ATOMIC(0xc0);

    private final int code;

    MemMode(int code) {
        this.code = code;
    }

    /** {@return the mode bits} */
    public int code() {
        return code;
    }

    /** {@return the mode of a load or store opcode, or null for the unused codes 0xa0 and 0xe0} */
    public static MemMode of(int opcode) {
        switch (opcode & 0xe0) {
            case 0x00:
                return IMM;
            case 0x20:
                return ABS;
            case 0x40:
                return IND;
            case 0x60:
                return MEM;
            case 0x80:
                return MEMSX;
            case 0xc0:
                return ATOMIC;
            default:
                return null;
        }
    }
}
