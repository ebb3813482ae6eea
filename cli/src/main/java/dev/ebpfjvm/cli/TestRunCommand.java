package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.testrun.Json;
import dev.ebpfjvm.core.testrun.TestCase;
import dev.ebpfjvm.core.testrun.TestRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code test-run OBJ.o --case CASE.json [--engine interpreter|jit] [--repeat N]}: the
 * equivalent of {@code BPF_PROG_TEST_RUN} through the kernel oracle. Loads the object, runs each
 * case of the file (one case, a list, or {@code {"cases": [...]}}) and prints the oracle's JSON:
 * one object, or an array for a list. {@code --repeat N} adds {@code duration_ns}, the mean of N
 * timed runs after N untimed ones. A bad case is an error on stderr and exit code 1. Per-CPU maps
 * have one value per available processor, as libbpf's possible CPUs on the machine the kernel
 * oracle runs on, so setup values written to every CPU sum alike; trace_printk lines go to stderr.
 */
final class TestRunCommand implements Command {
    @Override
    public String name() {
        return "test-run";
    }

    @Override
    public String usage() {
        return "test-run OBJ.o --case CASE.json [--engine NAME] [--repeat N]";
    }

    @Override
    public String summary() {
        return "run tc programs on test packets as BPF_PROG_TEST_RUN does";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, IOException {
        String object = null;
        String caseFile = null;
        String engine = "interpreter";
        int repeat = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--case") || a.equals("--engine") || a.equals("--repeat")) {
                if (++i == args.length) {
                    throw new UsageException(a + " needs a value");
                }
                if (a.equals("--case")) {
                    caseFile = args[i];
                } else if (a.equals("--engine")) {
                    engine = args[i];
                } else {
                    repeat = positive(args[i]);
                }
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option '" + a + "'");
            } else if (object == null) {
                object = a;
            } else {
                throw new UsageException("one object only, got '" + object + "' and '" + a + "'");
            }
        }
        if (object == null || caseFile == null) {
            throw new UsageException(object == null ? "missing OBJ.o" : "missing --case CASE.json");
        }
        ObjectSpec spec = ObjectReader.read(read(object));
        TestCase.CaseFile cases = TestCase.parseFile(new String(read(caseFile), StandardCharsets.UTF_8));
        Environment env = new Environment(System::nanoTime, System::nanoTime,
                new java.util.Random(Environment.DEFAULT_SEED), err::println, Runtime.getRuntime().availableProcessors());
        TestRunner runner = new TestRunner(spec, Engines.byName(engine), env);
        List<Object> results = new ArrayList<>();
        for (TestCase c : cases.cases()) {
            Map<String, Object> r = runner.run(c, repeat);
            results.add(r);
        }
        out.println(Json.write(cases.isList() ? results : results.get(0)));
        return 0;
    }

    private static byte[] read(String file) throws UsageException, IOException {
        Path p = Paths.get(file);
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        }
    }

    private static int positive(String s) throws UsageException {
        try {
            int n = Integer.parseInt(s);
            if (n < 1) {
                throw new UsageException("--repeat needs a positive count, got " + s);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--repeat needs a number, got '" + s + "'");
        }
    }
}
