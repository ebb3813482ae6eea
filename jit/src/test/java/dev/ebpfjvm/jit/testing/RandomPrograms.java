package dev.ebpfjvm.jit.testing;

import static dev.ebpfjvm.core.asm.Asm.call;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.ja;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.ldxs;
import static dev.ebpfjvm.core.asm.Asm.movsx;
import static dev.ebpfjvm.core.asm.Asm.movsx32;
import static dev.ebpfjvm.core.asm.Asm.st;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;

import dev.ebpfjvm.core.asm.InsnList;
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

    private static final AluOp[] ALU_OPS = {
        AluOp.ADD,
        AluOp.SUB,
        AluOp.MUL,
        AluOp.DIV,
        AluOp.SDIV,
        AluOp.OR,
        AluOp.AND,
        AluOp.LSH,
        AluOp.RSH,
        AluOp.NEG,
        AluOp.MOD,
        AluOp.SMOD,
        AluOp.XOR,
        AluOp.MOV,
        AluOp.ARSH
    };
    private static final JumpOp[] CONDITIONS = {
        JumpOp.JEQ,
        JumpOp.JGT,
        JumpOp.JGE,
        JumpOp.JSET,
        JumpOp.JNE,
        JumpOp.JSGT,
        JumpOp.JSGE,
        JumpOp.JLT,
        JumpOp.JLE,
        JumpOp.JSLT,
        JumpOp.JSLE
    };
    private static final Size[] SIZES = Size.values();
    private static final AtomicOp[] ATOMICS = AtomicOp.values();
    private static final int[] DST = {0, 2, 3, 4, 5, 6, 7, 8, 9};

    private final Random rnd;
    private int label;

    public RandomPrograms(Random rnd) {
        this.rnd = rnd;
    }

    /** {@return a program of about {@code n} instructions; with {@code branches}, forward jumps too} */
    public InsnList program(int n, boolean branches) {
        InsnList asm = new InsnList();
        for (int r : DST) {
            asm.add(lddw(r, rnd.nextLong()));
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
        return asm.add(exit());
    }

    private void jump(InsnList asm, String target) {
        InsnClass cls = rnd.nextBoolean() ? InsnClass.JMP : InsnClass.JMP32;
        if (rnd.nextInt(16) == 0) {
            asm.add(ja(target));
        } else if (rnd.nextBoolean()) {
            asm.add(pick(CONDITIONS).imm(cls, reg(), imm(), target));
        } else {
            asm.add(pick(CONDITIONS).reg(cls, reg(), src(), target));
        }
    }

    /** Appends one step; {@return the extra instructions beyond one it took} */
    private int step(InsnList asm) {
        int kind = rnd.nextInt(100);
        if (kind < 50) {
            alu(asm);
            return 0;
        }
        if (kind < 58) {
            asm.add(lddw(dst(), rnd.nextBoolean() ? rnd.nextLong() : rnd.nextInt(64)));
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
            asm.add(call(1));
            return 0;
        }
        if (kind < 92) {
            int base = 2 + rnd.nextInt(8);
            int off = -8 * (1 + rnd.nextInt(60));
            asm.add(MOV.reg(base, 10), ADD.imm(base, off));
            int how = rnd.nextInt(3);
            if (how == 1) {
                int spill = -8 * (61 + rnd.nextInt(3));
                asm.add(stx(Size.DW, 10, base, spill), ldx(Size.DW, base, 10, spill));
            } else if (how == 2) {
                int delta = base == 9 ? 8 : base + 1;
                boolean context = rnd.nextBoolean();
                asm.add(MOV.imm(delta, context ? rnd.nextInt(CONTEXT_BYTES - 8) : -8 * rnd.nextInt(4)));
                asm.add(MOV.reg(base, context ? 1 : 10), ADD.imm(base, context ? 0 : off));
                asm.add(AluOp.ADD.reg(base, delta));
            }
            Size size = pick(SIZES);
            if (rnd.nextBoolean()) {
                load(asm, size, base, 0);
            } else {
                asm.add(stx(size, base, src(), 0));
            }
            return 2;
        }
        Size size = rnd.nextBoolean() ? Size.W : Size.DW;
        AtomicOp op = pick(ATOMICS);
        int off = -size.bytes() * (1 + rnd.nextInt(64 / size.bytes()));
        asm.add(op.mem(size, 10, op == AtomicOp.CMPXCHG ? pickNot0() : dst(), off));
        return 0;
    }

    private void alu(InsnList asm) {
        InsnClass cls = rnd.nextBoolean() ? InsnClass.ALU64 : InsnClass.ALU;
        int choice = rnd.nextInt(20);
        if (choice == 0) {
            int bits = new int[] {16, 32, 64}[rnd.nextInt(3)];
            boolean toBe = rnd.nextBoolean();
            if (cls == InsnClass.ALU64) {
                asm.add(Insn.of(InsnClass.ALU64.code() | AluOp.BSWAP.code(), dst(), 0, 0, bits));
            } else {
                asm.add(Insn.of(InsnClass.ALU.code() | AluOp.END.code() | (toBe ? 0x08 : 0), dst(), 0, 0, bits));
            }
        } else if (choice == 1) {
            int bits =
                    cls == InsnClass.ALU64 ? new int[] {8, 16, 32}[rnd.nextInt(3)] : new int[] {8, 16}[rnd.nextInt(2)];
            asm.add(cls == InsnClass.ALU64 ? movsx(dst(), src(), bits) : movsx32(dst(), src(), bits));
        } else {
            AluOp op = pick(ALU_OPS);
            if (op == AluOp.NEG || rnd.nextBoolean()) {
                int dst = dst();
                int imm = imm(); // drawn for NEG too, whose imm is 0
                asm.add(op.imm(cls, dst, op == AluOp.NEG ? 0 : imm));
            } else {
                asm.add(op.reg(cls, dst(), src()));
            }
        }
    }

    private void stack(InsnList asm) {
        Size size = pick(SIZES);
        int off = -size.bytes() - rnd.nextInt(512 - size.bytes() + 1);
        switch (rnd.nextInt(3)) {
            case 0:
                load(asm, size, 10, off);
                break;
            case 1:
                asm.add(stx(size, 10, src(), off));
                break;
            default:
                asm.add(st(size, 10, off, imm()));
        }
    }

    private void context(InsnList asm) {
        Size size = pick(SIZES);
        int off = rnd.nextInt(CONTEXT_BYTES - size.bytes() + 1);
        switch (rnd.nextInt(3)) {
            case 0:
                load(asm, size, 1, off);
                break;
            case 1:
                asm.add(stx(size, 1, src(), off));
                break;
            default:
                asm.add(st(size, 1, off, imm()));
        }
    }

    /** Loads a random register from base + off, sign-extending at random below DW (dst drawn first). */
    private void load(InsnList asm, Size size, int base, int off) {
        int dst = dst();
        asm.add(size != Size.DW && rnd.nextBoolean() ? ldxs(size, dst, base, off) : ldx(size, dst, base, off));
    }

    private int imm() {
        switch (rnd.nextInt(4)) {
            case 0:
                return rnd.nextInt(64);
            case 1:
                return rnd.nextInt(5) - 2;
            default:
                return rnd.nextInt();
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
