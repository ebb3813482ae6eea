package dev.ebpfjvm.jit.testing;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds test programs instruction by instruction, with labels for jumps and local calls. Only the
 * encodings tests need; opcodes are composed from the core ISA enums.
 */
public final class Asm {
    private final List<Insn> insns = new ArrayList<>();
    private final List<Integer> slots = new ArrayList<>();
    private final Map<Integer, String> fixups = new HashMap<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private int slot;

    /** Appends an instruction. */
    public Asm insn(Insn insn) {
        insns.add(insn);
        slots.add(slot);
        slot += insn.slots();
        return this;
    }

    /** Binds a label to the next instruction. */
    public Asm label(String name) {
        labels.put(name, slot);
        return this;
    }

    /** ALU or ALU64 with an immediate. */
    public Asm alu(InsnClass cls, AluOp op, int dst, int imm) {
        return insn(Insn.of(cls.code() | op.code(), dst, 0, aluOff(op, 0), op == AluOp.NEG ? 0 : imm));
    }

    /** ALU or ALU64 with a register; {@code off} selects movsx widths. */
    public Asm aluReg(InsnClass cls, AluOp op, int dst, int src, int off) {
        return insn(Insn.of(cls.code() | op.code() | Source.X.code(), dst, src, aluOff(op, off), 0));
    }

    /** ALU or ALU64 with a register. */
    public Asm aluReg(InsnClass cls, AluOp op, int dst, int src) {
        return aluReg(cls, op, dst, src, 0);
    }

    /** {@code mov64 dst, imm}. */
    public Asm mov(int dst, int imm) {
        return alu(InsnClass.ALU64, AluOp.MOV, dst, imm);
    }

    /** {@code mov64 dst, src}. */
    public Asm movReg(int dst, int src) {
        return aluReg(InsnClass.ALU64, AluOp.MOV, dst, src);
    }

    /** {@code add64 dst, imm}. */
    public Asm add(int dst, int imm) {
        return alu(InsnClass.ALU64, AluOp.ADD, dst, imm);
    }

    /** {@code lddw dst, imm64}. */
    public Asm lddw(int dst, long imm) {
        return insn(Insn.lddw(dst, PseudoSrc.NONE, imm));
    }

    /** {@code lddw dst, func}: the address of the function at a label ({@code BPF_PSEUDO_FUNC}). */
    public Asm lddwFunc(int dst, String function) {
        fixups.put(insns.size(), function);
        return insn(Insn.lddw(dst, PseudoSrc.FUNC, 0));
    }

    /** {@code ldabs size, imm}: r0 = the big-endian packet bytes at imm. */
    public Asm ldAbs(Size size, int imm) {
        return insn(Insn.of(InsnClass.LD.code() | MemMode.ABS.code() | size.code(), 0, 0, 0, imm));
    }

    /** {@code ldind size, src, imm}: r0 = the big-endian packet bytes at src + imm. */
    public Asm ldInd(Size size, int src, int imm) {
        return insn(Insn.of(InsnClass.LD.code() | MemMode.IND.code() | size.code(), 0, src, 0, imm));
    }

    /** A conditional jump (or ja) comparing with an immediate. */
    public Asm jump(InsnClass cls, JumpOp op, int dst, int imm, String target) {
        fixups.put(insns.size(), target);
        return insn(Insn.of(cls.code() | op.code(), dst, 0, 0, imm));
    }

    /** A conditional jump comparing with a register. */
    public Asm jumpReg(InsnClass cls, JumpOp op, int dst, int src, String target) {
        fixups.put(insns.size(), target);
        return insn(Insn.of(cls.code() | op.code() | Source.X.code(), dst, src, 0, 0));
    }

    /** {@code ja target}. */
    public Asm ja(String target) {
        return jump(InsnClass.JMP, JumpOp.JA, 0, 0, target);
    }

    /** {@code gotol target} (JMP32 ja, offset in imm). */
    public Asm gotol(String target) {
        return jump(InsnClass.JMP32, JumpOp.JA, 0, 0, target);
    }

    /** {@code call helper}. */
    public Asm call(int helper) {
        return insn(Insn.of(0x85, 0, 0, 0, helper));
    }

    /** {@code callx dst}: the helper id is in a register. */
    public Asm callx(int reg) {
        return insn(Insn.of(0x8d, reg, 0, 0, 0));
    }

    /** {@code call local target}. */
    public Asm callLocal(String target) {
        fixups.put(insns.size(), target);
        return insn(Insn.of(0x85, 0, 1, 0, 0));
    }

    /** {@code exit}. */
    public Asm exit() {
        return insn(Insn.of(0x95, 0, 0, 0, 0));
    }

    /** {@code ldx dst, [src + off]}; MEMSX when {@code signed}. */
    public Asm ldx(Size size, int dst, int src, int off, boolean signed) {
        MemMode mode = signed ? MemMode.MEMSX : MemMode.MEM;
        return insn(Insn.of(InsnClass.LDX.code() | mode.code() | size.code(), dst, src, off, 0));
    }

    /** {@code ldx dst, [src + off]}. */
    public Asm ldx(Size size, int dst, int src, int off) {
        return ldx(size, dst, src, off, false);
    }

    /** {@code stx [dst + off], src}. */
    public Asm stx(Size size, int dst, int off, int src) {
        return insn(Insn.of(InsnClass.STX.code() | MemMode.MEM.code() | size.code(), dst, src, off, 0));
    }

    /** {@code st [dst + off], imm}. */
    public Asm st(Size size, int dst, int off, int imm) {
        return insn(Insn.of(InsnClass.ST.code() | MemMode.MEM.code() | size.code(), dst, 0, off, imm));
    }

    /** An atomic operation {@code [dst + off] op= src}. */
    public Asm atomic(Size size, AtomicOp op, int dst, int off, int src) {
        return insn(Insn.of(InsnClass.STX.code() | MemMode.ATOMIC.code() | size.code(), dst, src, off, op.code()));
    }

    /** {@return the instructions, with every label resolved} */
    public Instructions instructions() {
        List<Insn> out = new ArrayList<>(insns);
        fixups.forEach((index, name) -> {
            Integer target = labels.get(name);
            if (target == null) {
                throw new IllegalArgumentException("no label " + name);
            }
            Insn i = out.get(index);
            int rel = target - slots.get(index) - 1;
            if (i.isWide()) {
                out.set(index, Insn.lddw(i.dst(), PseudoSrc.FUNC, rel & 0xffffffffL));
                return;
            }
            boolean immOffset = i.isLocalCall() || i.opcode() == (InsnClass.JMP32.code() | JumpOp.JA.code());
            out.set(index, Insn.of(i.opcode(), i.dst(), i.src(), immOffset ? 0 : rel, immOffset ? rel : i.imm32()));
        });
        return new Instructions(out);
    }

    /** {@return the program, with the given helpers} */
    public Program program(String name, HelperRegistry helpers) {
        return new Program(name, instructions(), helpers, TestRegions.reach());
    }

    /** {@return the program, without helpers} */
    public Program program(String name) {
        return program(name, HelperRegistry.empty());
    }

    private static int aluOff(AluOp op, int off) {
        if (op == AluOp.SDIV || op == AluOp.SMOD) {
            return 1;
        }
        return op == AluOp.MOVSX ? off : 0;
    }
}
