package dev.ebpfjvm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmarked programs load and give the same results on both engines, run after run (no timing). */
class BenchProgramsTest {
    static List<String> programs() {
        List<String> all = new ArrayList<>(BenchPrograms.OWN);
        if (Files.isDirectory(Paths.get(System.getProperty("ebpfjvm.shared", "../shared")))) {
            all.addAll(BenchPrograms.SHARED);
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("programs")
    void program_sameResultOnBothEngines(String name) throws Exception {
        try (BenchProgram bench = BenchPrograms.load(name)) {
            long[] results = new long[4];
            int i = 0;
            for (String engine : new String[] {"interpreter", "jit"}) {
                Executable e = Engines.byName(engine).load(bench.program());
                ProgramContext ctx = bench.context();
                results[i++] = e.run(ctx);
                results[i++] = e.run(ctx);
            }
            assertEquals(results[0], results[2], name);
            assertEquals(results[1], results[3], name);
        }
    }

    @ParameterizedTest
    @MethodSource("programs")
    void ownPrograms_doTheirWork(String name) throws Exception {
        if (!BenchPrograms.OWN.contains(name)) {
            return;
        }
        try (BenchProgram bench = BenchPrograms.load(name)) {
            long r0 = Engines.byName("jit").load(bench.program()).run(bench.context());
            assertEquals(name.equals("packet_parser") ? 1 : 100, r0, "the parser finds the flow; the loop runs 100 times");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 1000, 10000})
    void syntheticPrograms_runTheSameOnBothEngines(int size) {
        Program p = SyntheticPrograms.of(size, 7);
        assertEquals(size, p.insns().size());
        long a = Engines.byName("interpreter").load(p).run(new ProgramContext());
        long b = Engines.byName("jit").load(p).run(new ProgramContext());
        assertEquals(a, b);
        assertNotEquals(SyntheticPrograms.of(size, 8).insns(), p.insns());
    }
}
