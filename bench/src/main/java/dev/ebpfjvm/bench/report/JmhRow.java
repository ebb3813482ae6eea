package dev.ebpfjvm.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One result row of JMH's CSV output ({@code -rf csv}): the benchmark, its score and the 99.9%
 * error in the unit JMH reports, and the parameter values.
 *
 * @param benchmark the benchmark method's full name
 * @param score the mean
 * @param error the half-width of JMH's 99.9% confidence interval (NaN with too few samples)
 * @param unit e.g. {@code ns/op}
 * @param params parameter name → value ({@code engine}, {@code program})
 */
public record JmhRow(String benchmark, double score, double error, String unit, Map<String, String> params) {
    private static final String PARAM = "Param: ";

    public JmhRow {
        params = Map.copyOf(params);
    }

    /**
     * {@return the rows of a JMH CSV file}
     *
     * @throws IllegalArgumentException when the header lacks Benchmark, Score, Score Error or Unit
     */
    public static List<JmhRow> parseCsv(String csv) {
        String[] lines = csv.split("\r?\n");
        List<String> header = fields(lines[0]);
        int benchmark = column(header, "Benchmark");
        int score = column(header, "Score");
        int error = column(header, "Score Error (99.9%)");
        int unit = column(header, "Unit");
        List<JmhRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> f = fields(lines[i]);
            Map<String, String> params = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).startsWith(PARAM)) {
                    params.put(header.get(c).substring(PARAM.length()), f.get(c));
                }
            }
            rows.add(new JmhRow(
                    f.get(benchmark),
                    Double.parseDouble(f.get(score)),
                    Double.parseDouble(f.get(error)),
                    f.get(unit),
                    params));
        }
        return rows;
    }

    /** {@return the score in ns per operation} */
    public double nanos() {
        return score * nanosPer(unit);
    }

    /** {@return the error in ns per operation} */
    public double errorNanos() {
        return error * nanosPer(unit);
    }

    private static double nanosPer(String unit) {
        switch (unit) {
            case "ns/op":
                return 1;
            case "us/op":
                return 1e3;
            case "ms/op":
                return 1e6;
            case "s/op":
                return 1e9;
            default:
                throw new IllegalArgumentException("not a time per operation: " + unit);
        }
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("JMH CSV header has no '" + name + "' column: " + header);
        }
        return i;
    }

    /** Splits one CSV line, with JMH's quoting (double quotes, doubled inside). */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
