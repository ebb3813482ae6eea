package dev.ebpfjvm.core.isa;

/**
 * One logical eBPF instruction. A 64-bit immediate load ({@code lddw}) is one {@code Insn} that
 * occupies two slots ({@link #slots()}), with the whole 64-bit value in {@link #imm()}; every other
 * instruction occupies one slot and {@code imm} is its signed 32-bit immediate.
 *
 * <p>The record holds the raw fields, so that decoding and encoding are exact; the accessors
 * {@link #aluOp()}, {@link #jumpOp()}, {@link #size()} … interpret them.
 *
 * @param opcode the 8-bit opcode
 * @param dst the destination register, 0–10 (0–15 before validation)
 * @param src the source register, or the pseudo source of lddw and calls
 * @param off the signed 16-bit offset
 * @param imm the signed immediate: 32 bits, or 64 bits for lddw
 */
public record Insn(int opcode, int dst, int src, int off, long imm) implements AsmInsn {

    /** The opcode of {@code lddw}: class LD, mode IMM, size DW. */
    public static final int LDDW = 0x18;

    public Insn {
        if ((opcode & ~0xff) != 0 || (dst & ~0xf) != 0 || (src & ~0xf) != 0) {
            throw new IllegalArgumentException("field out of range: opcode " + opcode + " dst " + dst + " src " + src);
        }
        if (off != (short) off) {
            throw new IllegalArgumentException("offset out of 16-bit range: " + off);
        }
        if (opcode != LDDW && imm != (int) imm) {
            throw new IllegalArgumentException("immediate out of 32-bit range: " + imm);
        }
    }

    /** {@return the instruction class} */
    public InsnClass insnClass() {
        return InsnClass.of(opcode);
    }

    /** {@return true for lddw, the only two-slot instruction} */
    public boolean isWide() {
        return opcode == LDDW;
    }

    /** {@return the number of 8-byte slots: 2 for lddw, 1 otherwise} */
    public int slots() {
        return isWide() ? 2 : 1;
    }

    /** {@return the low 32 bits of the immediate, as the first slot holds it} */
    public int imm32() {
        return (int) imm;
    }

    /** {@return the operand source of an ALU or jump instruction} */
    public Source source() {
        return Source.of(opcode);
    }

    /** {@return the access size of a load or store} */
    public Size size() {
        return Size.of(opcode);
    }

    /** {@return the addressing mode of a load or store, null for an unused mode} */
    public MemMode mode() {
        return MemMode.of(opcode);
    }

    /** {@return the atomic operation of an atomic store, null if imm encodes none} */
    public AtomicOp atomicOp() {
        return AtomicOp.of((int) imm);
    }

    /** {@return the jump operation of a JMP or JMP32 instruction, null for an unused code} */
    public JumpOp jumpOp() {
        return JumpOp.of(opcode);
    }

    /** {@return the pseudo source of an lddw} */
    public PseudoSrc pseudoSrc() {
        return PseudoSrc.of(src);
    }

    /**
     * The ALU operation, with the variants that share a code told apart: {@code sdiv}/{@code smod}
     * (off 1), {@code movsx} (off 8/16/32) and {@code bswap} (END in class ALU64).
     *
     * @return the operation, or null for an unused code (0xe0, 0xf0)
     */
    public AluOp aluOp() {
        int code = opcode & 0xf0;
        switch (code) {
            case 0x00:
                return AluOp.ADD;
            case 0x10:
                return AluOp.SUB;
            case 0x20:
                return AluOp.MUL;
            case 0x30:
                return off == 1 ? AluOp.SDIV : AluOp.DIV;
            case 0x40:
                return AluOp.OR;
            case 0x50:
                return AluOp.AND;
            case 0x60:
                return AluOp.LSH;
            case 0x70:
                return AluOp.RSH;
            case 0x80:
                return AluOp.NEG;
            case 0x90:
                return off == 1 ? AluOp.SMOD : AluOp.MOD;
            case 0xa0:
                return AluOp.XOR;
            case 0xb0:
                return off != 0 ? AluOp.MOVSX : AluOp.MOV;
            case 0xc0:
                return AluOp.ARSH;
            case 0xd0:
                return insnClass() == InsnClass.ALU64 ? AluOp.BSWAP : AluOp.END;
            default:
                return null;
        }
    }

    /** {@return true for the 32-bit classes ALU and JMP32} */
    public boolean is32() {
        InsnClass c = insnClass();
        return c == InsnClass.ALU || c == InsnClass.JMP32;
    }

    /** {@return true for a call of a helper function by id (src 0)} */
    public boolean isHelperCall() {
        return opcode == 0x85 && src == 0;
    }

    /** {@return true for a bpf-to-bpf call (src 1, {@code BPF_PSEUDO_CALL}), imm the relative target} */
    public boolean isLocalCall() {
        return opcode == 0x85 && src == 1;
    }

    /** {@return true for a call of a kernel function by BTF id (src 2, {@code BPF_PSEUDO_KFUNC_CALL})} */
    public boolean isKfuncCall() {
        return opcode == 0x85 && src == 2;
    }

    /** {@return true for exit} */
    public boolean isExit() {
        return opcode == 0x95;
    }

    /**
     * The slot this instruction jumps to when the jump is taken, for every jump with a target:
     * {@code ja}, conditional jumps, {@code gotol} (offset in imm) and local calls.
     *
     * @param slot the slot of this instruction
     * @return the target slot
     */
    public int jumpTarget(int slot) {
        if (isLocalCall() || opcode == 0x06) {
            return slot + 1 + (int) imm;
        }
        return slot + 1 + off;
    }

    /** {@return true when this instruction has a jump target ({@link #jumpTarget(int)})} */
    public boolean hasJumpTarget() {
        InsnClass c = insnClass();
        if (!c.isJump()) {
            return false;
        }
        JumpOp op = jumpOp();
        return op != null && (op.isConditional() || op == JumpOp.JA || (op == JumpOp.CALL && isLocalCall()));
    }

    /** {@return a one-slot instruction from its fields} */
    public static Insn of(int opcode, int dst, int src, int off, int imm) {
        return new Insn(opcode, dst, src, off, imm);
    }

    /** {@return {@code lddw dst, imm64} with the given pseudo source} */
    public static Insn lddw(int dst, PseudoSrc src, long imm64) {
        return new Insn(LDDW, dst, src.code(), 0, imm64);
    }

    /** {@return the instruction in the kernel's verifier-log syntax ({@link Disassembler#toKernel(Insn)})} */
    @Override
    public String toString() {
        return Disassembler.toKernel(this);
    }
}
