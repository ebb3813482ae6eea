package dev.ebpfjvm.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The native reference timings of one micro program, as testdata/bench/README.md tabulates them:
 * ns per run on uBPF's interpreter, uBPF's x86-64 JIT and the Linux kernel's JIT.
 *
 * @param program the program's name
 * @param insnsPerRun the instructions one run executes
 * @param ubpfInterpreter ns per run on uBPF's interpreter
 * @param ubpfJit ns per run on uBPF's x86-64 JIT
 * @param linuxJit ns per run on the Linux JIT (BPF_PROG_TEST_RUN's own duration)
 */
public record NativeTiming(String program, long insnsPerRun, double ubpfInterpreter, double ubpfJit, double linuxJit) {

    /**
     * {@return the timings of a markdown document's table} The table is the one whose header row
     * has a "program" column, an "insns" column, two "uBPF" columns (the one naming the
     * interpreter, the one naming the JIT) and a "Linux" column; other tables and rows whose
     * figures do not parse are skipped.
     */
    public static List<NativeTiming> parse(String markdown) {
        List<NativeTiming> out = new ArrayList<>();
        int[] columns = null;
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|")) {
                columns = null;
                continue;
            }
            List<String> cells = cells(line);
            if (columns == null) {
                columns = columnsOf(cells);
            } else if (!cells.get(0).startsWith("---")) {
                NativeTiming t = row(cells, columns);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** {@return the indexes of program, insns, uBPF interpreter, uBPF JIT and Linux, or null if a header lacks one} */
    private static int[] columnsOf(List<String> header) {
        int[] c = {-1, -1, -1, -1, -1};
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT);
            if (h.equals("program")) {
                c[0] = i;
            } else if (h.contains("insns")) {
                c[1] = i;
            } else if (h.contains("ubpf") && h.contains("interp")) {
                c[2] = i;
            } else if (h.contains("ubpf") && h.contains("jit")) {
                c[3] = i;
            } else if (h.contains("linux")) {
                c[4] = i;
            }
        }
        for (int i : c) {
            if (i < 0) {
                return null;
            }
        }
        return c;
    }

    private static NativeTiming row(List<String> cells, int[] c) {
        try {
            return new NativeTiming(
                    cells.get(c[0]).replace("`", ""),
                    (long) number(cells.get(c[1])),
                    number(cells.get(c[2])),
                    number(cells.get(c[3])),
                    number(cells.get(c[4])));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replace(",", ""));
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        String body = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        for (String cell : body.split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
