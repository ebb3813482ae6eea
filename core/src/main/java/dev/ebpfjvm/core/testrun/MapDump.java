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
 *
 * <p>A dump holds at most {@link #MAX_DUMP_BYTES} bytes of keys and values: a map that holds more
 * (which the runtime's memory budget allows) is a {@link TestCaseException} naming it, not a heap
 * exhausted by its hex. Arrays are walked index by index and their zero values skipped before
 * anything is formatted, so a large, mostly empty array costs time, not memory.
 */
final class MapDump {
    private static final HexFormat HEX = HexFormat.of();
    /** The map types the oracle names; others print as their number. */
    private static final int LAST_NAMED_TYPE = 13;

    private static final int ARRAY = 2;
    private static final int PERCPU_ARRAY = 6;
    /** The most key and value bytes one map's dump may hold: 64 MiB (hex doubles it). */
    static final long MAX_DUMP_BYTES = 64L << 20;

    private MapDump() {}

    /**
     * A global variable of a data section.
     *
     * @param name the variable
     * @param offset its offset in the section
     * @param size its size
     */
    record Var(String name, int offset, int size) {}

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
            limit(map, map.valueSize());
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
        boolean array = type == ARRAY || type == PERCPU_ARRAY;
        List<Map<String, Object>> entries =
                map instanceof ProgArrayMap ? progEntries((ProgArrayMap) map) : entries(map, array);
        if (array) {
            info.put("entries_note", "only entries with a non-zero value are listed");
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

    /** Fails the dump when {@code bytes} more would pass {@link #MAX_DUMP_BYTES}. */
    private static void limit(BpfMap map, long bytes) {
        if (bytes > MAX_DUMP_BYTES) {
            throw new TestCaseException(
                    "map '" + map.name() + "': more than " + MAX_DUMP_BYTES + " bytes of keys and values to dump");
        }
    }

    private static List<Map<String, Object>> entries(BpfMap map, boolean array) {
        List<Map<String, Object>> out = new ArrayList<>();
        long dumped = 0;
        Iterable<byte[]> keys = array ? indices(map.maxEntries()) : map.keys();
        for (byte[] key : keys) {
            if (!map.isPerCpu()) {
                byte[] value = map.lookup(key);
                if (value != null && !(array && isZero(value))) {
                    dumped += key.length + value.length;
                    limit(map, dumped);
                    out.add(entry(key, HEX.formatHex(value)));
                }
                continue;
            }
            byte[][] perCpu = map.lookupPerCpu(key);
            if (perCpu == null || array && java.util.Arrays.stream(perCpu).allMatch(MapDump::isZero)) {
                continue;
            }
            dumped += key.length + (long) perCpu.length * (map.valueSize() + 8) + map.valueSize();
            limit(map, dumped);
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

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@return the u32 keys 0 to n − 1 (n unsigned), made one at a time} */
    private static Iterable<byte[]> indices(int n) {
        long count = Integer.toUnsignedLong(n);
        return () -> new java.util.Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public byte[] next() {
                if (next >= count) {
                    throw new java.util.NoSuchElementException();
                }
                return BpfMap.u32((int) next++);
            }
        };
    }
}
