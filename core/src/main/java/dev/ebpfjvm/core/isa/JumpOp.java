package dev.ebpfjvm.core.isa;

/** The operation of a JMP or JMP32 opcode ({@code BPF_OP}). */
public enum JumpOp {
    /** {@code BPF_JA}: jumps always (JMP: by off; JMP32 "gotol": by imm). */
    JA(0x00),
    /** {@code BPF_JEQ}: jumps if dst == src. */
    JEQ(0x10),
    /** {@code BPF_JGT}: jumps if unsigned dst &gt; src. */
    JGT(0x20),
    /** {@code BPF_JGE}: jumps if unsigned dst &gt;= src. */
    JGE(0x30),
    /** {@code BPF_JSET}: jumps if dst &amp; src is not zero. */
    JSET(0x40),
    /** {@code BPF_JNE}: jumps if dst != src. */
    JNE(0x50),
    /** {@code BPF_JSGT}: jumps if signed dst &gt; src. */
    JSGT(0x60),
    /** {@code BPF_JSGE}: jumps if signed dst &gt;= src. */
    JSGE(0x70),
    /** {@code BPF_CALL}: calls a helper (src 0), a local function (src 1) or a kfunc (src 2). */
    CALL(0x80),
    /** {@code BPF_EXIT}: returns r0 from the current function. */
    EXIT(0x90),
    /** {@code BPF_JLT}: jumps if unsigned dst &lt; src. */
    JLT(0xa0),
    /** {@code BPF_JLE}: jumps if unsigned dst &lt;= src. */
    JLE(0xb0),
    /** {@code BPF_JSLT}: jumps if signed dst &lt; src. */
    JSLT(0xc0),
    /** {@code BPF_JSLE}: jumps if signed dst &lt;= src. */
    JSLE(0xd0);

    private static final JumpOp[] BY_CODE = new JumpOp[16];

    static {
        for (JumpOp op : values()) {
            BY_CODE[op.code >> 4] = op;
        }
    }

    private final int code;

    JumpOp(int code) {
        this.code = code;
    }

    /** {@return the operation bits of the opcode} */
    public int code() {
        return code;
    }

    /** {@return the jump operation of an opcode, or null for the unused codes 0xe0 and 0xf0} */
    public static JumpOp of(int opcode) {
        return BY_CODE[(opcode >> 4) & 0x0f];
    }

    /** {@return true for the conditional jumps, which compare dst with src or imm} */
    public boolean isConditional() {
        return this != JA && this != CALL && this != EXIT;
    }
}
