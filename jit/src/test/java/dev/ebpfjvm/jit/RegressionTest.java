package dev.ebpfjvm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ebpfjvm.core.conformance.ConformanceReader;
import dev.ebpfjvm.core.conformance.ConformanceTest;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.testing.TestRegions;
import dev.ebpfjvm.jit.testing.RandomPrograms;
import dev.ebpfjvm.jit.testing.Variant;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the programs {@link DifferentialFuzzTest} once found the engines disagreeing on, saved in
 * the conformance format ({@code regress/*.data}, with {@link RandomPrograms#HELPERS}): the
 * interpreter and every JIT variant must return the saved result.
 */
class RegressionTest {
    @TestFactory
    Stream<DynamicTest> savedMismatches_agreeWithTheInterpreter() throws IOException, URISyntaxException {
        Path dir = Paths.get(RegressionTest.class.getResource("regress").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".data")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no saved regressions in " + dir);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    ConformanceTest test = ConformanceReader.read(file);
                    Program program =
                            new Program(test.name(), test.program(), RandomPrograms.HELPERS, TestRegions.reach());
                    long expected = test.expectedResult().getAsLong();
                    assertEquals(expected, run(Engines.byName("interpreter").load(program), test.mem()), "interpreter");
                    for (Variant v : Variant.values()) {
                        assertEquals(expected, run(v.compile(program), test.mem()), v.name());
                    }
                }));
    }

    private static long run(Executable e, byte[] mem) {
        return e.run(new ProgramContext().withBuffer(mem.clone()));
    }
}
