package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.elf.GlobalVariable;
import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.Pinning;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code object FILE.o}: lists what an object declares, as {@link ObjectReader} reads it — its
 * programs (section, name, type and attach type, instruction slots with linked subprograms, and
 * whether ebpf-jvm runs them), its maps (name, type, key and value size, max entries, flags,
 * pinning, inner map, initial slots) and its global variables (name, section, offset, size, BTF
 * type). Exits 0, or 1 when the object does not parse.
 */
final class ObjectCommand implements Command {
    @Override
    public String name() {
        return "object";
    }

    @Override
    public String usage() {
        return "object FILE.o";
    }

    @Override
    public String summary() {
        return "list the programs, maps and global variables of a BPF object";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, IOException {
        if (args.length != 1 || args[0].startsWith("-")) {
            throw new UsageException(args.length == 0 ? "missing FILE.o" : "one object file only");
        }
        Path file = Paths.get(args[0]);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("not a file: " + args[0]);
        }
        ObjectSpec spec = ObjectReader.read(file);
        out.println("object " + file.getFileName() + ": license \"" + spec.license() + "\""
                + (spec.kernelVersion() != 0 ? String.format(", kernel version 0x%x", spec.kernelVersion()) : "")
                + (spec.btf() != null ? ", " + spec.btf().typeCount() + " BTF types" : ", no BTF"));
        printPrograms(spec, out);
        printMaps(spec, out);
        printGlobals(spec, out);
        return 0;
    }

    private static void printPrograms(ObjectSpec spec, PrintStream out) {
        Table t = new Table("SECTION", "NAME", "TYPE", "ATTACH", "INSNS", "");
        for (ProgramSpec p : spec.programs()) {
            String slots = p.insns().slotCount() == p.ownSlots() ? Integer.toString(p.ownSlots())
                    : p.ownSlots() + "+" + (p.insns().slotCount() - p.ownSlots()) + " (" + (p.functions().size() - 1)
                    + " subprograms)";
            t.row(p.section(), p.name(), lower(p.type().name()), lower(p.attachType().name()), slots,
                    p.supported() ? "" : "unsupported");
        }
        t.print(out, "programs");
    }

    private static void printMaps(ObjectSpec spec, PrintStream out) {
        Table t = new Table("NAME", "TYPE", "KEY", "VALUE", "MAX_ENTRIES", "FLAGS", "");
        for (MapSpec m : spec.maps()) {
            t.row(m.name(), m.type().kernelName(), Integer.toString(m.keySize()), Integer.toString(m.valueSize()),
                    Integer.toUnsignedString(m.maxEntries()), "0x" + Integer.toHexString(m.flags()), notes(m));
        }
        t.print(out, "maps");
    }

    private static String notes(MapSpec m) {
        List<String> notes = new ArrayList<>();
        if (m.pinning() == Pinning.BY_NAME) {
            notes.add("pinned by name");
        }
        if (m.innerMap() != null) {
            MapSpec in = m.innerMap();
            notes.add("inner " + in.type().kernelName() + " " + in.keySize() + "/" + in.valueSize() + "/" + in.maxEntries());
        }
        List<String> slots = new ArrayList<>();
        for (MapSpec.Init init : m.contents()) {
            if (init.symbol() != null) {
                byte[] key = init.key();
                String k = key.length == 4 ? Long.toString(LittleEndian.getU32(key, 0)) : "?";
                slots.add(k + "=" + init.symbol());
            }
        }
        if (!slots.isEmpty()) {
            notes.add("slots " + String.join(" ", slots));
        }
        if (!m.type().isSupported()) {
            notes.add("unsupported");
        }
        return String.join(", ", notes);
    }

    private static void printGlobals(ObjectSpec spec, PrintStream out) {
        Table t = new Table("NAME", "SECTION", "OFFSET", "SIZE", "TYPE");
        for (GlobalVariable g : spec.globals()) {
            String type = spec.btf() != null && g.btfType() != 0 ? spec.btf().typeName(g.btfType()) : "";
            t.row(g.name(), g.section(), Integer.toString(g.offset()), Integer.toString(g.size()), type);
        }
        t.print(out, "globals");
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
