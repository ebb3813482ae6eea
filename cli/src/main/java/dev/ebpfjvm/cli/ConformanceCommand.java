package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.conformance.ConformanceReport;
import dev.ebpfjvm.core.conformance.ConformanceRunner;
import dev.ebpfjvm.core.exec.Engines;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@code conformance DIR [--engine interpreter|jit]}: runs every {@code *.data} test of the BPF
 * conformance suite in DIR on one engine (the interpreter by default), prints each test that did
 * not pass and then {@code N passed, M failed} (with {@code , K skipped} when files were skipped).
 * Exits 0 when every test passed, 1 otherwise.
 */
final class ConformanceCommand implements Command {
    @Override
    public String name() {
        return "conformance";
    }

    @Override
    public String usage() {
        return "conformance DIR [--engine interpreter|jit]";
    }

    @Override
    public String summary() {
        return "run the BPF conformance suite's tests in DIR";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, IOException {
        String dir = null;
        String engine = "interpreter";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--engine")) {
                if (++i == args.length) {
                    throw new UsageException("--engine needs a name");
                }
                engine = args[i];
            } else if (args[i].startsWith("-")) {
                throw new UsageException("unknown option '" + args[i] + "'");
            } else if (dir == null) {
                dir = args[i];
            } else {
                throw new UsageException("one directory only, got '" + dir + "' and '" + args[i] + "'");
            }
        }
        if (dir == null) {
            throw new UsageException("missing DIR");
        }
        Path path = Paths.get(dir);
        if (!Files.isDirectory(path)) {
            throw new UsageException("not a directory: " + dir);
        }
        ConformanceReport report = new ConformanceRunner(Engines.byName(engine)).runDirectory(path);
        report.print(out);
        return report.allPassed() ? 0 : 1;
    }
}
