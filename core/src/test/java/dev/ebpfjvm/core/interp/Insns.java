package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.testing.TestRegions;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.isa.Source;
import java.util.List;

/**
 * Builds instructions from their fields for the interpreter's tests (the text assembler lives in
 * another package and is not needed here). Jump offsets count slots, as in the encoding.
 */
final class Insns {
    private Insns() {
    }

    /** {@code op dst, src} in class ALU64 ({@code wide}) or ALU. */
    static Insn aluReg(boolean wide, AluOp op, int dst, int src) {
        return Insn.of(aluOpcode(wide, op, Source.X), dst, src, aluOff(op), 0);
    }

    /** {@code op dst, imm} in class ALU64 ({@code wide}) or ALU. */
    static Insn aluImm(boolean wide, AluOp op, int dst, int imm) {
        return Insn.of(aluOpcode(wide, op, Source.K), dst, 0, aluOff(op), imm);
    }

    /** {@code neg dst} (64-bit when {@code wide}). */
    static Insn neg(boolean wide, int dst) {
        return Insn.of(aluOpcode(wide, AluOp.NEG, Source.K), dst, 0, 0, 0);
    }

    /** {@code movsx dst, src} of the low {@code bits} (8, 16, 32). */
    static Insn movsx(boolean wide, int dst, int src, int bits) {
        return Insn.of(aluOpcode(wide, AluOp.MOVSX, Source.X), dst, src, bits, 0);
    }

    /** {@code le}/{@code be} (class ALU, {@code toBig} for be) of {@code bits}. */
    static Insn end(boolean toBig, int dst, int bits) {
        return Insn.of(aluOpcode(false, AluOp.END, toBig ? Source.X : Source.K), dst, 0, 0, bits);
    }

    /** {@code bswap dst} of {@code bits} (class ALU64). */
    static Insn bswap(int dst, int bits) {
        return Insn.of(aluOpcode(true, AluOp.BSWAP, Source.K), dst, 0, 0, bits);
    }

    /** A conditional jump {@code if dst op src goto +off} (JMP when {@code wide}, else JMP32). */
    static Insn jumpReg(boolean wide, JumpOp op, int dst, int src, int off) {
        return Insn.of(jumpOpcode(wide, op, Source.X), dst, src, off, 0);
    }

    /** A conditional jump {@code if dst op imm goto +off} (JMP when {@code wide}, else JMP32). */
    static Insn jumpImm(boolean wide, JumpOp op, int dst, int imm, int off) {
        return Insn.of(jumpOpcode(wide, op, Source.K), dst, 0, off, imm);
    }

    /** {@code ja +off}. */
    static Insn ja(int off) {
        return Insn.of(jumpOpcode(true, JumpOp.JA, Source.K), 0, 0, off, 0);
    }

    /** {@code gotol +imm} (JMP32 ja). */
    static Insn gotol(int imm) {
        return Insn.of(jumpOpcode(false, JumpOp.JA, Source.K), 0, 0, 0, imm);
    }

    /** {@code call id} of a helper. */
    static Insn call(int helperId) {
        return Insn.of(0x85, 0, 0, 0, helperId);
    }

    /** {@code call +imm}, a bpf-to-bpf call. */
    static Insn callLocal(int imm) {
        return Insn.of(0x85, 0, 1, 0, imm);
    }

    /** {@code callx dst}: the helper id is in a register. */
    static Insn callx(int dst) {
        return Insn.of(0x8d, dst, 0, 0, 0);
    }

    /** {@code exit}. */
    static Insn exit() {
        return Insn.of(0x95, 0, 0, 0, 0);
    }

    /** {@code mov dst, imm} (64-bit, sign-extended). */
    static Insn mov(int dst, int imm) {
        return aluImm(true, AluOp.MOV, dst, imm);
    }

    /** {@code mov dst, src} (64-bit). */
    static Insn movReg(int dst, int src) {
        return aluReg(true, AluOp.MOV, dst, src);
    }

    /** {@code lddw dst, imm64}. */
    static Insn lddw(int dst, long imm64) {
        return Insn.lddw(dst, PseudoSrc.NONE, imm64);
    }

    /** {@code ldx dst, [src + off]}, zero- or ({@code signed}) sign-extending. */
    static Insn ldx(Size size, boolean signed, int dst, int src, int off) {
        MemMode mode = signed ? MemMode.MEMSX : MemMode.MEM;
        return Insn.of(InsnClass.LDX.code() | mode.code() | size.code(), dst, src, off, 0);
    }

    /** {@code st [dst + off], imm}. */
    static Insn st(Size size, int dst, int off, int imm) {
        return Insn.of(InsnClass.ST.code() | MemMode.MEM.code() | size.code(), dst, 0, off, imm);
    }

    /** {@code stx [dst + off], src}. */
    static Insn stx(Size size, int dst, int src, int off) {
        return Insn.of(InsnClass.STX.code() | MemMode.MEM.code() | size.code(), dst, src, off, 0);
    }

    /** An atomic operation on {@code [dst + off]} with {@code src}. */
    static Insn atomic(Size size, AtomicOp op, int dst, int src, int off) {
        return Insn.of(InsnClass.STX.code() | MemMode.ATOMIC.code() | size.code(), dst, src, off, op.code());
    }

    /** Legacy {@code ld_abs} of {@code size} at packet offset {@code imm}. */
    static Insn ldAbs(Size size, int imm) {
        return Insn.of(InsnClass.LD.code() | MemMode.ABS.code() | size.code(), 0, 0, 0, imm);
    }

    /** Legacy {@code ld_ind} of {@code size} at packet offset {@code src + imm}. */
    static Insn ldInd(Size size, int src, int imm) {
        return Insn.of(InsnClass.LD.code() | MemMode.IND.code() | size.code(), 0, src, 0, imm);
    }

    /** {@return a program of the instructions, calling no helpers} */
    static Program program(Insn... insns) {
        return program(HelperRegistry.empty(), insns);
    }

    /** {@return a program of the instructions with the given helpers} */
    static Program program(HelperRegistry helpers, Insn... insns) {
        return new Program("test", new Instructions(List.of(insns)), helpers, TestRegions.reach());
    }

    private static int aluOpcode(boolean wide, AluOp op, Source source) {
        return op.code() | source.code() | (wide ? InsnClass.ALU64 : InsnClass.ALU).code();
    }

    private static int aluOff(AluOp op) {
        return op == AluOp.SDIV || op == AluOp.SMOD ? 1 : 0;
    }

    private static int jumpOpcode(boolean wide, JumpOp op, Source source) {
        return op.code() | source.code() | (wide ? InsnClass.JMP : InsnClass.JMP32).code();
    }
}
