package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.Callback;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import java.lang.reflect.Method;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The members through which a program class implements {@link Executable}.
 *
 * <pre>
 * public BpfProgram() { super(); }
 * public long execute(ProgramContext ctx, long r1, long r2, int frame) {
 *     return f0(ctx, r1, r2, 0, 0, 0, RuntimeSupport.entryFrame(frame));
 * }
 * public Program program() { return PROGRAM; }                 // ldc of the class data
 * // only when the program takes function addresses (BPF_PSEUDO_FUNC), for Callback:
 * public void close() { FUNCTIONS.close(); }
 * public long call(ProgramContext ctx, int function, int frame, long r1..r5) {
 *     switch (function) { case slotOfF: return fN(ctx, r1..r5, frame); ... default: throw noFunction(function); }
 * }
 * </pre>
 */
public final class EntryEmitter {
    private EntryEmitter() {}

    /**
     * Emits the constructor, {@code execute}, {@code program} and, when the program takes function
     * addresses, {@code close} and {@link Callback#call}.
     *
     * @param callbacks the functions whose address the program takes, by index and start slot
     */
    public static void emit(ClassVisitor cv, ClassEnv env, Map<Integer, Integer> callbacks) {
        constructor(cv);
        execute(cv, env);
        program(cv, env);
        if (env.functions() != null) {
            close(cv, env);
            callback(cv, env, callbacks);
        }
    }

    private static void constructor(ClassVisitor cv) {
        String init = Type.getMethodDescriptor(Type.VOID_TYPE);
        MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PUBLIC, "<init>", init, null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, Type.getInternalName(Object.class), "<init>", init, false);
        mv.visitInsn(Opcodes.RETURN);
        end(mv);
    }

    private static void execute(ClassVisitor cv, ClassEnv env) {
        MethodVisitor mv = begin(cv, method("execute", ProgramContext.class, long.class, long.class, int.class));
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitVarInsn(Opcodes.LLOAD, 2);
        mv.visitVarInsn(Opcodes.LLOAD, 4);
        for (int i = 0; i < 3; i++) {
            mv.visitInsn(Opcodes.LCONST_0);
        }
        mv.visitVarInsn(Opcodes.ILOAD, 6);
        Refs.ENTRY_FRAME.invoke(mv);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, env.owner(), Signatures.function(0), Signatures.FUNCTION, false);
        mv.visitInsn(Opcodes.LRETURN);
        end(mv);
    }

    private static void program(ClassVisitor cv, ClassEnv env) {
        MethodVisitor mv = begin(cv, method("program"));
        env.data().load(mv, env.program(), Program.class);
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
    }

    private static void close(ClassVisitor cv, ClassEnv env) {
        MethodVisitor mv = begin(cv, method("close"));
        env.data().load(mv, env.functions(), FunctionRegion.class);
        Refs.FUNCTION_CLOSE.invoke(mv);
        mv.visitInsn(Opcodes.RETURN);
        end(mv);
    }

    private static void callback(ClassVisitor cv, ClassEnv env, Map<Integer, Integer> callbacks) {
        MethodVisitor mv;
        try {
            mv = begin(
                    cv,
                    Callback.class.getMethod(
                            "call",
                            ProgramContext.class,
                            int.class,
                            int.class,
                            long.class,
                            long.class,
                            long.class,
                            long.class,
                            long.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Callback.call is missing", e);
        }
        int[] keys = new int[callbacks.size()];
        Label[] labels = new Label[keys.length];
        int i = 0;
        for (int slot : callbacks.keySet()) {
            keys[i] = slot;
            labels[i++] = new Label();
        }
        Label none = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, 2);
        mv.visitLookupSwitchInsn(none, keys, labels);
        Object[] locals = {
            env.owner(),
            Type.getInternalName(ProgramContext.class),
            Opcodes.INTEGER,
            Opcodes.INTEGER,
            Opcodes.LONG,
            Opcodes.LONG,
            Opcodes.LONG,
            Opcodes.LONG,
            Opcodes.LONG
        };
        for (i = 0; i < keys.length; i++) {
            mv.visitLabel(labels[i]);
            frame(mv, i == 0, locals);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            for (int r = 0; r < 5; r++) {
                mv.visitVarInsn(Opcodes.LLOAD, 4 + 2 * r);
            }
            mv.visitVarInsn(Opcodes.ILOAD, 3);
            mv.visitMethodInsn(
                    Opcodes.INVOKESTATIC,
                    env.owner(),
                    Signatures.function(callbacks.get(keys[i])),
                    Signatures.FUNCTION,
                    false);
            mv.visitInsn(Opcodes.LRETURN);
        }
        mv.visitLabel(none);
        frame(mv, keys.length == 0, locals);
        mv.visitVarInsn(Opcodes.ILOAD, 2);
        Refs.NO_FUNCTION.invoke(mv);
        mv.visitInsn(Opcodes.ATHROW);
        end(mv);
    }

    /** Declares a full frame of the given locals, or the same frame as the previous one. */
    private static void frame(MethodVisitor mv, boolean full, Object[] locals) {
        if (full) {
            mv.visitFrame(Opcodes.F_FULL, locals.length, locals, 0, new Object[0]);
        } else {
            mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        }
    }

    private static MethodVisitor begin(ClassVisitor cv, Method m) {
        MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PUBLIC, m.getName(), Type.getMethodDescriptor(m), null, null);
        mv.visitCode();
        return mv;
    }

    private static void end(MethodVisitor mv) {
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static Method method(String name, Class<?>... params) {
        try {
            return Executable.class.getMethod(name, params);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Executable." + name + " is missing", e);
        }
    }
}
