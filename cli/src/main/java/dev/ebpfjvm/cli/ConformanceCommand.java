package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.conformance.ConformanceReport;
import dev.ebpfjvm.core.conformance.ConformanceRunner;
import dev.ebpfjvm.core.exec.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code conformance DIR [--engine NAME]}: runs every {@code *.data} test of the BPF conformance
 * suite in DIR on one engine, prints the engine, each test that did not pass and then
 * {@code N passed, M failed}. A file the suite's own runner would skip (no result, an unknown
 * section, no instructions) counts as failed; so does a folder without tests. Exits 0 when every
 * test passed, 1 otherwise.
 */
@Command(
        name = "conformance",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Runs the BPF conformance suite's tests (*.data files) in DIR on one engine.",
            "Prints the engine, each test that did not pass, then 'N passed, M failed'. A malformed"
                    + " test file fails, and so does a folder without tests."
        },
        footer = {"", "Exit codes: 0 every test passed, 1 a test failed or DIR has no tests, 2 a usage error."})
final class ConformanceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a folder of conformance tests (*.data), e.g. ../shared/conformance")
    private Path dir;

    @Mixin
    private EngineOption engine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Inputs.directory(dir);
        Engine e = engine.engine();
        ConformanceReport report;
        try {
            report = new ConformanceRunner(e).runDirectory(dir);
        } catch (IOException | UncheckedIOException ex) {
            throw new CliException(
                    dir + ": cannot list the folder (" + ex.getClass().getSimpleName() + ")", ex);
        }
        if (report.results().isEmpty()) {
            throw new CliException(dir + ": no conformance tests (*.data files) in this folder");
        }
        out.println("engine: " + e.name());
        for (var r : report.results()) {
            if (!r.passed()) {
                out.println(r.describe());
            }
        }
        out.println(report.summary());
        return report.allPassed() ? 0 : Main.FAILED;
    }
}
