package dev.ebpfjvm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.jit.classgen.GeneratedClass;
import dev.ebpfjvm.jit.classgen.HiddenClasses;
import dev.ebpfjvm.jit.classgen.ProgramClassGenerator;
import dev.ebpfjvm.jit.plan.ProgramPlan;
import dev.ebpfjvm.jit.testing.MethodSizes;
import dev.ebpfjvm.jit.testing.RandomPrograms;
import dev.ebpfjvm.jit.testing.RunResult;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Programs of 10k, 100k and 1M instructions (the kernel's limit) load, run, and have no method
 * above HotSpot's 8000-byte limit; split with the default budget and with a much smaller one they
 * compute the same r0, stack and context as the interpreter (checked up to 10k instructions).
 */
class LargeProgramTest {
    @ParameterizedTest(name = "{0} instructions, branches {1}")
    @CsvSource({"10000, false", "10000, true", "100000, true", "1000000, true"})
    void largeProgram_splitsUnderTheLimitAndRuns(int n, boolean branches) {
        long seed = Long.getLong("ebpfjvm.seed", 0x1a2b3c4dL + n);
        Program program =
                new RandomPrograms(new Random(seed)).program(n, branches).program("large" + n, RandomPrograms.HELPERS);
        GeneratedClass generated = ProgramClassGenerator.generate(
                program, ProgramPlan.of(program.insns(), null, JitOptions.DEFAULT_MAX_METHOD_BYTES), false);
        int largest = MethodSizes.largest(generated.bytes());
        int methods = MethodSizes.of(generated.bytes()).size();
        assertTrue(largest <= JitOptions.HUGE_METHOD_LIMIT, () -> "seed " + seed + ": largest method " + largest);
        assertTrue(methods > n / 1000, () -> "seed " + seed + ": only " + methods + " methods");
        byte[] buffer = new byte[RandomPrograms.CONTEXT_BYTES];
        RunResult whole = RunResult.of(HiddenClasses.define(generated), buffer);
        if (n <= 10_000) {
            JitCompiler small = new JitCompiler(JitOptions.defaults().withMaxMethodBytes(1000));
            assertEquals(whole, RunResult.of(small.compile(program), buffer), "seed " + seed);
            assertEquals(whole, RunResult.of(Engines.byName("interpreter").load(program), buffer), "seed " + seed);
        }
    }
}
