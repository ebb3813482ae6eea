package dev.ebpfjvm.core.isa;

/** Register numbers: r0 holds results, r1–r5 arguments, r6–r9 are callee-saved, r10 the frame pointer. */
public final class Reg {
    public static final int R0 = 0;
    public static final int R1 = 1;
    public static final int R2 = 2;
    public static final int R3 = 3;
    public static final int R4 = 4;
    public static final int R5 = 5;
    public static final int R6 = 6;
    public static final int R7 = 7;
    public static final int R8 = 8;
    public static final int R9 = 9;
    /** The read-only frame pointer: the top of the current 512-byte stack frame. */
    public static final int R10 = 10;
    /** The number of registers, r0 to r10. */
    public static final int COUNT = 11;

    private Reg() {}
}
