package dev.ebpfjvm.jit.classgen;

import dev.ebpfjvm.core.exec.Callback;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.jit.emit.ClassData;
import dev.ebpfjvm.jit.emit.ClassEnv;
import dev.ebpfjvm.jit.emit.DispatchEmitter;
import dev.ebpfjvm.jit.emit.EntryEmitter;
import dev.ebpfjvm.jit.emit.FunctionRegion;
import dev.ebpfjvm.jit.emit.MethodEmitter;
import dev.ebpfjvm.jit.plan.FunctionPlan;
import dev.ebpfjvm.jit.plan.MethodPlan;
import dev.ebpfjvm.jit.plan.ProgramPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Lays out the class of one program: a final class implementing {@link Executable}, and
 * {@link Callback} when the program takes function addresses ({@link EntryEmitter}), one method per function that fits the budget ({@code fN}), and for a
 * split function a driver, its dispatchers and its chunks ({@link DispatchEmitter}).
 *
 * <pre>
 * final class BpfProgram implements Executable {
 *     public long execute(...)      { return f0(...); }
 *     public Program program()      { return PROGRAM; }
 *     private static long f0(...)   // the entry function
 *     private static long f1(...)   // a callee, split: driver
 *     private static int f1_d0_0(...), f1_c0(...), f1_c1(...) ...
 * }
 * </pre>
 */
public final class ProgramClassGenerator {
    /** The internal name of every program class; hidden classes are told apart by the JVM's suffix. */
    static final String OWNER =
            Type.getInternalName(ProgramClassGenerator.class).replace("ProgramClassGenerator", "BpfProgram");

    private ProgramClassGenerator() {}

    /**
     * Generates the class of a planned program.
     *
     * @param check verify the class with ASM's {@code CheckClassAdapter} (slow; for tests)
     * @throws IllegalStateException when the check fails or the class exceeds a class-file limit,
     *     which is a bug of the JIT
     */
    public static GeneratedClass generate(Program program, ProgramPlan plan, boolean check) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        ClassVisitor cv = check ? new CheckClassAdapter(cw, false) : cw;
        ClassData data = new ClassData();
        data.indexOf(program);
        FunctionRegion functions = takesFunctionAddresses(program) ? new FunctionRegion() : null;
        ClassEnv env = new ClassEnv(OWNER, data, program, plan.insns().slotCount() <= 0xffff, functions);
        String[] interfaces = functions == null
                ? new String[] {Type.getInternalName(Executable.class)}
                : new String[] {Type.getInternalName(Executable.class), Type.getInternalName(Callback.class)};
        cv.visit(
                Opcodes.V17,
                Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
                OWNER,
                null,
                Type.getInternalName(Object.class),
                interfaces);
        cv.visitSource(program.name() + ".bpf", null);
        EntryEmitter.emit(cv, env, callbacks(program, plan));
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
        data.emitResolver(cv);
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
        return new GeneratedClass(bytes, data.values(), functions);
    }

    /** {@return the functions whose address the program takes: start slot → function index} */
    private static Map<Integer, Integer> callbacks(Program program, ProgramPlan plan) {
        Map<Integer, Integer> callbacks = new TreeMap<>();
        Instructions insns = program.insns();
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.list().get(i);
            if (insn.isWide() && insn.pseudoSrc() == PseudoSrc.FUNC) {
                int start = insns.slotOf(i) + 1 + insn.imm32();
                callbacks.put(start, plan.functionAt(start).range().index());
            }
        }
        return callbacks;
    }

    private static boolean takesFunctionAddresses(Program program) {
        for (Insn insn : program.insns().list()) {
            if (insn.isWide() && insn.pseudoSrc() == PseudoSrc.FUNC) {
                return true;
            }
        }
        return false;
    }

    private static void verify(byte[] bytes) {
        StringWriter out = new StringWriter();
        CheckClassAdapter.verify(
                new ClassReader(bytes), ProgramClassGenerator.class.getClassLoader(), false, new PrintWriter(out));
        if (out.getBuffer().length() > 0) {
            throw new IllegalStateException("generated class fails verification:\n" + out);
        }
    }
}
