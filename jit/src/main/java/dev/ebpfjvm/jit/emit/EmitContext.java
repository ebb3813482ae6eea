package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.facts.RegionHint;
import dev.ebpfjvm.jit.plan.ConstantPlan;
import dev.ebpfjvm.jit.plan.FunctionPlan;
import dev.ebpfjvm.jit.plan.ProgramPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the instruction emitters share while one method is generated: the method visitor, the
 * locals layout, the labels of the method's slots and the stubs that leave a chunk, and the
 * program-wide plan. Emitters push and store registers and constants only through it, so that the
 * size model's bounds hold.
 */
final class EmitContext {
    private final MethodVisitor mv;
    private final LocalLayout layout;
    private final Frames frames;
    private final ClassEnv env;
    private final ProgramPlan plan;
    private final FunctionPlan function;
    private final int start;
    private final int end;
    private final int pcBase;
    private final Label[] labels;
    private final Map<Integer, Label> stubs = new LinkedHashMap<>();

    EmitContext(
            MethodVisitor mv,
            LocalLayout layout,
            ClassEnv env,
            ProgramPlan plan,
            FunctionPlan function,
            int start,
            int end) {
        this.mv = mv;
        this.layout = layout;
        this.frames = new Frames(mv, layout);
        this.env = env;
        this.plan = plan;
        this.function = function;
        this.start = start;
        this.end = end;
        this.pcBase = start;
        this.labels = new Label[end - start];
    }

    MethodVisitor mv() {
        return mv;
    }

    LocalLayout layout() {
        return layout;
    }

    Frames frames() {
        return frames;
    }

    ClassEnv env() {
        return env;
    }

    ProgramPlan plan() {
        return plan;
    }

    FunctionPlan function() {
        return function;
    }

    Program program() {
        return env.program();
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** {@return the slot the method's pc local counts from} */
    int pcBase() {
        return pcBase;
    }

    /** {@return the stubs that leave this chunk, by target slot} */
    Map<Integer, Label> stubs() {
        return stubs;
    }

    /** {@return the memory fact of a slot} */
    RegionHint hint(int slot) {
        return plan.facts().regionAt(slot);
    }

    /** {@return the label of a slot of this method} */
    Label slotLabel(int slot) {
        Label l = labels[slot - start];
        if (l == null) {
            l = new Label();
            labels[slot - start] = l;
        }
        return l;
    }

    /** {@return where a jump to a slot goes: the slot's label in this method, else the stub leaving the chunk for it} */
    Label target(int slot) {
        if (slot >= start && slot < end) {
            return slotLabel(slot);
        }
        if (layout.shape() != LocalLayout.Shape.CHUNK) {
            throw new IllegalStateException("jump out of function to slot " + slot);
        }
        return stubs.computeIfAbsent(slot, s -> new Label());
    }

    void loadReg(int r) {
        mv.visitVarInsn(Opcodes.LLOAD, layout.reg(r));
    }

    void storeReg(int r) {
        mv.visitVarInsn(Opcodes.LSTORE, layout.reg(r));
    }

    /** Loads a register as an int (its low 32 bits). */
    void loadReg32(int r) {
        loadReg(r);
        mv.visitInsn(Opcodes.L2I);
    }

    void loadCtx() {
        mv.visitVarInsn(Opcodes.ALOAD, LocalLayout.CTX);
    }

    void loadDepth() {
        mv.visitVarInsn(Opcodes.ILOAD, layout.depth());
    }

    void loadMemory() {
        mv.visitVarInsn(Opcodes.ALOAD, layout.memory());
    }

    /** Records the instruction that is running, for the fault handler: {@code pc = slot - pcBase}. */
    void setPc(int slot) {
        pushInt(slot - pcBase);
        mv.visitVarInsn(Opcodes.ISTORE, layout.pc());
    }

    /** Loads the byte[] of a region hint, for reading or writing. */
    void loadRegion(RegionHint hint, boolean write) {
        int local;
        switch (hint) {
            case STACK:
            case STACK_CHECKED:
                local = layout.stack();
                break;
            case CONTEXT:
                local = write ? layout.ctxWrite() : layout.ctxRead();
                break;
            case ENTRY_R1:
            case ENTRY_R1_CHECKED:
                local = write ? layout.r1Write() : layout.r1Read();
                break;
            default:
                throw new AssertionError(hint);
        }
        mv.visitVarInsn(Opcodes.ALOAD, local);
    }

    /** Pushes an int by the shortest encoding the constant plan allows. */
    void pushInt(int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + v);
        } else if (v == (byte) v) {
            mv.visitIntInsn(Opcodes.BIPUSH, v);
        } else if (v == (short) v) {
            mv.visitIntInsn(Opcodes.SIPUSH, v);
        } else if (plan.constants().isPooled(v)) {
            mv.visitLdcInsn(v);
        } else {
            pushIntUnpooled(v);
        }
    }

    /** Pushes an int without the constant pool: {@code (hi << 16) | (lo & 0xffff)}, at most 11 bytes. */
    void pushIntUnpooled(int v) {
        if (v == (short) v) {
            pushInt(v);
            return;
        }
        pushInt(v >> 16);
        mv.visitIntInsn(Opcodes.BIPUSH, 16);
        mv.visitInsn(Opcodes.ISHL);
        pushInt((short) v);
        mv.visitInsn(Opcodes.I2C);
        mv.visitInsn(Opcodes.IOR);
    }

    /** Pushes a long by the shortest encoding the constant plan allows. */
    void pushLong(long v) {
        ConstantPlan constants = plan.constants();
        if (v == 0 || v == 1) {
            mv.visitInsn(Opcodes.LCONST_0 + (int) v);
        } else if (ConstantPlan.fitsShort(v)) {
            pushInt((int) v);
            mv.visitInsn(Opcodes.I2L);
        } else if (constants.isPooled(v)) {
            mv.visitLdcInsn(v);
        } else if (v == (int) v) {
            pushInt((int) v);
            mv.visitInsn(Opcodes.I2L);
        } else {
            pushInt((int) (v >>> 32));
            mv.visitInsn(Opcodes.I2L);
            mv.visitIntInsn(Opcodes.BIPUSH, 32);
            mv.visitInsn(Opcodes.LSHL);
            pushInt((int) v);
            Refs.TO_UNSIGNED_LONG.invoke(mv);
            mv.visitInsn(Opcodes.LOR);
        }
    }

    /** Zero-extends the int on the stack into a long. */
    void zeroExtend() {
        Refs.TO_UNSIGNED_LONG.invoke(mv);
    }

    /** Returns from the method with r0 as the function's result. */
    void exit() {
        if (layout.shape() == LocalLayout.Shape.FUNCTION) {
            loadReg(0);
            mv.visitInsn(Opcodes.LRETURN);
        } else {
            mv.visitVarInsn(Opcodes.ALOAD, layout.regs());
            mv.visitInsn(Opcodes.ICONST_0);
            loadReg(0);
            mv.visitInsn(Opcodes.LASTORE);
            mv.visitInsn(Opcodes.ICONST_M1);
            mv.visitInsn(Opcodes.IRETURN);
        }
    }

    /** Returns from the method with the long on the stack as the function's result. */
    void exitWithStackTop() {
        if (layout.shape() == LocalLayout.Shape.FUNCTION) {
            mv.visitInsn(Opcodes.LRETURN);
        } else {
            storeReg(0);
            exit();
        }
    }
}
