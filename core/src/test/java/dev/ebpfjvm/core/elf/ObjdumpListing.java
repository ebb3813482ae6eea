package dev.ebpfjvm.core.elf;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code llvm-objdump -dr} shows of an object: per code section, the instruction bytes and
 * the relocations (offset, type, symbol).
 */
final class ObjdumpListing {
    private static final Pattern SECTION = Pattern.compile("^Disassembly of section (.*):$");
    private static final Pattern INSN = Pattern.compile("^\\s+(\\d+):\\t((?:[0-9a-f]{2} ?)+)\\t?(.*)$");
    private static final Pattern RELOC = Pattern.compile("^\\t\\t([0-9a-f]{16}):  (R_BPF_\\w+)\\t(.*)$");

    /** One relocation as objdump prints it. */
    record Reloc(long offset, String type, String symbol) {}

    /** One code section: its bytes and its relocations. */
    static final class Section {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Reloc> relocs = new ArrayList<>();
        final List<String> text = new ArrayList<>();
    }

    final Map<String, Section> sections = new LinkedHashMap<>();

    static ObjdumpListing parse(String listing) {
        ObjdumpListing out = new ObjdumpListing();
        Section current = null;
        for (String line : listing.split("\n")) {
            Matcher m;
            if ((m = SECTION.matcher(line)).matches()) {
                current = new Section();
                out.sections.put(m.group(1), current);
            } else if (current != null && (m = INSN.matcher(line)).matches()) {
                for (String b : m.group(2).trim().split(" ")) {
                    current.bytes.write(Integer.parseInt(b, 16));
                }
                current.text.add(m.group(3));
            } else if (current != null && (m = RELOC.matcher(line)).matches()) {
                current.relocs.add(new Reloc(Long.parseLong(m.group(1), 16), m.group(2), m.group(3)));
            }
        }
        return out;
    }
}
