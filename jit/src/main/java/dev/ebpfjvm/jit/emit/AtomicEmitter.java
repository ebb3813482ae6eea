package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.Atomics;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Reg;
import dev.ebpfjvm.jit.plan.RegionHint;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * BPF_ATOMIC on 4 or 8 bytes. The generic path calls the shared {@link Atomics#apply}; a direct
 * access emits the same VarHandle atomic access mode {@code Atomics} uses, on the known region's
 * array, so that concurrent programs and user space see real atomics (DESIGN.md). A misaligned
 * direct access makes the VarHandle throw, which becomes the program fault at this instruction,
 * as {@code Atomics}' own alignment check does.
 *
 * <pre>
 * lock add [r10-8], r1         →  LittleEndian.LONG.getAndAdd(stack, (int) r10 - 8, r1);
 * lock fetch_or32 [r10-8], r1  →  r1 = toUnsignedLong((int) INT.getAndBitwiseOr(stack, (int) r10 - 8, (int) r1));
 * lock cmpxchg [r2+0], r1      →  r0 = Atomics.apply(memory, r2 + 0L, 8, CMPXCHG, r1, r0);
 * </pre>
 */
final class AtomicEmitter {
    private AtomicEmitter() {
    }

    static void emit(EmitContext ctx, Insn insn, int slot) {
        ctx.setPc(slot);
        RegionHint hint = ctx.hint(slot);
        if (hint == null) {
            generic(ctx, insn);
        } else {
            MemEmitter.withRegion(ctx, hint, true, () -> direct(ctx, insn, hint), () -> generic(ctx, insn));
        }
    }

    private static void generic(EmitContext ctx, Insn insn) {
        MethodVisitor mv = ctx.mv();
        AtomicOp op = insn.atomicOp();
        ctx.loadMemory();
        MemEmitter.pushAddress(ctx, insn.dst(), insn.off());
        ctx.pushInt(insn.size().bytes());
        mv.visitFieldInsn(Opcodes.GETSTATIC, Type.getInternalName(AtomicOp.class), op.name(),
                Type.getDescriptor(AtomicOp.class));
        ctx.loadReg(insn.src());
        ctx.loadReg(Reg.R0);
        Refs.ATOMICS_APPLY.invoke(mv);
        writeBack(ctx, insn);
    }

    private static void direct(EmitContext ctx, Insn insn, RegionHint hint) {
        MethodVisitor mv = ctx.mv();
        int size = insn.size().bytes();
        AtomicOp op = insn.atomicOp();
        MemEmitter.view(size).get(mv);
        ctx.loadRegion(hint, true);
        MemEmitter.pushIndex(ctx, insn.dst(), insn.off());
        Type t = MemEmitter.valueType(size);
        if (op == AtomicOp.CMPXCHG) {
            pushOperand(ctx, Reg.R0, size);
        }
        pushOperand(ctx, insn.src(), size);
        String descriptor = op == AtomicOp.CMPXCHG
                ? Type.getMethodDescriptor(t, Refs.BYTES, Type.INT_TYPE, t, t)
                : Type.getMethodDescriptor(t, Refs.BYTES, Type.INT_TYPE, t);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Refs.VAR_HANDLE, accessMode(op), descriptor, false);
        if (size == 4) {
            ctx.zeroExtend();
        }
        writeBack(ctx, insn);
    }

    /** Stores the old value, a long on the stack, where the operation returns it, or drops it. */
    private static void writeBack(EmitContext ctx, Insn insn) {
        AtomicOp op = insn.atomicOp();
        if (!op.isFetch()) {
            ctx.mv().visitInsn(Opcodes.POP2);
        } else {
            ctx.storeReg(op == AtomicOp.CMPXCHG ? Reg.R0 : insn.src());
        }
    }

    private static void pushOperand(EmitContext ctx, int reg, int size) {
        if (size == 8) {
            ctx.loadReg(reg);
        } else {
            ctx.loadReg32(reg);
        }
    }

    /** {@return the VarHandle method of an atomic operation, the one {@link Atomics} uses} */
    private static String accessMode(AtomicOp op) {
        switch (op) {
            case ADD:
            case FETCH_ADD: return "getAndAdd";
            case OR:
            case FETCH_OR: return "getAndBitwiseOr";
            case AND:
            case FETCH_AND: return "getAndBitwiseAnd";
            case XOR:
            case FETCH_XOR: return "getAndBitwiseXor";
            case XCHG: return "getAndSet";
            case CMPXCHG: return "compareAndExchange";
            default: throw new AssertionError(op);
        }
    }
}
