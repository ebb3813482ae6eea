package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.jit.plan.RegionHint;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * BPF_ATOMIC on 4 or 8 bytes, through the little-endian VarHandles' atomic access modes, so that
 * concurrent programs and user space see real atomics (DESIGN.md). A misaligned address makes the
 * VarHandle throw, which becomes the program fault at this instruction (the kernel's verifier
 * rejects misaligned atomics).
 *
 * <pre>
 * lock xadd [r10-8], r1        →  LittleEndian.LONG.getAndAdd(stack, (int) r10 - 8, r1);
 * lock fetch_or32 [r2+0], r1   →  r1 = toUnsignedLong((int) INT.getAndBitwiseOr(bytes, index, (int) r1));
 * lock cmpxchg [r2+0], r1      →  r0 = LONG.compareAndExchange(bytes, index, r0, r1);
 * </pre>
 * where {@code bytes, index} come from {@code memory.writable(addr)} and
 * {@code Memory.checkedIndex(bytes, addr, size)} on the generic path.
 */
final class AtomicEmitter {
    private AtomicEmitter() {
    }

    static void emit(EmitContext ctx, Insn insn, int slot) {
        MethodVisitor mv = ctx.mv();
        ctx.setPc(slot);
        int size = insn.size().bytes();
        RegionHint hint = ctx.hint(slot);
        if (hint != null) {
            MemEmitter.view(size).get(mv);
            ctx.loadRegion(hint, true);
            MemEmitter.pushIndex(ctx, insn.dst(), insn.off());
        } else {
            LocalLayout layout = ctx.layout();
            ctx.loadMemory();
            MemEmitter.pushAddress(ctx, insn.dst(), insn.off());
            mv.visitInsn(Opcodes.DUP2);
            mv.visitVarInsn(Opcodes.LSTORE, layout.tmpAddr());
            Refs.WRITABLE.invoke(mv);
            mv.visitVarInsn(Opcodes.ASTORE, layout.tmpArr());
            MemEmitter.view(size).get(mv);
            mv.visitVarInsn(Opcodes.ALOAD, layout.tmpArr());
            mv.visitVarInsn(Opcodes.ALOAD, layout.tmpArr());
            mv.visitVarInsn(Opcodes.LLOAD, layout.tmpAddr());
            ctx.pushInt(size);
            Refs.CHECKED_INDEX.invoke(mv);
        }
        AtomicOp op = insn.atomicOp();
        Type t = MemEmitter.valueType(size);
        if (op == AtomicOp.CMPXCHG) {
            pushOperand(ctx, 0, size);
        }
        pushOperand(ctx, insn.src(), size);
        String descriptor = op == AtomicOp.CMPXCHG
                ? Type.getMethodDescriptor(t, Refs.BYTES, Type.INT_TYPE, t, t)
                : Type.getMethodDescriptor(t, Refs.BYTES, Type.INT_TYPE, t);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Refs.VAR_HANDLE, accessMode(op), descriptor, false);
        if (!op.isFetch()) {
            mv.visitInsn(size == 8 ? Opcodes.POP2 : Opcodes.POP);
            return;
        }
        if (size == 4) {
            ctx.zeroExtend();
        }
        ctx.storeReg(op == AtomicOp.CMPXCHG ? 0 : insn.src());
    }

    private static void pushOperand(EmitContext ctx, int reg, int size) {
        if (size == 8) {
            ctx.loadReg(reg);
        } else {
            ctx.loadReg32(reg);
        }
    }

    /** {@return the VarHandle method of an atomic operation} */
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
