package dev.ebpfjvm.core.btf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code .BTF.ext} section: function and line information per code section, keyed by the
 * section name ({@code tc}, {@code .text} …), with slots relative to the section's start.
 * Immutable.
 *
 * @param funcInfos function starts by section
 * @param lineInfos source lines by section
 */
public record BtfExt(Map<String, List<FuncInfo>> funcInfos, Map<String, List<LineInfo>> lineInfos) {
    /** An empty {@code .BTF.ext}, for objects without one. */
    public static final BtfExt EMPTY = new BtfExt(Map.of(), Map.of());

    public BtfExt {
        funcInfos = copy(funcInfos);
        lineInfos = copy(lineInfos);
    }

    private static <T> Map<String, List<T>> copy(Map<String, List<T>> byName) {
        Map<String, List<T>> out = new TreeMap<>();
        byName.forEach((name, list) -> out.put(name, List.copyOf(list)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** {@return the function infos of a section, empty when it has none} */
    public List<FuncInfo> funcInfos(String section) {
        return funcInfos.getOrDefault(section, List.of());
    }

    /** {@return the line infos of a section, empty when it has none} */
    public List<LineInfo> lineInfos(String section) {
        return lineInfos.getOrDefault(section, List.of());
    }
}
