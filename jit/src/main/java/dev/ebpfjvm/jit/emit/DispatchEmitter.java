package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.jit.plan.FunctionPlan;
import java.util.function.IntFunction;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The driver and dispatchers of a split function. The driver holds the registers in a
 * {@code long[]} and loops: the dispatcher runs the chunk an entry code names, and the chunk
 * returns the next entry code, or -1 when the function exits with r0 in the array.
 *
 * <pre>
 * long fN(ctx, r1..r5, depth) {
 *     long[] regs = new long[12]; regs[1..5] = r1..r5; regs[10] = framePointer(depth); regs[11] = r1;
 *     int next = 0;
 *     do { next = fN_d0_0(ctx, regs, depth, next); } while (next &gt;= 0);
 *     return regs[0];
 * }
 * int fN_d0_K(ctx, regs, depth, next) { switch (next &gt;&gt;&gt; 16) { case c: return fN_cC(ctx, regs, depth, next); } }
 * </pre>
 *
 * A dispatcher has at most {@value #FANOUT} cases (about 3 KB); with more chunks a second level
 * switches on {@code next >>> 24} first, which covers the {@link FunctionPlan#MAX_CHUNKS} limit.
 */
public final class DispatchEmitter {
    /** The most cases of one dispatcher. */
    static final int FANOUT = 256;

    private static final String CTX = Type.getInternalName(ProgramContext.class);

    private DispatchEmitter() {}

    /** Emits the driver {@code fN} and the dispatchers of a split function. */
    public static void emit(ClassVisitor cv, String owner, FunctionPlan f) {
        int n = f.range().index();
        int chunks = f.chunks().size();
        String root;
        if (chunks <= FANOUT) {
            root = Signatures.dispatcher(n, 0, 0);
            dispatcher(cv, owner, root, 16, 0, chunks, i -> Signatures.chunk(n, i));
        } else {
            int groups = (chunks + FANOUT - 1) / FANOUT;
            for (int g = 0; g < groups; g++) {
                int lo = g * FANOUT;
                dispatcher(
                        cv,
                        owner,
                        Signatures.dispatcher(n, 0, g),
                        16,
                        lo,
                        Math.min(chunks, lo + FANOUT),
                        i -> Signatures.chunk(n, i));
            }
            root = Signatures.dispatcher(n, 1, 0);
            dispatcher(cv, owner, root, 24, 0, groups, g -> Signatures.dispatcher(n, 0, g));
        }
        driver(cv, owner, n, root);
    }

    private static void driver(ClassVisitor cv, String owner, int n, String root) {
        MethodVisitor mv = cv.visitMethod(
                Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, Signatures.function(n), Signatures.FUNCTION, null, null);
        mv.visitCode();
        final int depth = 11;
        final int regs = 12;
        final int next = 13;
        mv.visitIntInsn(Opcodes.BIPUSH, Signatures.REGS_LENGTH);
        mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_LONG);
        mv.visitVarInsn(Opcodes.ASTORE, regs);
        for (int r = 1; r <= 5; r++) {
            mv.visitVarInsn(Opcodes.ALOAD, regs);
            mv.visitInsn(Opcodes.ICONST_0 + r);
            mv.visitVarInsn(Opcodes.LLOAD, 2 * r - 1);
            mv.visitInsn(Opcodes.LASTORE);
        }
        mv.visitVarInsn(Opcodes.ALOAD, regs);
        mv.visitIntInsn(Opcodes.BIPUSH, 10);
        mv.visitVarInsn(Opcodes.ILOAD, depth);
        Refs.FRAME_POINTER.invoke(mv);
        mv.visitInsn(Opcodes.LASTORE);
        mv.visitVarInsn(Opcodes.ALOAD, regs);
        mv.visitIntInsn(Opcodes.BIPUSH, Signatures.ENTRY_R1);
        mv.visitVarInsn(Opcodes.LLOAD, 1);
        mv.visitInsn(Opcodes.LASTORE);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, next);
        Label loop = new Label();
        mv.visitLabel(loop);
        Object[] locals = {
            CTX,
            Opcodes.LONG,
            Opcodes.LONG,
            Opcodes.LONG,
            Opcodes.LONG,
            Opcodes.LONG,
            Opcodes.INTEGER,
            "[J",
            Opcodes.INTEGER
        };
        mv.visitFrame(Opcodes.F_FULL, locals.length, locals, 0, new Object[0]);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, regs);
        mv.visitVarInsn(Opcodes.ILOAD, depth);
        mv.visitVarInsn(Opcodes.ILOAD, next);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, root, Signatures.CHUNK, false);
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ISTORE, next);
        mv.visitJumpInsn(Opcodes.IFGE, loop);
        mv.visitVarInsn(Opcodes.ALOAD, regs);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInsn(Opcodes.LALOAD);
        mv.visitInsn(Opcodes.LRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Emits a dispatcher switching on {@code next >>> shift} over {@code [lo, hi)}, calling {@code callee(key)}. */
    private static void dispatcher(
            ClassVisitor cv, String owner, String name, int shift, int lo, int hi, IntFunction<String> callee) {
        MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, name, Signatures.CHUNK, null, null);
        mv.visitCode();
        Label[] cases = new Label[hi - lo];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = new Label();
        }
        Label fail = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, 3);
        mv.visitIntInsn(Opcodes.BIPUSH, shift);
        mv.visitInsn(Opcodes.IUSHR);
        mv.visitTableSwitchInsn(lo, hi - 1, fail, cases);
        Object[] locals = {CTX, "[J", Opcodes.INTEGER, Opcodes.INTEGER};
        for (int i = 0; i < cases.length; i++) {
            mv.visitLabel(cases[i]);
            if (i == 0) {
                mv.visitFrame(Opcodes.F_FULL, locals.length, locals, 0, new Object[0]);
            } else {
                mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            }
            for (int arg = 0; arg < 4; arg++) {
                mv.visitVarInsn(arg < 2 ? Opcodes.ALOAD : Opcodes.ILOAD, arg);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, callee.apply(lo + i), Signatures.CHUNK, false);
            mv.visitInsn(Opcodes.IRETURN);
        }
        mv.visitLabel(fail);
        mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        mv.visitTypeInsn(Opcodes.NEW, Type.getInternalName(IllegalStateException.class));
        mv.visitInsn(Opcodes.DUP);
        mv.visitMethodInsn(
                Opcodes.INVOKESPECIAL,
                Type.getInternalName(IllegalStateException.class),
                "<init>",
                Type.getMethodDescriptor(Type.VOID_TYPE),
                false);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
