package dev.ebpfjvm.core.elf;

import java.util.ArrayList;
import java.util.List;

/**
 * What libbpf and the kernel made of an object, as {@code elf/generate.sh} recorded it from the
 * kernel oracle: programs with their sections, maps with type and sizes, prog-array slots, and
 * global variables with section, offset and size.
 */
final class LibbpfListing {
    record Prog(String name, String section) {}

    record Map(String name, String type, int keySize, int valueSize, int maxEntries) {}

    record Slot(String map, String keyHex, String program) {}

    record Global(String name, String section, int offset, int size) {}

    final List<Prog> progs = new ArrayList<>();
    final List<Map> maps = new ArrayList<>();
    final List<Slot> slots = new ArrayList<>();
    final List<Global> globals = new ArrayList<>();

    static LibbpfListing parse(String text) {
        LibbpfListing out = new LibbpfListing();
        for (String line : text.split("\n")) {
            String[] t = line.split(" ");
            switch (t[0]) {
                case "prog":
                    out.progs.add(new Prog(t[1], t[2]));
                    break;
                case "map":
                    out.maps.add(new Map(
                            t[1], t[2], Integer.parseInt(t[3]), Integer.parseInt(t[4]), Integer.parseInt(t[5])));
                    break;
                case "slot":
                    out.slots.add(new Slot(t[1], t[2], t[3]));
                    break;
                case "global":
                    out.globals.add(new Global(t[1], t[2], Integer.parseInt(t[3]), Integer.parseInt(t[4])));
                    break;
                default:
                    break;
            }
        }
        return out;
    }
}
