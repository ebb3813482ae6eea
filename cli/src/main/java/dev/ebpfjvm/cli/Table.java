package dev.ebpfjvm.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A text table whose columns are as wide as their widest cell, for listings. */
final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        this.header = header;
    }

    void row(String... cells) {
        rows.add(cells);
    }

    /** Prints "TITLE (N):" and, when there are rows, the header and the rows indented by two spaces. */
    void print(PrintWriter out, String title) {
        out.println(title + " (" + rows.size() + "):");
        if (rows.isEmpty()) {
            return;
        }
        int[] width = new int[header.length];
        for (String[] r : allRows()) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : allRows()) {
            StringBuilder sb = new StringBuilder(" ");
            for (int i = 0; i < r.length; i++) {
                sb.append(' ').append(r[i]).append(" ".repeat(i == r.length - 1 ? 0 : width[i] - r[i].length() + 1));
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private List<String[]> allRows() {
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
