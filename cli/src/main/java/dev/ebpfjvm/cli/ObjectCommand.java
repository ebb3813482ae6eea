package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.elf.GlobalVariable;
import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.Pinning;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code object FILE.o}: lists what an object declares, as {@link ObjectReader} reads it — its
 * programs (section, name, type and attach type, instruction slots with linked subprograms, and
 * why ebpf-jvm does not run a program it does not support), its maps (name, type, key and value
 * size, max entries, flags, pinning, inner map, initial slots) and its global variables (name,
 * section, offset, size, BTF type). Exits 0, or 1 when the object does not parse.
 */
@Command(
        name = "object",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Lists the programs, maps and global variables of a BPF object, as the loader reads them.",
            "A program ebpf-jvm does not run (an xdp or kprobe section...) is listed with the reason."
        },
        footer = {"", "Exit codes: 0 listed, 1 the file is not a readable BPF object, 2 a usage error."})
final class ObjectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE.o", description = "a BPF object compiled by clang -target bpf")
    private Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectSpec object = Inputs.object(file);
        out.println("object " + file.getFileName() + ": license \"" + object.license() + "\""
                + (object.kernelVersion() != 0 ? String.format(", kernel version 0x%x", object.kernelVersion()) : "")
                + (object.btf() != null ? ", " + object.btf().typeCount() + " BTF types" : ", no BTF"));
        printPrograms(object, out);
        printMaps(object, out);
        printGlobals(object, out);
        return 0;
    }

    private static void printPrograms(ObjectSpec spec, PrintWriter out) {
        Table t = new Table("SECTION", "NAME", "TYPE", "ATTACH", "INSNS", "");
        for (ProgramSpec p : spec.programs()) {
            String slots = p.insns().slotCount() == p.ownSlots()
                    ? Integer.toString(p.ownSlots())
                    : p.ownSlots() + "+" + (p.insns().slotCount() - p.ownSlots()) + " ("
                            + (p.functions().size() - 1) + " subprograms)";
            t.row(
                    p.section(),
                    p.name(),
                    lower(p.type().name()),
                    lower(p.attachType().name()),
                    slots,
                    p.unsupportedReason().map(r -> "unsupported: " + r).orElse(""));
        }
        t.print(out, "programs");
    }

    private static void printMaps(ObjectSpec spec, PrintWriter out) {
        Table t = new Table("NAME", "TYPE", "KEY", "VALUE", "MAX_ENTRIES", "FLAGS", "");
        for (MapSpec m : spec.maps()) {
            t.row(
                    m.name(),
                    m.type().kernelName(),
                    Integer.toString(m.keySize()),
                    Integer.toString(m.valueSize()),
                    Integer.toUnsignedString(m.maxEntries()),
                    "0x" + Integer.toHexString(m.flags()),
                    notes(m));
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
            notes.add("inner " + in.type().kernelName() + " " + in.keySize() + "/" + in.valueSize() + "/"
                    + in.maxEntries());
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

    private static void printGlobals(ObjectSpec spec, PrintWriter out) {
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
