package dev.ebpfjvm.jit.emit;

import static dev.ebpfjvm.core.asm.Asm.call;
import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.callx;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.ldAbs;
import static dev.ebpfjvm.core.asm.Asm.ldInd;
import static dev.ebpfjvm.core.asm.Asm.lddwFunc;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.facts.MemoryFacts;
import dev.ebpfjvm.core.facts.RegionHint;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.testing.TestRegions;
import dev.ebpfjvm.jit.JitCompiler;
import dev.ebpfjvm.jit.JitOptions;
import dev.ebpfjvm.jit.plan.ConstantPlan;
import dev.ebpfjvm.jit.plan.FunctionPlan;
import dev.ebpfjvm.jit.plan.ProgramPlan;
import dev.ebpfjvm.jit.plan.SizeModel;
import dev.ebpfjvm.jit.testing.MethodSizes;
import dev.ebpfjvm.jit.testing.RandomPrograms;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.CodeSizeEvaluator;

/**
 * The size model is an upper bound: every instruction's code, in every memory path and layout,
 * and every method of programs cut with random budgets, stay within what the planner assumed.
 */
class SizeModelTest {
    private static final HelperRegistry HELPERS =
            HelperRegistry.builder().add(1, "one", (c, a, b, d, e, f) -> 1).build();

    /** Counts one-slot ldc, which CodeSizeEvaluator's minimum counts as 2 bytes although it may take 3. */
    private static final class LdcCounter extends MethodVisitor {
        int ldcs;

        LdcCounter(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (!(value instanceof Long) && !(value instanceof Double)) {
                ldcs++;
            }
            super.visitLdcInsn(value);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void instructionBytes_withinModel(boolean chunk) {
        long seed = Long.getLong("ebpfjvm.seed", 77);
        Random rnd = new Random(seed);
        InsnList asm = new RandomPrograms(rnd).program(3000, true);
        asm.add(
                        call(1),
                        call(12),
                        MOV.imm(8, 1),
                        callx(8),
                        callLocal("f"),
                        ldAbs(Size.W, 0x7fffffff),
                        ldInd(Size.H, 3, -100),
                        lddwFunc(2, "f"),
                        exit())
                .label("f")
                .add(MOV.imm(0, 0), exit());
        Instructions insns = asm.instructions();
        Program program = new Program("sizes", insns, HELPERS, TestRegions.reach());
        for (MemoryFacts facts : new MemoryFacts[] {
            null,
            MemoryFacts.NONE,
            slot -> RegionHint.CONTEXT,
            slot -> RegionHint.ENTRY_R1,
            slot -> RegionHint.STACK_CHECKED,
            slot -> RegionHint.ENTRY_R1_CHECKED
        }) {
            for (ConstantPlan constants : new ConstantPlan[] {ConstantPlan.poolAll(), ConstantPlan.poolNone()}) {
                ProgramPlan plan = ProgramPlan.of(insns, facts, 7500);
                plan = new ProgramPlan(insns, plan.functions(), plan.liveness(), plan.facts(), constants);
                check(program, plan, chunk, seed);
            }
        }
    }

    private static void check(Program program, ProgramPlan plan, boolean chunk, long seed) {
        SizeModel model = new SizeModel(plan.constants(), plan.facts());
        FunctionPlan f = plan.functions().get(0);
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, 0, "Owner", null, "java/lang/Object", null);
        MethodVisitor writer = cw.visitMethod(Opcodes.ACC_STATIC, "m", "()V", null, null);
        CodeSizeEvaluator sizes = new CodeSizeEvaluator(writer);
        LdcCounter counter = new LdcCounter(sizes);
        ClassEnv env = new ClassEnv("Owner", new ClassData(), program, false, new FunctionRegion());
        LocalLayout layout = new LocalLayout(
                chunk ? LocalLayout.Shape.CHUNK : LocalLayout.Shape.FUNCTION,
                new LocalLayout.Needs(true, true, true, true));
        int end = plan.insns().slotCount();
        EmitContext ctx = new EmitContext(counter, layout, env, plan, f, 0, chunk ? end - 1 : end);
        for (int slot = 0; slot < f.range().end(); slot++) {
            Insn insn = plan.insns().atSlot(slot);
            if (insn == null) {
                continue;
            }
            int before = sizes.getMinSize() + counter.ldcs;
            InsnEmitter.emit(ctx, insn, slot);
            int bytes = sizes.getMinSize() + counter.ldcs - before;
            int bound = model.bytes(insn, slot);
            int at = slot;
            assertTrue(
                    bytes <= bound, () -> "seed " + seed + " slot " + at + " " + insn + ": " + bytes + " > " + bound);
        }
    }

    /**
     * Random programs cut with random budgets: every function and chunk method's real size is within
     * its budget; dispatchers, whose size the fan-out bounds, stay under the 8000-byte limit.
     */
    @Test
    void methodBytes_withinBudget() {
        long seed = Long.getLong("ebpfjvm.seed", 78);
        Random rnd = new Random(seed);
        for (int i = 0; i < 12; i++) {
            int budget = 600 + rnd.nextInt(JitOptions.DEFAULT_MAX_METHOD_BYTES - 600);
            Program program = new RandomPrograms(rnd)
                    .program(1000 + rnd.nextInt(4000), rnd.nextBoolean())
                    .program("budget", HELPERS);
            byte[] bytes = new JitCompiler(JitOptions.defaults().withMaxMethodBytes(budget)).classBytes(program);
            for (Map.Entry<String, Integer> m : MethodSizes.of(bytes).entrySet()) {
                int limit = m.getKey().contains("_d") ? JitOptions.HUGE_METHOD_LIMIT : budget;
                assertTrue(m.getValue() <= limit, () -> "seed " + seed + " budget " + budget + ": " + m);
            }
        }
    }
}
