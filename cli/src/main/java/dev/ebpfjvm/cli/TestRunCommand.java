package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.testrun.TestCase;
import dev.ebpfjvm.core.testrun.TestRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code test-run OBJ.o --case CASE.json [--engine NAME] [--repeat N] [--budget N]}: the equivalent of
 * {@code BPF_PROG_TEST_RUN} through the kernel oracle. Loads the object, runs each case of the file
 * (one case, a list, or {@code {"cases": [...]}}) and prints the oracle's JSON: one object, or an
 * array for a list. {@code --repeat N} adds {@code duration_ns}, the mean of N timed runs after N
 * untimed ones. A bad case is one line on stderr and exit code 1; a kernel refusal
 * ({@code EINVAL} for a runt frame) is a result. Per-CPU maps have one value per available
 * processor, as libbpf's possible CPUs on the machine the kernel oracle runs on, so setup values
 * written to every CPU sum alike. {@code bpf_trace_printk} lines go to stderr as
 * {@code trace: LINE}, once per case whatever the repeat count. Each run has an instruction budget
 * ({@code --budget}, default 2^31 budget points: function entries and loop iterations), so that an
 * endless loop ends as a fault naming its instruction on either engine.
 */
@Command(
        name = "test-run",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Runs tc programs on test packets as BPF_PROG_TEST_RUN does, and prints the kernel"
                    + " oracle's JSON result (retval, data_out, ctx_out, every map).",
            "bpf_trace_printk lines go to stderr, prefixed 'trace: ', once per case."
        },
        footer = {
            "",
            "Exit codes: 0 every case ran (a kernel refusal such as EINVAL is a result), 1 a bad"
                    + " object or case, 2 a usage error."
        })
final class TestRunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "OBJ.o", description = "the BPF object whose programs run")
    private Path object;

    @Option(
            names = "--case",
            paramLabel = "CASE.json",
            required = true,
            description = "the cases, in the kernel oracle's format: one case, a list, or {\"cases\": [...]}")
    private Path caseFile;

    @Mixin
    private EngineOption engine;

    @Option(
            names = "--repeat",
            paramLabel = "N",
            description = "also time N runs after N warm-up runs (adds duration_ns)")
    private Integer repeat;

    @Option(
            names = "--budget",
            paramLabel = "N",
            description = "stop a run after N function entries and"
                    + " loop iterations (budget points) with a fault; default 2^31")
    private long budget = TestRunner.DEFAULT_BUDGET;

    @Option(
            names = "--unverified",
            description = "load the object without the verifier, to run programs the kernel"
                    + " would refuse (the budget stops one that never ends)")
    private boolean unverified;

    @Override
    public Integer call() {
        if (repeat != null && repeat < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--repeat needs a positive count, got " + repeat);
        }
        if (budget < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--budget needs a positive count, got " + budget);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectSpec objectSpec = Inputs.object(object);
        CaseFile cases = CaseFile.parse(caseFile.toString(), Inputs.text(caseFile, "a JSON case file"));
        Environment env = new Environment(
                System::nanoTime,
                System::nanoTime,
                new Random(Environment.DEFAULT_SEED),
                line -> err.println("trace: " + line),
                Runtime.getRuntime().availableProcessors());
        TestRunner runner = new TestRunner(objectSpec, new NamingEngine(engine.engine()), env, budget, !unverified);
        List<Object> results = new ArrayList<>();
        for (TestCase c : cases.cases()) {
            try {
                results.add(runner.run(c, repeat == null ? 0 : repeat));
            } catch (EbpfException | CliException e) {
                throw new CliException(object + ": " + e.getMessage(), e);
            }
        }
        out.println(ResultJson.write(cases.isList() ? results : results.get(0)));
        return 0;
    }
}
