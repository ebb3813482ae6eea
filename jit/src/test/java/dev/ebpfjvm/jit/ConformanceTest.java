package dev.ebpfjvm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.conformance.ConformanceResult;
import dev.ebpfjvm.core.conformance.ConformanceRunner;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.testing.TestPaths;
import dev.ebpfjvm.jit.testing.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * All 313 tests of the BPF conformance suite (testdata/conformance) on the JIT, through core's
 * {@link ConformanceRunner}, in two variants: whole methods with inferred memory facts, and every
 * instruction a chunk of its own.
 */
class ConformanceTest {
    @TestFactory
    Stream<DynamicContainer> suite_passesOnTheJit() throws IOException {
        Path dir = TestPaths.conformance();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".data")).sorted().toList();
        }
        assertEquals(313, files.size(), "the suite holds 313 tests");
        return Stream.of(Variant.INFERRED, Variant.CHUNKED)
                .map(variant -> DynamicContainer.dynamicContainer(
                        variant.name(),
                        files.stream()
                                .map(file -> DynamicTest.dynamicTest(
                                        file.getFileName().toString(), file.toUri(), () -> {
                                            ConformanceResult result = new ConformanceRunner(engine(variant)).run(file);
                                            assertEquals(
                                                    ConformanceResult.Status.PASS, result.status(), result.describe());
                                        }))));
    }

    private static Engine engine(Variant variant) {
        return new Engine() {
            @Override
            public String name() {
                return "jit-" + variant;
            }

            @Override
            public Executable load(Program program) {
                return variant.compile(program);
            }
        };
    }
}
