package dev.ebpfjvm.core.isa;

/**
 * The operation of an ALU or ALU64 opcode ({@code BPF_OP}). Signed division and modulo, the
 * sign-extending moves and {@code bswap} reuse a code with a distinguishing {@code off} or class;
 * {@link Insn#aluOp()} resolves those into the variants below.
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
}
