package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.jit.plan.RegionHint;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Loads (LDX, sign-extending MEMSX) and stores (ST, STX). An access whose region is known indexes
 * that region's array directly through the little-endian VarHandles, with no range check of its
 * own: the VarHandle's check is the safety net, and its exception becomes the program fault at
 * this instruction. Any other access goes through {@link dev.ebpfjvm.core.memory.Memory}, as the
 * interpreter's do. The context and the entry r1's region may have no plain bytes (NULL, a region
 * that does not exist, a modelled {@code __sk_buff}); their direct accesses fall back to the
 * generic path when the array is null.
 *
 * <pre>
 * ldxw r0, [r10-8]   →  pc = slot; r0 = Integer.toUnsignedLong((int) LittleEndian.INT.get(stack, (int) r10 + -8));
 * ldxw r0, [r2+4]    →  pc = slot; r0 = memory.load(r2 + 4L, 4);
 * stxdw [r1+0], r3   →  pc = slot; if (r1W != null) LittleEndian.LONG.set(r1W, (int) r1, r3);
 *                                  else memory.store(r1, 8, r3);                  // r1 as at entry
 * </pre>
 */
final class MemEmitter {
    private MemEmitter() {
    }

    /** Emits LDX (MEM or MEMSX). */
    static void emitLoad(EmitContext ctx, Insn insn, int slot) {
        ctx.setPc(slot);
        RegionHint hint = ctx.hint(slot);
        if (hint == null) {
            genericLoad(ctx, insn);
        } else {
            withRegion(ctx, hint, false, () -> directLoad(ctx, insn, hint), () -> genericLoad(ctx, insn));
        }
    }

    /** Emits ST (immediate) or STX (register) in mode MEM. */
    static void emitStore(EmitContext ctx, Insn insn, int slot) {
        ctx.setPc(slot);
        RegionHint hint = ctx.hint(slot);
        if (hint == null) {
            genericStore(ctx, insn);
        } else {
            withRegion(ctx, hint, true, () -> directStore(ctx, insn, hint), () -> genericStore(ctx, insn));
        }
    }

    /**
     * Emits {@code direct} for the stack, whose array always exists, and
     * {@code if (array != null) direct else generic} for the other regions. Each path leaves the
     * operand stack empty.
     */
    static void withRegion(EmitContext ctx, RegionHint hint, boolean write, Runnable direct, Runnable generic) {
        if (hint == RegionHint.STACK) {
            direct.run();
            return;
        }
        MethodVisitor mv = ctx.mv();
        Label fallback = new Label();
        Label done = new Label();
        ctx.loadRegion(hint, write);
        mv.visitJumpInsn(Opcodes.IFNULL, fallback);
        direct.run();
        mv.visitJumpInsn(Opcodes.GOTO, done);
        mv.visitLabel(fallback);
        ctx.frames().same();
        generic.run();
        mv.visitLabel(done);
        ctx.frames().same();
    }

    private static void genericLoad(EmitContext ctx, Insn insn) {
        MethodVisitor mv = ctx.mv();
        int size = insn.size().bytes();
        ctx.loadMemory();
        pushAddress(ctx, insn.src(), insn.off());
        ctx.pushInt(size);
        Refs.LOAD.invoke(mv);
        if (insn.mode() == MemMode.MEMSX) {
            mv.visitInsn(Opcodes.L2I);
            if (size == 1) {
                mv.visitInsn(Opcodes.I2B);
            } else if (size == 2) {
                mv.visitInsn(Opcodes.I2S);
            }
            mv.visitInsn(Opcodes.I2L);
        }
        ctx.storeReg(insn.dst());
    }

    private static void directLoad(EmitContext ctx, Insn insn, RegionHint hint) {
        MethodVisitor mv = ctx.mv();
        boolean signed = insn.mode() == MemMode.MEMSX;
        int size = insn.size().bytes();
        if (size == 1) {
            ctx.loadRegion(hint, false);
            pushIndex(ctx, insn.src(), insn.off());
            mv.visitInsn(Opcodes.BALOAD);
            if (!signed) {
                ctx.pushInt(0xff);
                mv.visitInsn(Opcodes.IAND);
            }
            mv.visitInsn(Opcodes.I2L);
            ctx.storeReg(insn.dst());
            return;
        }
        view(size).get(mv);
        ctx.loadRegion(hint, false);
        pushIndex(ctx, insn.src(), insn.off());
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Refs.VAR_HANDLE, "get",
                Type.getMethodDescriptor(valueType(size), Refs.BYTES, Type.INT_TYPE), false);
        if (size == 8) {
            ctx.storeReg(insn.dst());
            return;
        }
        if (signed) {
            mv.visitInsn(Opcodes.I2L);
        } else if (size == 2) {
            mv.visitInsn(Opcodes.I2C);
            mv.visitInsn(Opcodes.I2L);
        } else {
            ctx.zeroExtend();
        }
        ctx.storeReg(insn.dst());
    }

    private static void genericStore(EmitContext ctx, Insn insn) {
        ctx.loadMemory();
        pushAddress(ctx, insn.dst(), insn.off());
        ctx.pushInt(insn.size().bytes());
        pushValue(ctx, insn);
        Refs.STORE.invoke(ctx.mv());
    }

    private static void directStore(EmitContext ctx, Insn insn, RegionHint hint) {
        MethodVisitor mv = ctx.mv();
        int size = insn.size().bytes();
        if (size == 1) {
            ctx.loadRegion(hint, true);
            pushIndex(ctx, insn.dst(), insn.off());
            pushValue(ctx, insn);
            mv.visitInsn(Opcodes.L2I);
            mv.visitInsn(Opcodes.BASTORE);
            return;
        }
        view(size).get(mv);
        ctx.loadRegion(hint, true);
        pushIndex(ctx, insn.dst(), insn.off());
        pushValue(ctx, insn);
        if (size < 8) {
            mv.visitInsn(Opcodes.L2I);
        }
        if (size == 2) {
            mv.visitInsn(Opcodes.I2S);
        }
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Refs.VAR_HANDLE, "set",
                Type.getMethodDescriptor(Type.VOID_TYPE, Refs.BYTES, Type.INT_TYPE, valueType(size)), false);
    }

    /** Pushes the index of a direct access: {@code (int) base + off}. */
    static void pushIndex(EmitContext ctx, int base, int off) {
        ctx.loadReg32(base);
        if (off != 0) {
            ctx.pushInt(off);
            ctx.mv().visitInsn(Opcodes.IADD);
        }
    }

    /** Pushes the address of a generic access: {@code base + off} on 64 bits, as the interpreter computes it. */
    static void pushAddress(EmitContext ctx, int base, int off) {
        ctx.loadReg(base);
        if (off != 0) {
            ctx.pushInt(off);
            ctx.mv().visitInsn(Opcodes.I2L);
            ctx.mv().visitInsn(Opcodes.LADD);
        }
    }

    /** {@return the little-endian view of an access size of 2, 4 or 8 bytes} */
    static Refs.FieldRef view(int size) {
        switch (size) {
            case 2: return Refs.LE_SHORT;
            case 4: return Refs.LE_INT;
            case 8: return Refs.LE_LONG;
            default: throw new AssertionError(size);
        }
    }

    /** {@return the Java type a view of an access size of 2, 4 or 8 bytes reads and writes} */
    static Type valueType(int size) {
        switch (size) {
            case 2: return Type.SHORT_TYPE;
            case 4: return Type.INT_TYPE;
            case 8: return Type.LONG_TYPE;
            default: throw new AssertionError(size);
        }
    }

    /** Pushes the stored value as a long: src, or the immediate sign-extended. */
    private static void pushValue(EmitContext ctx, Insn insn) {
        if (insn.insnClass() == InsnClass.ST) {
            ctx.pushLong(insn.imm());
        } else {
            ctx.loadReg(insn.src());
        }
    }
}
