package dev.ebpfjvm.core.elf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code llvm-readelf -S -s} shows of an object: the section headers and the symbol table. */
final class ReadelfListing {
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*(\\d+)\\] (.*)$");
    private static final Pattern SYMBOL =
            Pattern.compile("^\\s*(\\d+): ([0-9a-f]{16})\\s+(\\d+) (\\w+)\\s+(\\w+)\\s+(\\w+)\\s+(\\w+) ?(.*)$");

    /** A section header line. */
    record Section(
            int index,
            String name,
            String type,
            long offset,
            long size,
            long entrySize,
            String flags,
            int link,
            int info) {}

    /** A symbol line. */
    record Symbol(int index, long value, long size, String type, String bind, String vis, String ndx, String name) {}

    final List<Section> sections = new ArrayList<>();
    final List<Symbol> symbols = new ArrayList<>();

    static ReadelfListing parse(String listing) {
        ReadelfListing out = new ReadelfListing();
        for (String line : listing.split("\n")) {
            Matcher m;
            if ((m = SECTION.matcher(line)).matches()) {
                String[] t = m.group(2).trim().split("\\s+");
                int index = Integer.parseInt(m.group(1));
                if (index == 0) {
                    out.sections.add(new Section(0, "", "NULL", 0, 0, 0, "", 0, 0));
                    continue;
                }
                int n = t.length;
                out.sections.add(new Section(
                        index,
                        t[0],
                        t[1],
                        Long.parseLong(t[3], 16),
                        Long.parseLong(t[4], 16),
                        Long.parseLong(t[5], 16),
                        n == 10 ? t[6] : "",
                        Integer.parseInt(t[n - 3]),
                        Integer.parseInt(t[n - 2])));
            } else if ((m = SYMBOL.matcher(line)).matches()) {
                out.symbols.add(new Symbol(
                        Integer.parseInt(m.group(1)),
                        Long.parseLong(m.group(2), 16),
                        Long.parseLong(m.group(3)),
                        m.group(4),
                        m.group(5),
                        m.group(6),
                        m.group(7),
                        m.group(8)));
            }
        }
        return out;
    }
}
