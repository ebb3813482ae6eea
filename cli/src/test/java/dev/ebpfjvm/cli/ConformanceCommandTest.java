package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ebpf-jvm conformance} through {@link Main#run}, on the vendored suite (testdata/conformance). */
class ConformanceCommandTest {
    private final CliRun cli = new CliRun();

    private static Path suite() {
        return TestPaths.conformance();
    }

    @Test
    void conformance_wholeSuitePassesOnTheDefaultEngineTheJit() {
        assertEquals(0, cli.run("conformance", suite().toString()), cli.err());
        assertEquals(List.of("engine: jit", "313 passed, 0 failed"), cli.outLines());
    }

    @Test
    void conformance_wholeSuiteOnEveryEngine() {
        for (Engine engine : Engines.all()) {
            cli.reset();
            assertEquals(0, cli.run("conformance", suite().toString(), "--engine", engine.name()), engine.name());
            assertEquals(List.of("engine: " + engine.name(), "313 passed, 0 failed"), cli.outLines(), engine.name());
        }
    }

    @Test
    void conformance_negativeFilesFailAndExitOne() {
        assertEquals(1, cli.run("conformance", suite().resolve("negative").toString(), "--engine", "interpreter"));
        List<String> lines = cli.outLines();
        assertEquals("engine: interpreter", lines.get(0));
        assertEquals("0 passed, 60 failed", lines.get(lines.size() - 1));
        assertTrue(lines.contains(
                "FAIL incorrect_return_value_high_bits.data: expected r0 0x8977665544332211, got 0x8877665544332211"));
        assertTrue(lines.contains("ERROR empty.data: malformed test file: no result or error"), lines.toString());
        assertTrue(
                lines.contains("ERROR invalid_unknown_directive.data: malformed test file: unknown directive"
                        + " '-- Unknown directive'"),
                lines.toString());
    }

    @Test
    void conformance_folderWithoutTestsFails(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "-- asm\nexit\n-- result\n0\n");
        assertEquals(1, cli.run("conformance", dir.toString()));
        assertEquals("", cli.out());
        assertEquals(
                "ebpf-jvm conformance: " + dir + ": no conformance tests (*.data files) in this folder\n", cli.err());
    }

    @Test
    void conformance_malformedFileFailsAndSaysWhy(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.data"), "-- asm\nmov %r0, 1\nexit\n-- result\n0x1\n");
        Files.writeString(dir.resolve("typo.data"), "-- asm\nmov %r0, 1\nexit\n-- reslt\n0x1\n");
        Files.writeString(dir.resolve("noresult.data"), "-- asm\nmov %r0, 1\nexit\n");
        assertEquals(1, cli.run("conformance", dir.toString(), "--engine", "interpreter"));
        assertEquals(
                List.of(
                        "engine: interpreter",
                        "ERROR noresult.data: malformed test file: no result or error",
                        "ERROR typo.data: malformed test file: unknown directive '-- reslt'",
                        "1 passed, 2 failed"),
                cli.outLines());
    }

    @Test
    void conformance_notAFolderFails(@TempDir Path dir) throws IOException {
        assertEquals(1, cli.run("conformance", dir.resolve("none").toString()));
        assertEquals("ebpf-jvm conformance: " + dir.resolve("none") + ": no such directory\n", cli.err());
        cli.reset();
        Path file = Files.writeString(dir.resolve("a.data"), "x");
        assertEquals(1, cli.run("conformance", file.toString()));
        assertEquals("ebpf-jvm conformance: " + file + ": not a directory\n", cli.err());
    }

    @Test
    void conformance_badArgumentsAreUsageErrors() {
        assertEquals(2, cli.run("conformance"));
        assertEquals(2, cli.run("conformance", ".", "--fast"));
        assertEquals(2, cli.run("conformance", ".", "--engine"));
        assertEquals(2, cli.run("conformance", ".", "other"));
        assertTrue(cli.err().contains("Usage: ebpf-jvm conformance [-hV] [--engine=NAME] DIR"), cli.err());
    }

    @Test
    void conformance_unknownEngineIsAUsageErrorListingTheEngines() {
        assertEquals(2, cli.run("conformance", ".", "--engine", "quantum"));
        assertTrue(
                cli.err()
                        .startsWith("ebpf-jvm conformance: Invalid value for option '--engine': no engine named"
                                + " 'quantum' (engines: jit, interpreter)\n"),
                cli.err());
    }
}
