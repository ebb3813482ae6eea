package dev.ebpfjvm.core.isa;

import java.util.Locale;

/**
 * The operation of an ALU or ALU64 opcode ({@code BPF_OP}). Signed division and modulo, the
 * sign-extending moves and {@code bswap} reuse a code with a distinguishing {@code off} or class;
 * {@link Insn#aluOp()} resolves those into the variants below.
 *
 * <p>Each operation builds its instructions, as in cilium/ebpf's asm package:
 * {@code ADD.imm(R1, 4)} is {@code add r1, 4} (ALU64), {@code ADD.reg32(R1, R2)} is
 * {@code add32 r1, r2} (ALU, zero-extending). {@code NEG.imm(R1, 0)} negates, {@code END} and
 * {@code BSWAP} take their width as imm in their own class; the sign-extending moves, which carry
 * a width in off, come from {@code dev.ebpfjvm.core.asm.Asm#movsx}.
 */
public enum AluOp {
    /** {@code BPF_ADD}: dst += src. */
    ADD(0x00),
    /** {@code BPF_SUB}: dst -= src. */
    SUB(0x10),
    /** {@code BPF_MUL}: dst *= src. */
    MUL(0x20),
    /** {@code BPF_DIV}, off 0: unsigned dst /= src; division by zero gives 0. */
    DIV(0x30),
    /** {@code BPF_DIV}, off 1: signed dst /= src; division by zero gives 0. */
    SDIV(0x30),
    /** {@code BPF_OR}: dst |= src. */
    OR(0x40),
    /** {@code BPF_AND}: dst &amp;= src. */
    AND(0x50),
    /** {@code BPF_LSH}: dst &lt;&lt;= src, the count masked to the width. */
    LSH(0x60),
    /** {@code BPF_RSH}: logical dst &gt;&gt;= src, the count masked to the width. */
    RSH(0x70),
    /** {@code BPF_NEG}: dst = -dst (source K, imm 0). */
    NEG(0x80),
    /** {@code BPF_MOD}, off 0: unsigned dst %= src; modulo by zero leaves dst. */
    MOD(0x90),
    /** {@code BPF_MOD}, off 1: signed dst %= src; modulo by zero leaves dst. */
    SMOD(0x90),
    /** {@code BPF_XOR}: dst ^= src. */
    XOR(0xa0),
    /** {@code BPF_MOV}, off 0: dst = src. */
    MOV(0xb0),
    /** {@code BPF_MOVSX}, off 8/16/32: dst = the low off bits of src, sign-extended. */
    MOVSX(0xb0),
    /** {@code BPF_ARSH}: arithmetic dst &gt;&gt;= src. */
    ARSH(0xc0),
    /** {@code BPF_END} in class ALU: to little (source K) or big (source X) endian, imm 16/32/64. */
    END(0xd0),
    /** {@code BPF_END} in class ALU64, source K: unconditional byte swap, imm 16/32/64. */
    BSWAP(0xd0);

    private final int code;

    AluOp(int code) {
        this.code = code;
    }

    /** {@return the operation bits of the opcode} */
    public int code() {
        return code;
    }

    /** {@return {@code dst op= imm} in class ALU64, imm sign-extended to 64 bits} */
    public Insn imm(int dst, int imm) {
        return imm(InsnClass.ALU64, dst, imm);
    }

    /** {@return {@code dst op= src} in class ALU64} */
    public Insn reg(int dst, int src) {
        return reg(InsnClass.ALU64, dst, src);
    }

    /** {@return {@code dst op= imm} in class ALU: the low 32 bits, the upper half of dst zeroed} */
    public Insn imm32(int dst, int imm) {
        return imm(InsnClass.ALU, dst, imm);
    }

    /** {@return {@code dst op= src} in class ALU: the low 32 bits, the upper half of dst zeroed} */
    public Insn reg32(int dst, int src) {
        return reg(InsnClass.ALU, dst, src);
    }

    /**
     * The immediate (source K) form in a class given as a value.
     *
     * @param cls {@link InsnClass#ALU64} or {@link InsnClass#ALU} ({@link #END} only ALU,
     *     {@link #BSWAP} only ALU64)
     * @param dst the destination register
     * @param imm the operand; the width 16, 32 or 64 for END and BSWAP; 0 for NEG
     * @return the instruction
     * @throws IllegalArgumentException for a class that is not ALU or ALU64, or that the operation lacks
     * @throws IllegalStateException for {@link #MOVSX}, which has no immediate form
     */
    public Insn imm(InsnClass cls, int dst, int imm) {
        if (this == MOVSX) {
            throw new IllegalStateException("movsx has no immediate form: use Asm.movsx or Asm.movsx32");
        }
        checkClass(cls);
        if ((this == END && cls != InsnClass.ALU) || (this == BSWAP && cls != InsnClass.ALU64)) {
            throw new IllegalArgumentException(name() + " has no form in class " + cls);
        }
        return Insn.of(cls.code() | code | Source.K.code(), dst, 0, signedOff(), imm);
    }

    /**
     * The register (source X) form in a class given as a value.
     *
     * @param cls {@link InsnClass#ALU64} or {@link InsnClass#ALU}
     * @return {@code dst op= src}
     * @throws IllegalArgumentException for a class that is not ALU or ALU64
     * @throws IllegalStateException for NEG, END, BSWAP and MOVSX, which have no register operand
     *     ({@code dev.ebpfjvm.core.asm.Asm} builds them)
     */
    public Insn reg(InsnClass cls, int dst, int src) {
        if (this == NEG || this == END || this == BSWAP || this == MOVSX) {
            throw new IllegalStateException(name() + " has no register form: use Asm."
                    + (this == END ? "be/le" : name().toLowerCase(Locale.ROOT)));
        }
        checkClass(cls);
        return Insn.of(cls.code() | code | Source.X.code(), dst, src, signedOff(), 0);
    }

    private int signedOff() {
        return this == SDIV || this == SMOD ? 1 : 0;
    }

    private static void checkClass(InsnClass cls) {
        if (!cls.isAlu()) {
            throw new IllegalArgumentException("not an ALU class: " + cls);
        }
    }
}
