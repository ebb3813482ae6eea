package dev.ebpfjvm.jit.testing;

import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Size;
import java.util.Random;

/**
 * Random terminating programs for differential and size tests: ALU operations of every kind on
 * r0 and r2–r9, loads and stores of every size on the stack (through r10, through a register
 * derived from it by a constant or by a register, through a pointer reloaded from memory) and on
 * the context (through r1, which is never written, and registers derived from it), atomics, 64-bit immediates, calls of {@link #HELPERS} and forward conditional
 * jumps. Only forward jumps,
 * so every program terminates. Reproducible from the {@link Random} given.
 */
public final class RandomPrograms {
    /** The context buffer size the programs address through r1. */
    public static final int CONTEXT_BYTES = 64;
    /** The helper the programs call: id 1, a mix of its five arguments. */
    public static final HelperRegistry HELPERS = HelperRegistry.builder()
            .add(1, "mix", (ctx, a, b, c, d, e) -> Long.rotateLeft(a * 31 + b, 7) ^ (c - d) * (e | 1))
            .build();

    private static final AluOp[] ALU_OPS = {AluOp.ADD, AluOp.SUB, AluOp.MUL, AluOp.DIV, AluOp.SDIV, AluOp.OR,
        AluOp.AND, AluOp.LSH, AluOp.RSH, AluOp.NEG, AluOp.MOD, AluOp.SMOD, AluOp.XOR, AluOp.MOV, AluOp.ARSH};
    private static final JumpOp[] CONDITIONS = {JumpOp.JEQ, JumpOp.JGT, JumpOp.JGE, JumpOp.JSET, JumpOp.JNE,
        JumpOp.JSGT, JumpOp.JSGE, JumpOp.JLT, JumpOp.JLE, JumpOp.JSLT, JumpOp.JSLE};
    private static final Size[] SIZES = Size.values();
    private static final AtomicOp[] ATOMICS = AtomicOp.values();
    private static final int[] DST = {0, 2, 3, 4, 5, 6, 7, 8, 9};

    private final Random rnd;
    private int label;

    public RandomPrograms(Random rnd) {
        this.rnd = rnd;
    }

    /** {@return a program of about {@code n} instructions; with {@code branches}, forward jumps too} */
    public Asm program(int n, boolean branches) {
        Asm asm = new Asm();
        for (int r : DST) {
            asm.lddw(r, rnd.nextLong());
        }
        int pending = -1;
        String target = null;
        int emitted = 0;
        while (emitted < n) {
            if (pending == 0) {
                asm.label(target);
                pending = -1;
            }
            if (branches && pending < 0 && rnd.nextInt(8) == 0) {
                target = "L" + label++;
                pending = 1 + rnd.nextInt(12);
                jump(asm, target);
            } else {
                emitted += step(asm);
            }
            emitted++;
            if (pending > 0) {
                pending--;
            }
        }
        if (pending >= 0) {
            asm.label(target);
        }
        return asm.exit();
    }

    private void jump(Asm asm, String target) {
        InsnClass cls = rnd.nextBoolean() ? InsnClass.JMP : InsnClass.JMP32;
        if (rnd.nextInt(16) == 0) {
            asm.ja(target);
        } else if (rnd.nextBoolean()) {
            asm.jump(cls, pick(CONDITIONS), reg(), imm(), target);
        } else {
            asm.jumpReg(cls, pick(CONDITIONS), reg(), src(), target);
        }
    }

    /** Appends one step; {@return the extra instructions beyond one it took} */
    private int step(Asm asm) {
        int kind = rnd.nextInt(100);
        if (kind < 50) {
            alu(asm);
            return 0;
        }
        if (kind < 58) {
            asm.lddw(dst(), rnd.nextBoolean() ? rnd.nextLong() : rnd.nextInt(64));
            return 0;
        }
        if (kind < 72) {
            stack(asm);
            return 0;
        }
        if (kind < 83) {
            context(asm);
            return 0;
        }
        if (kind < 86) {
            asm.call(1);
            return 0;
        }
        if (kind < 92) {
            int base = 2 + rnd.nextInt(8);
            int off = -8 * (1 + rnd.nextInt(60));
            asm.movReg(base, 10).add(base, off);
            int how = rnd.nextInt(3);
            if (how == 1) {
                int spill = -8 * (61 + rnd.nextInt(3));
                asm.stx(Size.DW, 10, spill, base).ldx(Size.DW, base, 10, spill);
            } else if (how == 2) {
                int delta = base == 9 ? 8 : base + 1;
                boolean context = rnd.nextBoolean();
                asm.mov(delta, context ? rnd.nextInt(CONTEXT_BYTES - 8) : -8 * rnd.nextInt(4));
                asm.movReg(base, context ? 1 : 10).add(base, context ? 0 : off);
                asm.aluReg(InsnClass.ALU64, AluOp.ADD, base, delta);
            }
            Size size = pick(SIZES);
            if (rnd.nextBoolean()) {
                asm.ldx(size, dst(), base, 0, size != Size.DW && rnd.nextBoolean());
            } else {
                asm.stx(size, base, 0, src());
            }
            return 2;
        }
        Size size = rnd.nextBoolean() ? Size.W : Size.DW;
        AtomicOp op = pick(ATOMICS);
        int off = -size.bytes() * (1 + rnd.nextInt(64 / size.bytes()));
        asm.atomic(size, op, 10, off, op == AtomicOp.CMPXCHG ? pickNot0() : dst());
        return 0;
    }

    private void alu(Asm asm) {
        InsnClass cls = rnd.nextBoolean() ? InsnClass.ALU64 : InsnClass.ALU;
        int choice = rnd.nextInt(20);
        if (choice == 0) {
            int bits = new int[] {16, 32, 64}[rnd.nextInt(3)];
            boolean toBe = rnd.nextBoolean();
            if (cls == InsnClass.ALU64) {
                asm.insn(Insn.of(InsnClass.ALU64.code() | AluOp.BSWAP.code(), dst(), 0, 0, bits));
            } else {
                asm.insn(Insn.of(InsnClass.ALU.code() | AluOp.END.code() | (toBe ? 0x08 : 0), dst(), 0, 0, bits));
            }
        } else if (choice == 1) {
            int bits = cls == InsnClass.ALU64 ? new int[] {8, 16, 32}[rnd.nextInt(3)] : new int[] {8, 16}[rnd.nextInt(2)];
            asm.aluReg(cls, AluOp.MOVSX, dst(), src(), bits);
        } else {
            AluOp op = pick(ALU_OPS);
            if (op == AluOp.NEG || rnd.nextBoolean()) {
                asm.alu(cls, op, dst(), imm());
            } else {
                asm.aluReg(cls, op, dst(), src());
            }
        }
    }

    private void stack(Asm asm) {
        Size size = pick(SIZES);
        int off = -size.bytes() - rnd.nextInt(512 - size.bytes() + 1);
        switch (rnd.nextInt(3)) {
            case 0: asm.ldx(size, dst(), 10, off, size != Size.DW && rnd.nextBoolean()); break;
            case 1: asm.stx(size, 10, off, src()); break;
            default: asm.st(size, 10, off, imm());
        }
    }

    private void context(Asm asm) {
        Size size = pick(SIZES);
        int off = rnd.nextInt(CONTEXT_BYTES - size.bytes() + 1);
        switch (rnd.nextInt(3)) {
            case 0: asm.ldx(size, dst(), 1, off, size != Size.DW && rnd.nextBoolean()); break;
            case 1: asm.stx(size, 1, off, src()); break;
            default: asm.st(size, 1, off, imm());
        }
    }

    private int imm() {
        switch (rnd.nextInt(4)) {
            case 0: return rnd.nextInt(64);
            case 1: return rnd.nextInt(5) - 2;
            default: return rnd.nextInt();
        }
    }

    private int dst() {
        return DST[rnd.nextInt(DST.length)];
    }

    private int pickNot0() {
        return DST[1 + rnd.nextInt(DST.length - 1)];
    }

    private int reg() {
        return rnd.nextInt(10);
    }

    private int src() {
        return rnd.nextInt(11);
    }

    private <T> T pick(T[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
