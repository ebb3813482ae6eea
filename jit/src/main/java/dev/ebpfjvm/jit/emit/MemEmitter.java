package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.facts.RegionHint;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.core.memory.Memory;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Loads (LDX, sign-extending MEMSX) and stores (ST, STX). An access whose region is known indexes
 * that region's array directly through the little-endian VarHandles, with no range check of its
 * own: the VarHandle's check is the safety net, and its exception becomes the program fault at
 * this instruction. Any other access goes through {@link Memory}, as the interpreter's do. Three
 * shapes:
 *
 * <pre>
 * stack            ldxw r0, [r10-8]  →  r0 = toUnsignedLong((int) INT.get(stack, (int) r10 + -8));
 * context, r1      ldxw r0, [r1+4]   →  r0 = r1R != null ? ...INT.get(r1R, (int) r1 + 4)... : memory.load(r1 + 4L, 4);
 * checked          ldxw r0, [r4+0]   →  a = r4 + 0L;
 *                                       r0 = (int) (a >>> 32) == r1RegionR ? ...INT.get(r1R, (int) a)... : memory.load(a, 4);
 * unknown          ldxw r0, [r2+4]   →  r0 = memory.load(r2 + 4L, 4);
 * </pre>
 *
 * The context and the entry r1's region may have no plain bytes (NULL, no such region, a modelled
 * {@code __sk_buff}); their accesses then take the generic path. Each access starts by recording
 * its slot in the pc local.
 */
final class MemEmitter {
    private MemEmitter() {}

    /** Where an access's index and address come from: a register plus offset, or a computed address in a local. */
    private interface Operand {
        /** Pushes the address as a long. */
        void address();

        /** Pushes the index into the region's array as an int: the address's low half. */
        void index();
    }

    /** Emits LDX (MEM or MEMSX). */
    static void emitLoad(EmitContext ctx, Insn insn, int slot) {
        ctx.setPc(slot);
        access(ctx, insn, slot, insn.src(), false);
    }

    /** Emits ST (immediate) or STX (register) in mode MEM. */
    static void emitStore(EmitContext ctx, Insn insn, int slot) {
        ctx.setPc(slot);
        access(ctx, insn, slot, insn.dst(), true);
    }

    private static void access(EmitContext ctx, Insn insn, int slot, int base, boolean store) {
        RegionHint hint = ctx.hint(slot);
        Operand operand =
                hint != null && hint.isChecked() ? computed(ctx, base, insn.off()) : register(ctx, base, insn.off());
        Runnable generic = () -> generic(ctx, insn, operand, store);
        if (hint == null) {
            generic.run();
            return;
        }
        Runnable direct = () -> direct(ctx, insn, hint, operand, store);
        MethodVisitor mv = ctx.mv();
        switch (hint) {
            case STACK:
                direct.run();
                return;
            case STACK_CHECKED:
                regionOf(ctx);
                ctx.pushInt(Memory.STACK_REGION);
                branch(ctx, Opcodes.IF_ICMPNE, direct, generic);
                return;
            case ENTRY_R1_CHECKED:
                regionOf(ctx);
                mv.visitVarInsn(
                        Opcodes.ILOAD,
                        store ? ctx.layout().r1RegionWrite() : ctx.layout().r1RegionRead());
                branch(ctx, Opcodes.IF_ICMPNE, direct, generic);
                return;
            default:
                ctx.loadRegion(hint, store);
                branch(ctx, Opcodes.IFNULL, direct, generic);
        }
    }

    /** Pushes the region id of the address in the scratch local. */
    private static void regionOf(EmitContext ctx) {
        MethodVisitor mv = ctx.mv();
        mv.visitVarInsn(Opcodes.LLOAD, ctx.layout().tmpAddr());
        mv.visitIntInsn(Opcodes.BIPUSH, 32);
        mv.visitInsn(Opcodes.LUSHR);
        mv.visitInsn(Opcodes.L2I);
    }

    /** Emits {@code if (!test) direct else generic} after the operands of {@code jump}; each path leaves the stack empty. */
    private static void branch(EmitContext ctx, int jump, Runnable direct, Runnable generic) {
        MethodVisitor mv = ctx.mv();
        Label fallback = new Label();
        Label done = new Label();
        mv.visitJumpInsn(jump, fallback);
        direct.run();
        mv.visitJumpInsn(Opcodes.GOTO, done);
        mv.visitLabel(fallback);
        ctx.frames().same();
        generic.run();
        mv.visitLabel(done);
        ctx.frames().same();
    }

    private static void generic(EmitContext ctx, Insn insn, Operand operand, boolean store) {
        MethodVisitor mv = ctx.mv();
        int size = insn.size().bytes();
        ctx.loadMemory();
        operand.address();
        ctx.pushInt(size);
        if (store) {
            pushValue(ctx, insn);
            Refs.STORE.invoke(mv);
            return;
        }
        Refs.LOAD.invoke(mv);
        if (insn.mode() == MemMode.MEMSX) {
            mv.visitInsn(Opcodes.L2I);
            narrow(mv, size);
            mv.visitInsn(Opcodes.I2L);
        }
        ctx.storeReg(insn.dst());
    }

    private static void direct(EmitContext ctx, Insn insn, RegionHint hint, Operand operand, boolean store) {
        MethodVisitor mv = ctx.mv();
        int size = insn.size().bytes();
        if (size > 1) {
            view(size).get(mv);
        }
        ctx.loadRegion(hint, store);
        operand.index();
        if (store) {
            pushValue(ctx, insn);
            if (size < 8) {
                mv.visitInsn(Opcodes.L2I);
            }
            if (size == 1) {
                mv.visitInsn(Opcodes.BASTORE);
                return;
            }
            narrow(mv, size);
            mv.visitMethodInsn(
                    Opcodes.INVOKEVIRTUAL,
                    Refs.VAR_HANDLE,
                    "set",
                    Type.getMethodDescriptor(Type.VOID_TYPE, Refs.BYTES, Type.INT_TYPE, valueType(size)),
                    false);
            return;
        }
        if (size == 1) {
            mv.visitInsn(Opcodes.BALOAD);
        } else {
            mv.visitMethodInsn(
                    Opcodes.INVOKEVIRTUAL,
                    Refs.VAR_HANDLE,
                    "get",
                    Type.getMethodDescriptor(valueType(size), Refs.BYTES, Type.INT_TYPE),
                    false);
        }
        widen(ctx, size, insn.mode() == MemMode.MEMSX);
        ctx.storeReg(insn.dst());
    }

    /** Turns the byte, short, int or long a direct load read into the register value. */
    private static void widen(EmitContext ctx, int size, boolean signed) {
        MethodVisitor mv = ctx.mv();
        if (size == 8) {
            return;
        }
        if (signed) {
            mv.visitInsn(Opcodes.I2L);
        } else if (size == 1) {
            ctx.pushInt(0xff);
            mv.visitInsn(Opcodes.IAND);
            mv.visitInsn(Opcodes.I2L);
        } else if (size == 2) {
            mv.visitInsn(Opcodes.I2C);
            mv.visitInsn(Opcodes.I2L);
        } else {
            ctx.zeroExtend();
        }
    }

    /** Narrows an int to a byte or short, sign-extending; nothing for 4 bytes. */
    private static void narrow(MethodVisitor mv, int size) {
        if (size == 1) {
            mv.visitInsn(Opcodes.I2B);
        } else if (size == 2) {
            mv.visitInsn(Opcodes.I2S);
        }
    }

    /** {@return register {@code base} plus {@code off}: index {@code (int) base + off}, address {@code base + off} on 64 bits} */
    private static Operand register(EmitContext ctx, int base, int off) {
        return new Operand() {
            @Override
            public void address() {
                pushAddress(ctx, base, off);
            }

            @Override
            public void index() {
                ctx.loadReg32(base);
                if (off != 0) {
                    ctx.pushInt(off);
                    ctx.mv().visitInsn(Opcodes.IADD);
                }
            }
        };
    }

    /** Computes {@code base + off} into the scratch local now; {@return that address as the operand} */
    private static Operand computed(EmitContext ctx, int base, int off) {
        int local = ctx.layout().tmpAddr();
        pushAddress(ctx, base, off);
        ctx.mv().visitVarInsn(Opcodes.LSTORE, local);
        return new Operand() {
            @Override
            public void address() {
                ctx.mv().visitVarInsn(Opcodes.LLOAD, local);
            }

            @Override
            public void index() {
                ctx.mv().visitVarInsn(Opcodes.LLOAD, local);
                ctx.mv().visitInsn(Opcodes.L2I);
            }
        };
    }

    /** Pushes the address {@code base + off} on 64 bits, as the interpreter computes it. */
    static void pushAddress(EmitContext ctx, int base, int off) {
        ctx.loadReg(base);
        if (off != 0) {
            ctx.pushInt(off);
            ctx.mv().visitInsn(Opcodes.I2L);
            ctx.mv().visitInsn(Opcodes.LADD);
        }
    }

    /** {@return the little-endian view of an access size of 2, 4 or 8 bytes} */
    private static Refs.FieldRef view(int size) {
        switch (size) {
            case 2:
                return Refs.LE_SHORT;
            case 4:
                return Refs.LE_INT;
            case 8:
                return Refs.LE_LONG;
            default:
                throw new AssertionError(size);
        }
    }

    /** {@return the Java type a view of an access size of 2, 4 or 8 bytes reads and writes} */
    private static Type valueType(int size) {
        switch (size) {
            case 2:
                return Type.SHORT_TYPE;
            case 4:
                return Type.INT_TYPE;
            case 8:
                return Type.LONG_TYPE;
            default:
                throw new AssertionError(size);
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
