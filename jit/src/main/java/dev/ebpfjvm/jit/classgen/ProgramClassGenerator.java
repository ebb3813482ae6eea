package dev.ebpfjvm.jit.classgen;

import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.jit.emit.ClassData;
import dev.ebpfjvm.jit.emit.ClassEnv;
import dev.ebpfjvm.jit.emit.DispatchEmitter;
import dev.ebpfjvm.jit.emit.MethodEmitter;
import dev.ebpfjvm.jit.emit.Signatures;
import dev.ebpfjvm.jit.plan.FunctionPlan;
import dev.ebpfjvm.jit.plan.MethodPlan;
import dev.ebpfjvm.jit.plan.ProgramPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Lays out the class of one program: a final class implementing {@link Executable} whose
 * {@code execute} calls the entry function's method, one method per function (or a driver,
 * dispatchers and chunks for a split one), and {@code program()} returning the program from the
 * class data.
 *
 * <pre>
 * final class BpfProgram implements Executable {
 *     public long execute(ProgramContext ctx, long r1, long r2, int frame) { return f0(ctx, r1, r2, 0, 0, 0, frame); }
 *     public Program program() { return (Program) ldc classData[0]; }
 *     private static long f0(...) ... private static long fN(...)
 * }
 * </pre>
 */
public final class ProgramClassGenerator {
    /** The internal name of every program class; hidden classes are told apart by the JVM's suffix. */
    static final String OWNER = Type.getInternalName(ProgramClassGenerator.class).replace("ProgramClassGenerator",
            "BpfProgram");

    private ProgramClassGenerator() {
    }

    /**
     * Generates the class of a planned program.
     *
     * @param check verify the class with ASM's {@code CheckClassAdapter} (slow; for tests)
     * @throws IllegalStateException when the check fails, which is a bug of the JIT
     */
    public static GeneratedClass generate(Program program, ProgramPlan plan, boolean check) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        ClassVisitor cv = check ? new CheckClassAdapter(cw, false) : cw;
        ClassData data = new ClassData();
        data.indexOf(program);
        boolean lineNumbers = plan.insns().slotCount() <= 0xffff;
        ClassEnv env = new ClassEnv(OWNER, data, program, lineNumbers);
        cv.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, OWNER, null,
                Type.getInternalName(Object.class), new String[] {Type.getInternalName(Executable.class)});
        cv.visitSource(program.name() + ".bpf", null);
        constructor(cv);
        programAccessor(cv, data, program);
        execute(cv);
        for (FunctionPlan f : plan.functions()) {
            if (!f.isSplit()) {
                MethodEmitter.emitFunction(cv, env, plan, f);
                continue;
            }
            DispatchEmitter.emit(cv, OWNER, f);
            for (MethodPlan chunk : f.chunks()) {
                MethodEmitter.emitChunk(cv, env, plan, f, chunk);
            }
        }
        cv.visitEnd();
        byte[] bytes;
        try {
            bytes = cw.toByteArray();
        } catch (MethodTooLargeException | ClassTooLargeException e) {
            throw new IllegalStateException("program '" + program.name() + "': " + e.getMessage(), e);
        }
        if (check) {
            verify(bytes);
        }
        return new GeneratedClass(bytes, data.values());
    }

    private static void constructor(ClassVisitor cv) {
        MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PUBLIC, "<init>", Type.getMethodDescriptor(Type.VOID_TYPE), null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, Type.getInternalName(Object.class), "<init>",
                Type.getMethodDescriptor(Type.VOID_TYPE), false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void programAccessor(ClassVisitor cv, ClassData data, Program program) {
        Method m = method("program");
        MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PUBLIC, m.getName(), Type.getMethodDescriptor(m), null, null);
        mv.visitCode();
        data.load(mv, program, Program.class);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void execute(ClassVisitor cv) {
        Method m = method("execute", ProgramContext.class, long.class, long.class, int.class);
        MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PUBLIC, m.getName(), Type.getMethodDescriptor(m), null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitVarInsn(Opcodes.LLOAD, 2);
        mv.visitVarInsn(Opcodes.LLOAD, 4);
        for (int i = 0; i < 3; i++) {
            mv.visitInsn(Opcodes.LCONST_0);
        }
        mv.visitVarInsn(Opcodes.ILOAD, 6);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, Signatures.function(0), Signatures.FUNCTION, false);
        mv.visitInsn(Opcodes.LRETURN);
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

    private static void verify(byte[] bytes) {
        StringWriter out = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), ProgramClassGenerator.class.getClassLoader(), false,
                new PrintWriter(out));
        if (out.getBuffer().length() > 0) {
            throw new IllegalStateException("generated class fails verification:\n" + out);
        }
    }
}
