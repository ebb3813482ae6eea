package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.testing.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the tool in-process through {@link Main#run} and keeps what it printed, for the command tests. */
final class CliRun {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** {@return the exit code of {@code ebpf-jvm ARGS}} */
    int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** {@return what the runs so far printed on stdout} */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@return what the runs so far printed on stderr} */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** {@return stdout as lines} */
    List<String> outLines() {
        return out().lines().toList();
    }

    /** Forgets what was printed. */
    void reset() {
        out.reset();
        err.reset();
    }

    /** {@return the path of testdata/NAME.o} */
    static String fixture(String name) {
        return TestPaths.testdata().resolve(name + ".o").toString();
    }
}
