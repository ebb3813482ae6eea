package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.testing.TestPaths;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ebpf-jvm conformance} through {@link Main#run}, on the vendored suite (testdata/conformance). */
class ConformanceCommandTest {
    private final CliRun cli = new CliRun();

    private static Path suite() {
        return TestPaths.conformance();
    }

    @Test
    void conformance_wholeSuitePassesOnTheInterpreter() {
        assertEquals(0, cli.run("conformance", suite().toString()), cli.err());
        assertEquals(List.of("313 passed, 0 failed"), cli.outLines());
    }

    @Test
    void conformance_wholeSuiteOnEveryOtherEngine() {
        for (Engine engine : Engines.all()) {
            cli.reset();
            assertEquals(0, cli.run("conformance", suite().toString(), "--engine", engine.name()), engine.name());
            assertEquals("313 passed, 0 failed", cli.outLines().get(cli.outLines().size() - 1), engine.name());
        }
    }

    @Test
    void conformance_negativeFilesFailAndExitOne() {
        assertEquals(1, cli.run("conformance", suite().resolve("negative").toString()));
        List<String> lines = cli.outLines();
        assertEquals("0 passed, 12 failed, 48 skipped", lines.get(lines.size() - 1));
        assertTrue(lines.contains("FAIL incorrect_return_value_high_bits.data: expected r0 0x8977665544332211, got 0x8877665544332211"));
    }

    @Test
    void conformance_badArgumentsAreUsageErrors() {
        assertEquals(2, cli.run("conformance"));
        assertEquals(2, cli.run("conformance", "/no/such/dir"));
        assertEquals(2, cli.run("conformance", ".", "--fast"));
        assertEquals(2, cli.run("conformance", ".", "--engine"));
        assertTrue(cli.err().contains("usage: ebpf-jvm conformance DIR [--engine interpreter|jit]"));
    }

    @Test
    void conformance_unknownEngineFails() {
        assertEquals(1, cli.run("conformance", suite().toString(), "--engine", "quantum"));
        assertTrue(cli.err().contains("no engine named 'quantum'"), cli.err());
    }
}
