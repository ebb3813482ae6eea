package dev.ebpfjvm.bench.firstrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.bench.workload.Inputs;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The load → first-run programs have the size they claim, differ by seed, and run alike on both engines. */
class SyntheticProgramTest {
    @ParameterizedTest
    @ValueSource(ints = {25, 100, 1_000, 10_000})
    void generate_hasExactlyTheInstructions(int insns) {
        assertEquals(insns, FirstRunMain.program(insns, 1).insns().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 1_000, 10_000})
    void engines_agreeOnTheFirstRun(int insns) {
        byte[] buffer = Inputs.random(SyntheticProgram.BUFFER_SIZE);
        Set<Long> results = new HashSet<>();
        for (long seed = 0; seed < 3; seed++) {
            Program program = FirstRunMain.program(insns, seed);
            long interp = run("interpreter", program, buffer);
            assertEquals(interp, run("jit", program, buffer), "seed " + seed);
            results.add(interp);
        }
        assertEquals(3, results.size(), "three seeds, three results: " + results);
    }

    @Test
    void generate_differsBySeed() {
        assertNotEquals(SyntheticProgram.generate(100, 1), SyntheticProgram.generate(100, 2));
        assertEquals(SyntheticProgram.generate(100, 1), SyntheticProgram.generate(100, 1));
    }

    @Test
    void generate_rejectsTooFewInstructions() {
        assertThrows(
                IllegalArgumentException.class, () -> SyntheticProgram.generate(SyntheticProgram.MIN_INSNS - 1, 0));
    }

    private static long run(String engine, Program program, byte[] buffer) {
        try (Executable e = Engines.byName(engine).load(program)) {
            return e.run(new ProgramContext().withBuffer(buffer.clone()));
        }
    }
}
