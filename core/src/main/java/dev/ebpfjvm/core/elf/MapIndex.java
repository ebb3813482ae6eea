package dev.ebpfjvm.core.elf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The declared maps by where they are defined: section index, then byte offset. Lookups take
 * logarithmic time, so that a crafted file with many maps and many relocations cannot make
 * reading quadratic.
 */
final class MapIndex {
    private final Map<Integer, TreeMap<Long, Integer>> bySection = new HashMap<>();

    /** Indexes the maps of a list; a second definition at the same place is ignored. */
    MapIndex(List<DeclaredMap> maps) {
        for (int i = 0; i < maps.size(); i++) {
            DeclaredMap m = maps.get(i);
            bySection.computeIfAbsent(m.section(), k -> new TreeMap<>()).putIfAbsent(m.offset(), i);
        }
    }

    /** {@return the list index of the map defined exactly at an offset of a section} */
    Optional<Integer> at(int section, long offset) {
        TreeMap<Long, Integer> starts = bySection.get(section);
        return starts == null ? Optional.empty() : Optional.ofNullable(starts.get(offset));
    }

    /** {@return the list index of the map whose definition holds [offset, offset + length), or -1} */
    int covering(List<DeclaredMap> maps, int section, long offset, long length) {
        TreeMap<Long, Integer> starts = bySection.get(section);
        Map.Entry<Long, Integer> e = starts == null ? null : starts.floorEntry(offset);
        return e != null && maps.get(e.getValue()).covers(section, offset, length) ? e.getValue() : -1;
    }
}
