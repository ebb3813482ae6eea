package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.btf.BtfExt;
import dev.ebpfjvm.core.btf.FuncInfo;
import dev.ebpfjvm.core.btf.LineInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * The function and line infos of {@code .BTF.ext} by section and slot, so that linking a
 * function finds its records by range instead of scanning every record of its section.
 */
final class ExtIndex {
    private final Map<String, TreeMap<Integer, List<FuncInfo>>> funcs = new HashMap<>();
    private final Map<String, TreeMap<Integer, List<LineInfo>>> lines = new HashMap<>();

    ExtIndex(BtfExt ext) {
        ext.funcInfos().forEach((section, list) -> funcs.put(section, bySlot(list, FuncInfo::slot)));
        ext.lineInfos().forEach((section, list) -> lines.put(section, bySlot(list, LineInfo::slot)));
    }

    private static <T> TreeMap<Integer, List<T>> bySlot(List<T> list, ToIntFunction<T> slot) {
        TreeMap<Integer, List<T>> out = new TreeMap<>();
        list.forEach(x ->
                out.computeIfAbsent(slot.applyAsInt(x), k -> new ArrayList<>()).add(x));
        return out;
    }

    /** {@return the function infos of a section with slots in [from, to), in slot order} */
    List<FuncInfo> funcInfos(String section, int from, int to) {
        return range(funcs.get(section), from, to);
    }

    /** {@return the line infos of a section with slots in [from, to), in slot order} */
    List<LineInfo> lineInfos(String section, int from, int to) {
        return range(lines.get(section), from, to);
    }

    private static <T> List<T> range(TreeMap<Integer, List<T>> bySlot, int from, int to) {
        List<T> out = new ArrayList<>();
        if (bySlot != null) {
            bySlot.subMap(from, to).values().forEach(out::addAll);
        }
        return out;
    }
}
