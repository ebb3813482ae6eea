package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.Atomics;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Reg;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * BPF_ATOMIC on 4 or 8 bytes, always through the shared {@link Atomics#apply}, whatever the memory
 * facts say: it picks the VarHandle atomic access modes where the JDK has them on {@code byte[]}
 * views (17–21) and a lock where it does not (22 and later, JDK-8318966), and faults on a
 * misaligned address; a direct access could do neither portably. With the operation a constant,
 * C2 folds {@code apply}'s dispatch away.
 *
 * <pre>
 * lock add [r10-8], r1       →  pc = slot; Atomics.apply(memory, r10 + -8L, 8, ADD, r1, r0);
 * lock fetch_or32 [r2], r1   →  pc = slot; r1 = Atomics.apply(memory, r2, 4, FETCH_OR, r1, r0);
 * lock cmpxchg [r2], r1      →  pc = slot; r0 = Atomics.apply(memory, r2, 8, CMPXCHG, r1, r0);
 * </pre>
 */
final class AtomicEmitter {
    private AtomicEmitter() {}

    static void emit(EmitContext ctx, Insn insn, int slot) {
        MethodVisitor mv = ctx.mv();
        AtomicOp op = insn.atomicOp();
        ctx.setPc(slot);
        ctx.loadMemory();
        MemEmitter.pushAddress(ctx, insn.dst(), insn.off());
        ctx.pushInt(insn.size().bytes());
        mv.visitFieldInsn(
                Opcodes.GETSTATIC, Type.getInternalName(AtomicOp.class), op.name(), Type.getDescriptor(AtomicOp.class));
        ctx.loadReg(insn.src());
        ctx.loadReg(Reg.R0);
        Refs.ATOMICS_APPLY.invoke(mv);
        if (!op.isFetch()) {
            mv.visitInsn(Opcodes.POP2);
        } else {
            ctx.storeReg(op == AtomicOp.CMPXCHG ? Reg.R0 : insn.src());
        }
    }
}
