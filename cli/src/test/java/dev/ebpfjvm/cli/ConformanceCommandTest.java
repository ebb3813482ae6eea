package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code ebpf-jvm conformance} through {@link Main#run}, on ../shared/conformance when present. */
class ConformanceCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static Path suite() {
        Path dir = TestPaths.conformance().orElse(null);
        Assumptions.assumeTrue(dir != null, "../shared/conformance is absent");
        return dir;
    }

    @Test
    void conformance_wholeSuitePassesOnTheInterpreter() {
        assertEquals(0, run("conformance", suite().toString()), err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("313 passed, 0 failed"), outLines());
    }

    @Test
    void conformance_wholeSuiteOnEveryOtherEngine() {
        for (Engine engine : Engines.all()) {
            out.reset();
            assertEquals(0, run("conformance", suite().toString(), "--engine", engine.name()), engine.name());
            assertEquals("313 passed, 0 failed", outLines().get(outLines().size() - 1), engine.name());
        }
    }

    @Test
    void conformance_negativeFilesFailAndExitOne() {
        assertEquals(1, run("conformance", suite().resolve("negative").toString()));
        List<String> lines = outLines();
        assertEquals("0 passed, 12 failed, 48 skipped", lines.get(lines.size() - 1));
        assertTrue(lines.contains("FAIL incorrect_return_value_high_bits.data: expected r0 0x8977665544332211, got 0x8877665544332211"));
    }

    @Test
    void conformance_badArgumentsAreUsageErrors() {
        assertEquals(2, run("conformance"));
        assertEquals(2, run("conformance", "/no/such/dir"));
        assertEquals(2, run("conformance", ".", "--fast"));
        assertEquals(2, run("conformance", ".", "--engine"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: ebpf-jvm conformance DIR [--engine interpreter|jit]"));
    }

    @Test
    void conformance_unknownEngineFails() {
        assertEquals(1, run("conformance", suite().toString(), "--engine", "quantum"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no engine named 'quantum'"), err.toString(StandardCharsets.UTF_8));
    }
}
