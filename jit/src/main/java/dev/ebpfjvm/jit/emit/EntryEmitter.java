package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import java.lang.reflect.Method;
import org.objectweb.asm.ClassVisitor;
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
 * public void close() { FUNCTIONS.close(); }                   // only when the program has a function region
 * </pre>
 */
public final class EntryEmitter {
    private EntryEmitter() {
    }

    /** Emits the constructor, {@code execute}, {@code program} and, when needed, {@code close}. */
    public static void emit(ClassVisitor cv, ClassEnv env) {
        constructor(cv);
        execute(cv, env);
        program(cv, env);
        if (env.functions() != null) {
            close(cv, env);
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
