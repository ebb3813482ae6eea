package dev.ebpfjvm.core.isa;

/** The access size of load and store opcodes ({@code BPF_SIZE}). */
public enum Size {
    /** {@code BPF_W}: 4 bytes. */
    W(0x00, 4),
    /** {@code BPF_H}: 2 bytes. */
    H(0x08, 2),
    /** {@code BPF_B}: 1 byte. */
    B(0x10, 1),
    /** {@code BPF_DW}: 8 bytes. */
    DW(0x18, 8);

    private static final Size[] BY_CODE = {W, H, B, DW};
    private final int code;
    private final int bytes;

    Size(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** {@return the size bits} */
    public int code() {
        return code;
    }

    /** {@return the width in bytes: 1, 2, 4 or 8} */
    public int bytes() {
        return bytes;
    }

    /** {@return the size of a load or store opcode} */
    public static Size of(int opcode) {
        return BY_CODE[(opcode >> 3) & 0x03];
    }

    /** {@return the size of the given width in bytes} */
    public static Size ofBytes(int bytes) {
        switch (bytes) {
            case 1:
                return B;
            case 2:
                return H;
            case 4:
                return W;
            case 8:
                return DW;
            default:
                throw new IllegalArgumentException("no access size of " + bytes + " bytes");
        }
    }
}
