package dev.ebpfjvm.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.jit.classgen.GeneratedClass;
import dev.ebpfjvm.jit.classgen.HiddenClasses;
import dev.ebpfjvm.jit.classgen.ProgramClassGenerator;
import dev.ebpfjvm.jit.plan.ProgramPlan;
import dev.ebpfjvm.jit.testing.MethodSizes;
import dev.ebpfjvm.jit.testing.RandomPrograms;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Programs of 10k, 100k and 1M instructions (the kernel's limit) load, run, and have no method
 * above HotSpot's 8000-byte limit; split with the default budget and with a much smaller one they
 * compute the same r0, stack and context.
 */
class LargeProgramTest {
    @ParameterizedTest(name = "{0} instructions, branches {1}")
    @CsvSource({"10000, false", "10000, true", "100000, true", "1000000, true"})
    void largeProgram_splitsUnderTheLimitAndRuns(int n, boolean branches) {
        long seed = Long.getLong("ebpfjvm.seed", 0x1a2b3c4dL + n);
        Program program = new RandomPrograms(new Random(seed)).program(n, branches).program("large" + n, RandomPrograms.HELPERS);
        GeneratedClass generated = ProgramClassGenerator.generate(program,
                ProgramPlan.of(program.insns(), null, JitOptions.DEFAULT_MAX_METHOD_BYTES), false);
        int largest = MethodSizes.largest(generated.bytes());
        int methods = MethodSizes.of(generated.bytes()).size();
        assertTrue(largest <= JitOptions.HUGE_METHOD_LIMIT, () -> "seed " + seed + ": largest method " + largest);
        assertTrue(methods > n / 1000, () -> "seed " + seed + ": only " + methods + " methods");
        Result whole = Result.of(HiddenClasses.define(generated));
        if (n <= 10_000) {
            Result small = Result.of(new JitCompiler(JitOptions.defaults().withMaxMethodBytes(1000)).compile(program));
            assertEquals(whole.r0, small.r0, "seed " + seed);
            assertArrayEquals(whole.stack, small.stack, "seed " + seed);
            assertArrayEquals(whole.context, small.context, "seed " + seed);
        }
    }

    /** r0 and memory after a run on a fresh context. */
    record Result(long r0, byte[] stack, byte[] context) {
        static Result of(Executable e) {
            byte[] context = new byte[RandomPrograms.CONTEXT_BYTES];
            Arrays.fill(context, (byte) 0x5a);
            ProgramContext ctx = new ProgramContext().withBuffer(context);
            long r0 = e.run(ctx);
            return new Result(r0, ctx.memory().stack().clone(), context);
        }
    }
}
