package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.isa.Insn;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The exception-table range of a method: from its first instruction that can fault (a memory
 * access or a call) to its last, all leading to the method's one handler; a method without such
 * instructions has no handler at all. One range, not one per run of faulting instructions: the
 * JVM's verifier checks each instruction against every exception-table entry, so many entries
 * cost more to define than covering the ALU code between them (measured: about 10% slower).
 */
final class FaultRange {
    private final MethodVisitor mv;
    private final int first;
    private final int last;
    private final Label start = new Label();
    private final Label end = new Label();

    private FaultRange(MethodVisitor mv, int first, int last) {
        this.mv = mv;
        this.first = first;
        this.last = last;
    }

    /** Finds the faulting instructions of a method and declares their range, leading to {@code handler}. */
    static FaultRange of(EmitContext ctx, Label handler) {
        int first = -1;
        int last = -1;
        for (int slot = ctx.start(); slot < ctx.end(); slot++) {
            Insn insn = ctx.plan().insns().atSlot(slot);
            if (insn != null && InsnEmitter.canFault(insn)) {
                first = first < 0 ? slot : first;
                last = slot;
            }
        }
        FaultRange range = new FaultRange(ctx.mv(), first, last);
        if (first >= 0) {
            ctx.mv().visitTryCatchBlock(range.start, range.end, handler, Type.getInternalName(RuntimeException.class));
        }
        return range;
    }

    /** {@return true when the method has no instruction that can fault} */
    boolean isEmpty() {
        return first < 0;
    }

    /** Marks the start of the range before the code of a slot. */
    void before(int slot) {
        if (slot == first) {
            mv.visitLabel(start);
        }
    }

    /** Marks the end of the range after the code of a slot. */
    void after(int slot) {
        if (slot == last) {
            mv.visitLabel(end);
        }
    }
}
