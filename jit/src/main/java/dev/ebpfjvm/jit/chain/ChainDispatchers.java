package dev.ebpfjvm.jit.chain;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.V17;

import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.net.ChainCompiler;
import dev.ebpfjvm.core.net.ChainDispatcher;
import dev.ebpfjvm.core.net.ChainRun;
import dev.ebpfjvm.core.net.NetProgram;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.InstructionAdapter;

/**
 * Compiles a chain snapshot into a hidden class
 * <pre>
 * final class Dispatch implements ChainDispatcher {
 *     static final Executable P0 = classData[0], P1 = ...;
 *     public int run(ProgramContext ctx, ChainRun run) {
 *         run.enter(ctx, 0); int c = run.exit(0, P0.run(ctx)); if (c != -1) return c;
 *         run.enter(ctx, 1); ...
 *         return -1;
 *     }
 * }
 * </pre>
 * Each program is a {@code static final} constant with a call site of its own, so each call is
 * monomorphic and C2 inlines through it. The class is not {@code STRONG}: it unloads with its
 * snapshot.
 */
public final class ChainDispatchers implements ChainCompiler {
    /** The compiler; stateless. */
    public static final ChainDispatchers INSTANCE = new ChainDispatchers();

    private static final String NAME = "dev/ebpfjvm/jit/chain/Dispatch";
    private static final String EXE = Type.getDescriptor(Executable.class);
    private static final String RUN = Type.getInternalName(ChainRun.class);
    private static final String RUN_DESC =
            Type.getMethodDescriptor(Type.INT_TYPE, Type.getType(ProgramContext.class), Type.getType(ChainRun.class));

    /** The compiler, as {@link java.util.ServiceLoader} makes it; stateless, so {@link #INSTANCE} serves as well. */
    public ChainDispatchers() {}

    @Override
    public ChainDispatcher compile(NetProgram[] programs) {
        Object[] data = new Object[programs.length];
        for (int i = 0; i < programs.length; i++) {
            data[i] = programs[i].executable();
        }
        byte[] bytes = generate(programs.length);
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, data, true);
            return (ChainDispatcher) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define a chain dispatcher", e);
        }
    }

    /** {@return the class file of a dispatcher for {@code n} programs} */
    static byte[] generate(int n) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, "java/lang/Object", new String[] {
            Type.getInternalName(ChainDispatcher.class)
        });
        for (int i = 0; i < n; i++) {
            cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "P" + i, EXE, null, null)
                    .visitEnd();
        }
        InstructionAdapter init = new InstructionAdapter(cw.visitMethod(0, "<init>", "()V", null, null));
        init.visitCode();
        init.load(0, Type.getType(Object.class));
        init.invokespecial("java/lang/Object", "<init>", "()V", false);
        init.areturn(Type.VOID_TYPE);
        init.visitMaxs(0, 0);
        init.visitEnd();

        InstructionAdapter cl = new InstructionAdapter(cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null));
        cl.visitCode();
        cl.invokestatic("java/lang/invoke/MethodHandles", "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        cl.aconst("_");
        cl.aconst(Type.getType(Object[].class));
        cl.invokestatic(
                "java/lang/invoke/MethodHandles",
                "classData",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
                false);
        cl.checkcast(Type.getType(Object[].class));
        for (int i = 0; i < n; i++) {
            cl.dup();
            cl.iconst(i);
            cl.aload(Type.getType(Object.class));
            cl.checkcast(Type.getType(Executable.class));
            cl.putstatic(NAME, "P" + i, EXE);
        }
        cl.pop();
        cl.areturn(Type.VOID_TYPE);
        cl.visitMaxs(0, 0);
        cl.visitEnd();

        InstructionAdapter m =
                new InstructionAdapter(cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "run", RUN_DESC, null, null));
        m.visitCode();
        for (int i = 0; i < n; i++) {
            m.load(2, Type.getType(ChainRun.class));
            m.load(1, Type.getType(ProgramContext.class));
            m.iconst(i);
            m.invokevirtual(RUN, "enter", "(" + Type.getDescriptor(ProgramContext.class) + "I)V", false);
            m.load(2, Type.getType(ChainRun.class));
            m.iconst(i);
            m.getstatic(NAME, "P" + i, EXE);
            m.load(1, Type.getType(ProgramContext.class));
            m.invokeinterface(
                    Type.getInternalName(Executable.class),
                    "run",
                    "(" + Type.getDescriptor(ProgramContext.class) + ")J");
            m.invokevirtual(RUN, "exit", "(IJ)I", false);
            m.store(3, Type.INT_TYPE);
            m.load(3, Type.INT_TYPE);
            m.iconst(ChainDispatcher.TCX_NEXT);
            Label next = new Label();
            m.ificmpeq(next);
            m.load(3, Type.INT_TYPE);
            m.areturn(Type.INT_TYPE);
            m.mark(next);
        }
        m.iconst(ChainDispatcher.TCX_NEXT);
        m.areturn(Type.INT_TYPE);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
