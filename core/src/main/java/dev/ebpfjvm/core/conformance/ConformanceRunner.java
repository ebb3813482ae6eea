package dev.ebpfjvm.core.conformance;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.conformance.ConformanceResult.Status;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.Instructions;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs conformance tests on an {@link Engine} with the calling convention of the suite's runner
 * (bpf_conformance_runner and its uBPF plugin): r1 points at a private copy of the test's memory
 * and r2 holds its length (r1 = r2 = 0 without memory), r10 at a 512-byte stack frame, and r0 at
 * the final exit is compared, all 64 bits, with the expected result.
 *
 * <p>A test that expects an error passes only when the program is rejected or faults with exactly
 * that message (trailing blanks ignored). Every run is bounded twice, so that a broken engine cannot
 * hang the suite: by an instruction budget ({@link ProgramContext#setBudget}, which both engines
 * count at function entries and loop heads), and by a wall-clock timeout for engines that do not
 * count (the runaway thread is a daemon and is abandoned).
 */
public final class ConformanceRunner {
    /** Budget points (function entries, loop iterations) one test may pass; the suite's tests pass a few at most. */
    public static final long DEFAULT_BUDGET = 1_000_000;
    /** Wall-clock limit of one test, far above what any test takes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The helpers the suite calls: only id 5, which uBPF's plugin registers as {@code unwind} and
     * which returns its first argument ({@code call_unwind_fail.data} and {@code callx.data} pass
     * r1 = -1 and need a non-zero return). uBPF also stops the program when unwind returns 0; no test
     * depends on that, and the {@link dev.ebpfjvm.core.exec.Helper} contract has no way to say it,
     * so this helper only returns r1. uBPF's helpers 0–4 are used by no test and not registered.
     */
    public static final HelperRegistry HELPERS = HelperRegistry.builder()
            .add(5, "unwind", (ctx, r1, r2, r3, r4, r5) -> r1)
            .build();

    private final Engine engine;
    private final long budget;
    private final Duration timeout;

    /** A runner with the default budget and timeout. */
    public ConformanceRunner(Engine engine) {
        this(engine, DEFAULT_BUDGET, DEFAULT_TIMEOUT);
    }

    /**
     * @param budget the instructions one test may execute
     * @param timeout the wall-clock time one test may take
     */
    public ConformanceRunner(Engine engine, long budget, Duration timeout) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.budget = budget;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** {@return the results of every {@code *.data} file directly in a directory, by file name} */
    public ConformanceReport runDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".data") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        List<ConformanceResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(run(file));
        }
        return new ConformanceReport(results);
    }

    /** {@return the result of one test file; a file that does not read is an error} */
    public ConformanceResult run(Path file) {
        ConformanceTest test;
        try {
            test = ConformanceReader.read(file);
        } catch (CharacterCodingException e) {
            return malformed(file.getFileName().toString(), "not UTF-8 text");
        } catch (IOException | EbpfException e) {
            return result(
                    file.getFileName().toString(),
                    Status.ERROR,
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    "cannot read: " + e.getMessage());
        }
        return run(test);
    }

    /**
     * {@return the result of one test} A file the suite's own runner would skip (no result or
     * error, an unknown section, no instructions) is an error here: it tests nothing, and a typo in
     * a header must not pass unnoticed.
     */
    public ConformanceResult run(ConformanceTest test) {
        if (test.skipReason().isPresent()) {
            return malformed(test.name(), test.skipReason().get());
        }
        long r0;
        try {
            Instructions program = test.program();
            if (program.size() == 0) {
                return malformed(test.name(), "no instructions");
            }
            r0 = execute(test, program);
        } catch (EbpfException e) {
            return judgeFailure(test, e.getMessage());
        } catch (TimeoutException e) {
            return judgeFailure(test, "timed out after " + timeout.toMillis() + " ms");
        }
        return judgeReturn(test, r0);
    }

    private long execute(ConformanceTest test, Instructions program) throws TimeoutException {
        byte[] mem = test.mem();
        CompletableFuture<Long> run = CompletableFuture.supplyAsync(
                () -> {
                    try (Executable exe = engine.load(new Program(test.name(), program, HELPERS))) {
                        ProgramContext ctx = new ProgramContext().withBuffer(mem.length == 0 ? null : mem);
                        ctx.setBudget(budget);
                        return exe.run(ctx);
                    }
                },
                task -> {
                    Thread thread = new Thread(task, "conformance " + test.name());
                    thread.setDaemon(true);
                    thread.start();
                });
        try {
            return run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EbpfException) {
                throw (EbpfException) e.getCause();
            }
            throw new EngineBugException(e.getCause());
        }
    }

    private ConformanceResult judgeReturn(ConformanceTest test, long r0) {
        OptionalLong actual = OptionalLong.of(r0);
        if (test.expectedError().isPresent()) {
            return result(
                    test.name(),
                    Status.FAIL,
                    test.expectedResult(),
                    actual,
                    "expected error '" + test.expectedError().get() + "', but the program returned r0 "
                            + ConformanceResult.hex(r0));
        }
        boolean pass = test.expectedResult().getAsLong() == r0;
        return result(test.name(), pass ? Status.PASS : Status.FAIL, test.expectedResult(), actual, "");
    }

    private ConformanceResult judgeFailure(ConformanceTest test, String message) {
        String actual = message == null ? "" : message.stripTrailing();
        if (test.expectedError().isEmpty()) {
            return result(test.name(), Status.ERROR, test.expectedResult(), OptionalLong.empty(), actual);
        }
        boolean pass = test.expectedError().get().equals(actual);
        return result(
                test.name(),
                pass ? Status.PASS : Status.FAIL,
                test.expectedResult(),
                OptionalLong.empty(),
                pass ? "" : "expected error '" + test.expectedError().get() + "', got '" + actual + "'");
    }

    private static ConformanceResult malformed(String name, String reason) {
        return result(name, Status.ERROR, OptionalLong.empty(), OptionalLong.empty(), "malformed test file: " + reason);
    }

    private static ConformanceResult result(
            String name, Status status, OptionalLong expected, OptionalLong actual, String message) {
        return new ConformanceResult(name, status, expected, actual, message);
    }

    /** A JDK exception that escaped an engine, against the {@link Executable} contract. */
    private static final class EngineBugException extends EbpfException {
        private static final long serialVersionUID = 1L;

        EngineBugException(Throwable cause) {
            super("engine bug: " + cause, cause);
        }
    }
}
