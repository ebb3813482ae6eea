package dev.ebpfjvm.bench.report;

import dev.ebpfjvm.bench.workload.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@link dev.ebpfjvm.bench.EngineBench}'s JMH CSV results into markdown: one table for the
 * micro programs beside their native timings (uBPF interpreter and JIT, Linux JIT) with the JIT's
 * ratio to each native JIT, and one for the other workloads. Scores read "mean ± 99.9% error" in
 * ns per run.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.ebpfjvm.bench.report.ResultTable results.csv testdata/bench/README.md
 * </pre>
 */
public final class ResultTable {
    private static final String BENCHMARK = "EngineBench.run";

    private ResultTable() {}

    /** Prints the tables; arguments: the CSV file, then optionally the native timings' README. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ResultTable RESULTS.csv [shared/bench/README.md]");
            System.exit(2);
        }
        Path readme = args.length > 1 ? Paths.get(args[1]) : null;
        List<NativeTiming> natives = readme != null && Files.isRegularFile(readme)
                ? NativeTiming.parse(Files.readString(readme))
                : List.of();
        System.out.print(format(JmhRow.parseCsv(Files.readString(Paths.get(args[0]))), natives));
    }

    /** {@return the markdown tables of EngineBench rows, micro programs with native timings first} */
    public static String format(List<JmhRow> rows, List<NativeTiming> natives) {
        Map<String, Map<String, JmhRow>> byProgram = byProgram(rows);
        Map<String, NativeTiming> nativeByName = new LinkedHashMap<>();
        natives.forEach(n -> nativeByName.put(n.program(), n));
        StringBuilder micro = new StringBuilder("| program | interpreter ns | JIT ns | interp/JIT | uBPF interp ns"
                + " | uBPF JIT ns | Linux JIT ns | JIT/uBPF JIT | JIT/Linux JIT |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder own = new StringBuilder(
                "| program | origin | interpreter ns | JIT ns | interp/JIT |\n" + "|---|---|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, JmhRow>> e : byProgram.entrySet()) {
            JmhRow interp = e.getValue().get("interpreter");
            JmhRow jit = e.getValue().get("jit");
            NativeTiming n = nativeByName.get(e.getKey());
            String common =
                    cell(interp) + " | " + cell(jit) + " | " + ratio(interp, jit == null ? Double.NaN : jit.nanos());
            if (n != null) {
                micro.append("| ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(common)
                        .append(" | ")
                        .append(ns(n.ubpfInterpreter()))
                        .append(" | ")
                        .append(ns(n.ubpfJit()))
                        .append(" | ")
                        .append(ns(n.linuxJit()))
                        .append(" | ")
                        .append(ratio(jit, n.ubpfJit()))
                        .append(" | ")
                        .append(ratio(jit, n.linuxJit()))
                        .append(" |\n");
            } else {
                own.append("| ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(origin(e.getKey()))
                        .append(" | ")
                        .append(common)
                        .append(" |\n");
            }
        }
        return micro + "\n" + own;
    }

    /** Program → engine → row, in the order of {@link Workloads#names()}, then unknown programs as they come. */
    private static Map<String, Map<String, JmhRow>> byProgram(List<JmhRow> rows) {
        Map<String, Map<String, JmhRow>> out = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(Workloads.names());
        rows.stream()
                .map(r -> r.params().get("program"))
                .filter(p -> p != null && !order.contains(p))
                .forEach(order::add);
        for (String program : order) {
            for (JmhRow r : rows) {
                if (r.benchmark().endsWith(BENCHMARK)
                        && program.equals(r.params().get("program"))) {
                    out.computeIfAbsent(program, k -> new LinkedHashMap<>())
                            .put(r.params().get("engine"), r);
                }
            }
        }
        return out;
    }

    private static String origin(String program) {
        return Workloads.names().contains(program) ? Workloads.byName(program).origin() : "?";
    }

    private static String cell(JmhRow row) {
        if (row == null) {
            return "—";
        }
        return Double.isNaN(row.error()) ? ns(row.nanos()) : ns(row.nanos()) + " ± " + ns(row.errorNanos());
    }

    /** {@return numerator / denominator as "12.3×"} */
    private static String ratio(JmhRow numerator, double denominator) {
        if (numerator == null || !(denominator > 0)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f×", numerator.nanos() / denominator);
    }

    private static String ns(double nanos) {
        return String.format(Locale.ROOT, nanos < 10 ? "%.1f" : "%,.0f", nanos);
    }
}
