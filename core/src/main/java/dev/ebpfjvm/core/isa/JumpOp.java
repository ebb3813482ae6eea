package dev.ebpfjvm.core.isa;

/**
 * The operation of a JMP or JMP32 opcode ({@code BPF_OP}).
 *
 * <p>Each conditional operation builds its jumps, as in cilium/ebpf's asm package:
 * {@code JEQ.imm(R1, 0, "out")} jumps to the label {@code out} when r1 is 0 (a
 * {@link SymbolicInsn} the assembler resolves), {@code JEQ.imm(R1, 0, 2)} skips two slots (an
 * {@link Insn}); the {@code 32} forms compare the low halves (class JMP32). {@code ja},
 * {@code gotol}, calls and {@code exit} come from {@code dev.ebpfjvm.core.asm.Asm}.
 */
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

    /** {@return {@code if dst op imm goto label} (JMP, imm sign-extended to 64 bits)} */
    public SymbolicInsn imm(int dst, int imm, String label) {
        return imm(InsnClass.JMP, dst, imm, label);
    }

    /** {@return {@code if dst op imm goto +off} (JMP, imm sign-extended; off counts slots)} */
    public Insn imm(int dst, int imm, int off) {
        return imm(InsnClass.JMP, dst, imm, off);
    }

    /** {@return {@code if dst op src goto label} (JMP)} */
    public SymbolicInsn reg(int dst, int src, String label) {
        return reg(InsnClass.JMP, dst, src, label);
    }

    /** {@return {@code if dst op src goto +off} (JMP)} */
    public Insn reg(int dst, int src, int off) {
        return reg(InsnClass.JMP, dst, src, off);
    }

    /** {@return {@code if w(dst) op imm goto label}, comparing the low 32 bits (JMP32)} */
    public SymbolicInsn imm32(int dst, int imm, String label) {
        return imm(InsnClass.JMP32, dst, imm, label);
    }

    /** {@return {@code if w(dst) op imm goto +off}, comparing the low 32 bits (JMP32)} */
    public Insn imm32(int dst, int imm, int off) {
        return imm(InsnClass.JMP32, dst, imm, off);
    }

    /** {@return {@code if w(dst) op w(src) goto label} (JMP32)} */
    public SymbolicInsn reg32(int dst, int src, String label) {
        return reg(InsnClass.JMP32, dst, src, label);
    }

    /** {@return {@code if w(dst) op w(src) goto +off} (JMP32)} */
    public Insn reg32(int dst, int src, int off) {
        return reg(InsnClass.JMP32, dst, src, off);
    }

    /**
     * {@return the jump comparing with an immediate in a class given as a value, to a label}
     *
     * @throws IllegalArgumentException for a class that is not JMP or JMP32
     * @throws IllegalStateException for JA, CALL and EXIT, which compare nothing
     */
    public SymbolicInsn imm(InsnClass cls, int dst, int imm, String label) {
        return new SymbolicInsn(imm(cls, dst, imm, 0), null, label);
    }

    /** {@return the jump comparing with an immediate in a class given as a value, by off slots} */
    public Insn imm(InsnClass cls, int dst, int imm, int off) {
        return Insn.of(opcode(cls, Source.K), dst, 0, off, imm);
    }

    /** {@return the jump comparing with a register in a class given as a value, to a label} */
    public SymbolicInsn reg(InsnClass cls, int dst, int src, String label) {
        return new SymbolicInsn(reg(cls, dst, src, 0), null, label);
    }

    /** {@return the jump comparing with a register in a class given as a value, by off slots} */
    public Insn reg(InsnClass cls, int dst, int src, int off) {
        return Insn.of(opcode(cls, Source.X), dst, src, off, 0);
    }

    private int opcode(InsnClass cls, Source source) {
        if (!isConditional()) {
            throw new IllegalStateException(
                    name() + " compares nothing: use Asm." + (this == JA ? "ja" : this == CALL ? "call" : "exit"));
        }
        if (!cls.isJump()) {
            throw new IllegalArgumentException("not a jump class: " + cls);
        }
        return cls.code() | code | source.code();
    }
}
