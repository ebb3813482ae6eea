package dev.ebpfjvm.core.testrun;

import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.ProgArrayMap;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A map's contents as the kernel oracle's {@code dump_map()} prints them: type, sizes, the
 * entries sorted by key hex (arrays only with non-zero values; per-CPU maps with each CPU's value
 * and their lane-wise u64 sum; prog arrays as {@code prog:<name>}), and for global data sections
 * the section and its variables.
 */
final class MapDump {
    private static final HexFormat HEX = HexFormat.of();
    /** The map types the oracle names; others print as their number. */
    private static final int LAST_NAMED_TYPE = 13;
    private static final int ARRAY = 2;
    private static final int PERCPU_ARRAY = 6;

    private MapDump() {
    }

    /**
     * A global variable of a data section.
     *
     * @param name the variable
     * @param offset its offset in the section
     * @param size its size
     */
    record Var(String name, int offset, int size) {
    }

    /**
     * Dumps one map.
     *
     * @param section the global data section the map holds ({@code .bss}), or null for an ordinary map
     * @param vars the section's variables, sorted by name
     */
    static Map<String, Object> dump(BpfMap map, String section, List<Var> vars) {
        Map<String, Object> info = new LinkedHashMap<>();
        int type = map.type().id();
        info.put("type", type <= LAST_NAMED_TYPE ? map.type().kernelName() : String.valueOf(type));
        info.put("key_size", (long) map.keySize());
        info.put("value_size", (long) map.valueSize());
        info.put("max_entries", (long) map.maxEntries());
        if (section != null) {
            byte[] value = map.lookup(BpfMap.u32(0));
            byte[] whole = value == null ? new byte[map.valueSize()] : value;
            info.put("entries", List.of(entry(BpfMap.u32(0), HEX.formatHex(whole))));
            info.put("section", section);
            Map<String, Object> decoded = new LinkedHashMap<>();
            for (Var v : vars) {
                decoded.put(v.name(), HEX.formatHex(whole, v.offset(), v.offset() + v.size()));
            }
            info.put("vars", decoded);
            return info;
        }
        List<Map<String, Object>> entries = map instanceof ProgArrayMap ? progEntries((ProgArrayMap) map) : entries(map);
        if (type == ARRAY || type == PERCPU_ARRAY) {
            info.put("entries_note", "only entries with a non-zero value are listed");
            entries.removeIf(e -> isZero((String) e.get("value")));
        }
        entries.sort(Comparator.comparing(e -> (String) e.get("key")));
        info.put("entries", entries);
        return info;
    }

    private static Map<String, Object> entry(byte[] key, Object value) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("key", HEX.formatHex(key));
        e.put("value", value);
        return e;
    }

    private static List<Map<String, Object>> entries(BpfMap map) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (byte[] key : map.keys()) {
            if (!map.isPerCpu()) {
                byte[] value = map.lookup(key);
                if (value != null) {
                    out.add(entry(key, HEX.formatHex(value)));
                }
                continue;
            }
            byte[][] perCpu = map.lookupPerCpu(key);
            if (perCpu == null) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("key", HEX.formatHex(key));
            List<Object> lanes = new ArrayList<>();
            for (byte[] v : perCpu) {
                lanes.add(HEX.formatHex(v));
            }
            e.put("values_percpu", lanes);
            e.put("value", perCpuValue(perCpu, map.valueSize()));
            out.add(e);
        }
        return out;
    }

    /** The lane-wise u64 sum of every CPU's value, or (for sizes not a multiple of 8) the first non-zero one. */
    private static String perCpuValue(byte[][] perCpu, int valueSize) {
        if (valueSize % 8 != 0) {
            for (byte[] v : perCpu) {
                if (!isZero(HEX.formatHex(v))) {
                    return HEX.formatHex(v);
                }
            }
            return HEX.formatHex(perCpu[0]);
        }
        byte[] sum = new byte[valueSize];
        for (int lane = 0; lane < valueSize; lane += 8) {
            long s = 0;
            for (byte[] v : perCpu) {
                s += LittleEndian.getU64(v, lane);
            }
            LittleEndian.putU64(sum, lane, s);
        }
        return HEX.formatHex(sum);
    }

    private static List<Map<String, Object>> progEntries(ProgArrayMap map) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < map.maxEntries(); i++) {
            Executable e = map.get(i);
            if (e != null) {
                out.add(entry(BpfMap.u32(i), "prog:" + e.program().name()));
            }
        }
        return out;
    }

    private static boolean isZero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }
}
