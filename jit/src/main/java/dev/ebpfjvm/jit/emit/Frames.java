package dev.ebpfjvm.jit.emit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Emits stack-map frames for the fixed locals layout: a full frame at the first branch target,
 * then "same" frames (empty stack) or "same locals, one stack item" frames. Valid because every
 * local is initialised before the first target and never changes type.
 */
final class Frames {
    private final MethodVisitor mv;
    private final Object[] locals;
    private boolean full;

    Frames(MethodVisitor mv, LocalLayout layout) {
        this.mv = mv;
        this.locals = layout.frameLocals();
    }

    /** Declares the frame at the current label: all locals, empty stack. */
    void same() {
        if (!full) {
            mv.visitFrame(Opcodes.F_FULL, locals.length, locals, 0, new Object[0]);
            full = true;
        } else {
            mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        }
    }

    /** Declares the frame at the current label: all locals, one stack item of the given type. */
    void same1(Object stackType) {
        if (!full) {
            mv.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {stackType});
            full = true;
        } else {
            mv.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {stackType});
        }
    }
}
