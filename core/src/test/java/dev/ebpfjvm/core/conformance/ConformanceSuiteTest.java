package dev.ebpfjvm.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * All 313 tests of the BPF conformance suite (testdata/conformance) on every engine on core's
 * class path, one test per engine and file so that a failure names both. Every test must pass:
 * the suite exercises the whole ISA at v4 with the callx group.
 */
class ConformanceSuiteTest {

    @TestFactory
    Stream<DynamicContainer> suite_passesOnEveryEngine() throws IOException {
        Path dir = TestPaths.conformance();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".data")).sorted().toList();
        }
        assertEquals(313, files.size(), "the suite holds 313 tests");
        List<Engine> engines = Engines.all();
        assertFalse(engines.isEmpty(), "no engine on the class path");
        return engines.stream()
                .map(engine -> DynamicContainer.dynamicContainer(
                        engine.name(),
                        files.stream()
                                .map(file -> DynamicTest.dynamicTest(
                                        file.getFileName().toString(), file.toUri(), () -> {
                                            ConformanceResult result = new ConformanceRunner(engine).run(file);
                                            assertEquals(
                                                    ConformanceResult.Status.PASS, result.status(), result.describe());
                                        }))));
    }
}
