package dev.ebpfjvm.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.conformance.ConformanceResult.Status;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's calling convention, judgement, limits and report, on the interpreter. */
class ConformanceRunnerTest {
    private final ConformanceRunner runner = new ConformanceRunner(Engines.byName("interpreter"));

    private ConformanceResult run(String... lines) {
        return runner.run(ConformanceReader.parse("t.data", String.join("\n", lines)));
    }

    @Test
    void run_passesOnTheExpectedFull64BitR0() {
        ConformanceResult r = run("-- asm", "lddw %r0, 0x8000000000000001", "exit", "-- result", "0x8000000000000001");
        assertEquals(Status.PASS, r.status());
        assertEquals(OptionalLong.of(0x8000000000000001L), r.actual());
    }

    @Test
    void run_failsNamingExpectedAndActual() {
        ConformanceResult r = run("-- asm", "mov %r0, 4", "exit", "-- result", "3");
        assertEquals(Status.FAIL, r.status());
        assertEquals("FAIL t.data: expected r0 0x3, got 0x4", r.describe());
    }

    @Test
    void run_givesR1ThePrivateMemoryAndR2ItsLength() {
        ConformanceTest test = ConformanceReader.parse(
                "t.data",
                String.join(
                        "\n",
                        "-- asm",
                        "stb [%r1], 9",
                        "ldxb %r0, [%r1]",
                        "lsh %r0, 8",
                        "add %r0, %r2",
                        "exit",
                        "-- mem",
                        "01 02 03",
                        "-- result",
                        "0x903"));
        assertEquals(Status.PASS, runner.run(test).status());
        assertEquals(1, test.mem()[0]);
        assertEquals(
                Status.PASS,
                run("-- asm", "mov %r0, %r1", "or %r0, %r2", "exit", "-- result", "0")
                        .status());
    }

    @Test
    void run_stackFrameAtR10() {
        assertEquals(
                Status.PASS,
                run("-- asm", "stdw [%r10-512], 7", "ldxdw %r0, [%r10-512]", "exit", "-- result", "7")
                        .status());
    }

    @Test
    void run_helperFiveReturnsItsFirstArgument() {
        assertEquals(
                Status.PASS,
                run("-- asm", "mov %r1, 77", "call 5", "exit", "-- result", "77")
                        .status());
        assertEquals(
                Status.PASS,
                run("-- asm", "mov %r1, 78", "mov %r2, 5", "call %r2", "exit", "-- result", "78")
                        .status());
    }

    @Test
    void run_programThatDoesNotAssembleIsAnError() {
        ConformanceResult r = run("-- asm", "frob %r0", "exit", "-- result", "0");
        assertEquals(Status.ERROR, r.status());
        assertEquals("ERROR t.data: line 2: invalid mnemonic 'frob' (expected r0 0x0)", r.describe());
    }

    @Test
    void run_expectedErrorMustMatchExactly() {
        assertEquals(
                Status.PASS,
                run("-- asm", "frob", "-- error", "line 2: invalid mnemonic 'frob'")
                        .status());
        ConformanceResult wrong = run("-- asm", "frob", "-- error", "Invalid");
        assertEquals(Status.FAIL, wrong.status());
        assertEquals("expected error 'Invalid', got 'line 2: invalid mnemonic 'frob''", wrong.message());
        ConformanceResult none = run("-- asm", "mov %r0, 1", "exit", "-- error", "Invalid");
        assertEquals(Status.FAIL, none.status());
        assertEquals("expected error 'Invalid', but the program returned r0 0x1", none.message());
    }

    @Test
    void run_budgetStopsAnEndlessLoop() {
        ConformanceRunner small = new ConformanceRunner(Engines.byName("interpreter"), 1_000, Duration.ofSeconds(30));
        ConformanceResult r = small.run(ConformanceReader.parse("loop.data", "-- asm\nl:\nja l\nexit\n-- result\n0"));
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("budget"), r.message());
    }

    @Test
    void run_timeoutStopsAnEngineThatHangs() {
        Engine hanging = new FaultyEngine(() -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return 0;
                }
            }
        });
        ConformanceResult r = new ConformanceRunner(hanging, 1_000, Duration.ofMillis(200))
                .run(ConformanceReader.parse("t.data", "-- asm\nexit\n-- result\n0"));
        assertEquals(Status.ERROR, r.status());
        assertEquals("timed out after 200 ms", r.message());
    }

    @Test
    void run_jdkExceptionFromAnEngineIsAnError() {
        Engine broken = new FaultyEngine(() -> {
            throw new IllegalStateException("oops");
        });
        ConformanceResult r =
                new ConformanceRunner(broken).run(ConformanceReader.parse("t.data", "-- asm\nexit\n-- result\n0"));
        assertEquals(Status.ERROR, r.status());
        assertEquals("engine bug: java.lang.IllegalStateException: oops", r.message());
    }

    @Test
    void runDirectory_runsDataFilesByNameAndSummarises(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b-fail.data"), "-- asm\nmov %r0, 2\nexit\n-- result\n1\n");
        Files.writeString(dir.resolve("a-pass.data"), "-- asm\nmov %r0, 1\nexit\n-- result\n1\n");
        Files.writeString(dir.resolve("c-no-result.data"), "-- asm\nexit\n");
        Files.writeString(dir.resolve("notes.txt"), "-- asm\nfrob\n-- result\n1\n");
        Files.createDirectory(dir.resolve("sub.data"));
        ConformanceReport report = runner.runDirectory(dir);
        assertEquals(
                List.of("a-pass.data", "b-fail.data", "c-no-result.data"),
                report.results().stream().map(ConformanceResult::name).toList());
        assertEquals("1 passed, 2 failed", report.summary());
        assertFalse(report.allPassed());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(
                "FAIL b-fail.data: expected r0 0x1, got 0x2\n"
                        + "ERROR c-no-result.data: malformed test file: no result or error\n"
                        + "1 passed, 2 failed\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_filesTheSuitesRunnerWouldSkipAreErrors(@TempDir Path dir) throws IOException {
        assertEquals(
                "ERROR t.data: malformed test file: unknown directive '-- reslt'",
                run("-- asm", "exit", "-- reslt", "0").describe());
        assertEquals(
                "ERROR t.data: malformed test file: no instructions",
                run("-- asm", "-- result", "0").describe());
        Path binary = dir.resolve("binary.data");
        Files.write(binary, new byte[] {'-', '-', ' ', 'a', 's', 'm', '\n', (byte) 0xff, (byte) 0xfe});
        assertEquals(
                "ERROR binary.data: malformed test file: not UTF-8 text",
                runner.run(binary).describe());
    }

    @Test
    void runDirectory_withoutTestsIsNotAPass(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), "no tests here");
        ConformanceReport report = runner.runDirectory(dir);
        assertEquals(List.of(), report.results());
        assertEquals("0 passed, 0 failed", report.summary());
        assertFalse(report.allPassed());
    }

    @Test
    void summary_omitsSkippedWhenNone() {
        ConformanceResult pass = new ConformanceResult("a", Status.PASS, OptionalLong.of(1), OptionalLong.of(1), "");
        ConformanceResult error =
                new ConformanceResult("b", Status.ERROR, OptionalLong.of(1), OptionalLong.empty(), "x");
        assertEquals("1 passed, 1 failed", new ConformanceReport(List.of(pass, error)).summary());
        assertTrue(new ConformanceReport(List.of(pass)).allPassed());
    }

    /** A deliberately broken engine, to show the runner's guards hold: its runs do what it is told. */
    private static final class FaultyEngine implements Engine {
        private final java.util.function.LongSupplier behaviour;

        FaultyEngine(java.util.function.LongSupplier behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public String name() {
            return "faulty";
        }

        @Override
        public Executable load(Program program) {
            return new Executable() {
                @Override
                public long execute(ProgramContext ctx, long r1, long r2, int frame) {
                    return behaviour.getAsLong();
                }

                @Override
                public Program program() {
                    return program;
                }
            };
        }
    }
}
