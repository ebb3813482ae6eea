package dev.ebpfjvm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.conformance.ConformanceRunner;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.testing.TestPaths;
import dev.ebpfjvm.core.testing.TestRegions;
import dev.ebpfjvm.jit.testing.RunResult;
import dev.ebpfjvm.jit.testing.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The micro programs of testdata/bench (loops, calls, checksums, divisions) on the interpreter and
 * every JIT variant: the same r0, stack and buffer after a run on the buffer size each program's
 * header names.
 */
class FixtureTest {
    private static final Pattern MEM = Pattern.compile("mem: (\\d+) bytes");

    @TestFactory
    Stream<DynamicTest> benchPrograms_agreeWithTheInterpreter() throws IOException {
        Path dir = TestPaths.bench();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".asm")).sorted().toList();
        }
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String source = Files.readString(file);
                    Matcher m = MEM.matcher(source);
                    byte[] mem = new byte[m.find() ? Integer.parseInt(m.group(1)) : 64];
                    new Random(file.getFileName().toString().hashCode()).nextBytes(mem);
                    Program program = new Program(
                            file.getFileName().toString(),
                            Assembler.assemble(source),
                            ConformanceRunner.HELPERS,
                            TestRegions.reach());
                    RunResult expected =
                            RunResult.of(Engines.byName("interpreter").load(program), mem);
                    for (Variant v : Variant.values()) {
                        assertEquals(expected, RunResult.of(v.compile(program), mem), v.name());
                    }
                }));
    }
}
