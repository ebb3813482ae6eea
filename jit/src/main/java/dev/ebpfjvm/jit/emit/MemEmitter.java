package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.jit.plan.RegionHint;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Loads (LDX, sign-extending MEMSX) and stores (ST, STX). An access whose region is known indexes
 * that region's array directly through the little-endian VarHandles, with no range check of its
 * own: the VarHandle's check is the safety net, and its exception becomes the program fault at
 * this instruction. Any other access goes through {@link dev.ebpfjvm.core.memory.Memory}.
 *
 * <pre>
 * ldxw r0, [r10-8]   →  pc = slot; r0 = Integer.toUnsignedLong((int) LittleEndian.INT.get(stack, (int) r10 + -8));
 * ldxw r0, [r2+4]    →  pc = slot; r0 = memory.load(r2 + 4L, 4);
 * stxdw [r1+0], r3   →  pc = slot; LittleEndian.LONG.set(r1W, (int) r1, r3);    // r1 as at entry
 * </pre>
 */
final class MemEmitter {
    private MemEmitter() {
    }

    /** Emits LDX (MEM or MEMSX). */
    static void emitLoad(EmitContext ctx, Insn insn, int slot) {
        MethodVisitor mv = ctx.mv();
        ctx.setPc(slot);
        boolean signed = insn.mode() == MemMode.MEMSX;
        int size = insn.size().bytes();
        RegionHint hint = ctx.hint(slot);
        if (hint == null) {
            ctx.loadMemory();
            pushAddress(ctx, insn.src(), insn.off());
            ctx.pushInt(size);
            Refs.LOAD.invoke(mv);
            if (signed) {
                mv.visitInsn(Opcodes.L2I);
                narrow(mv, size);
                mv.visitInsn(Opcodes.I2L);
            }
        } else if (size == 1) {
            ctx.loadRegion(hint, false);
            pushIndex(ctx, insn.src(), insn.off());
            mv.visitInsn(Opcodes.BALOAD);
            if (!signed) {
                ctx.pushInt(0xff);
                mv.visitInsn(Opcodes.IAND);
            }
            mv.visitInsn(Opcodes.I2L);
        } else {
            view(size).get(mv);
            ctx.loadRegion(hint, false);
            pushIndex(ctx, insn.src(), insn.off());
            Type t = valueType(size);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Refs.VAR_HANDLE, "get",
                    Type.getMethodDescriptor(t, Refs.BYTES, Type.INT_TYPE), false);
            widen(ctx, size, signed);
        }
        ctx.storeReg(insn.dst());
    }

    /** Emits ST (immediate) or STX (register) in mode MEM. */
    static void emitStore(EmitContext ctx, Insn insn, int slot) {
        MethodVisitor mv = ctx.mv();
        ctx.setPc(slot);
        int size = insn.size().bytes();
        RegionHint hint = ctx.hint(slot);
        if (hint == null) {
            ctx.loadMemory();
            pushAddress(ctx, insn.dst(), insn.off());
            ctx.pushInt(size);
            pushValue(ctx, insn);
            Refs.STORE.invoke(mv);
        } else if (size == 1) {
            ctx.loadRegion(hint, true);
            pushIndex(ctx, insn.dst(), insn.off());
            pushValue(ctx, insn);
            mv.visitInsn(Opcodes.L2I);
            mv.visitInsn(Opcodes.BASTORE);
        } else {
            view(size).get(mv);
            ctx.loadRegion(hint, true);
            pushIndex(ctx, insn.dst(), insn.off());
            pushValue(ctx, insn);
            if (size < 8) {
                mv.visitInsn(Opcodes.L2I);
            }
            Type t = valueType(size);
            if (size == 2) {
                mv.visitInsn(Opcodes.I2S);
            }
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Refs.VAR_HANDLE, "set",
                    Type.getMethodDescriptor(Type.VOID_TYPE, Refs.BYTES, Type.INT_TYPE, t), false);
        }
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

    /** Turns the short, int or long a view read into the register value, zero- or sign-extended. */
    private static void widen(EmitContext ctx, int size, boolean signed) {
        MethodVisitor mv = ctx.mv();
        if (size == 8) {
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
    }

    private static void narrow(MethodVisitor mv, int size) {
        if (size == 1) {
            mv.visitInsn(Opcodes.I2B);
        } else if (size == 2) {
            mv.visitInsn(Opcodes.I2S);
        }
    }
}
