package dev.ebpfjvm.core.maps;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The blueprint of a map, as an object file declares it: plain data that can be inspected and
 * changed before anything is created (cilium/ebpf's MapSpec). Global data sections
 * ({@code .data}, {@code .rodata}, {@code .bss}) are single-element ARRAY specs whose one
 * {@link Init} holds the section's bytes.
 *
 * @param name the map's name (the C variable, or the section name for global data)
 * @param type the map type
 * @param keySize key size in bytes
 * @param valueSize value size in bytes
 * @param maxEntries the capacity (for RINGBUF: the data size in bytes)
 * @param flags {@code map_flags} ({@code BPF_F_*})
 * @param pinning how the map is shared between objects
 * @param innerMap the template of inner maps, for the map-in-map types; else null
 * @param contents initial elements (prog array and map-in-map slots, global data); may be empty
 */
public record MapSpec(
        String name,
        MapType type,
        int keySize,
        int valueSize,
        int maxEntries,
        int flags,
        Pinning pinning,
        MapSpec innerMap,
        List<Init> contents) {

    /** {@code BPF_F_NO_PREALLOC}. */
    public static final int F_NO_PREALLOC = 1;
    /** {@code BPF_F_NO_COMMON_LRU}: an LRU hash keeps one LRU list per CPU instead of a common one. */
    public static final int F_NO_COMMON_LRU = 1 << 1;
    /** {@code BPF_F_NUMA_NODE}: accepted and ignored (ebpf-jvm has no NUMA nodes). */
    public static final int F_NUMA_NODE = 1 << 2;
    /** {@code BPF_F_RDONLY}: user space may not write the map. */
    public static final int F_RDONLY = 1 << 3;
    /** {@code BPF_F_WRONLY}: user space may not read the map. */
    public static final int F_WRONLY = 1 << 4;
    /** {@code BPF_F_ZERO_SEED}: hash with seed 0 (ebpf-jvm always does, see {@link HashMap}). */
    public static final int F_ZERO_SEED = 1 << 6;
    /** {@code BPF_F_RDONLY_PROG}: programs may not write the map (used for {@code .rodata}). */
    public static final int F_RDONLY_PROG = 1 << 7;
    /** {@code BPF_F_WRONLY_PROG}: programs may not read the map. */
    public static final int F_WRONLY_PROG = 1 << 8;
    /** {@code BPF_F_MMAPABLE}. */
    public static final int F_MMAPABLE = 1 << 10;
    /** {@code BPF_F_PRESERVE_ELEMS} (perf event arrays only). */
    public static final int F_PRESERVE_ELEMS = 1 << 11;
    /** {@code BPF_F_INNER_MAP}: an inner array map whose max_entries may differ from the template's. */
    public static final int F_INNER_MAP = 1 << 12;

    public MapSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pinning, "pinning");
        contents = List.copyOf(contents);
    }

    /** {@return a spec without pinning, inner map or initial contents} */
    public static MapSpec of(String name, MapType type, int keySize, int valueSize, int maxEntries, int flags) {
        return new MapSpec(name, type, keySize, valueSize, maxEntries, flags, Pinning.NONE, null, List.of());
    }

    /**
     * One initial element.
     *
     * @param key the key bytes
     * @param value the value bytes, or null when {@code symbol} names the value
     * @param symbol the program (prog array) or map (map-in-map) to put in the slot, or null
     */
    public record Init(byte[] key, byte[] value, String symbol) {
        public Init {
            Objects.requireNonNull(key, "key");
            key = key.clone();
            value = value == null ? null : value.clone();
            if ((value == null) == (symbol == null)) {
                throw new IllegalArgumentException("an initial element has a value or a symbol, not both");
            }
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public byte[] value() {
            return value == null ? null : value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Init
                    && Arrays.equals(((Init) o).key, key)
                    && Arrays.equals(((Init) o).value, value)
                    && Objects.equals(((Init) o).symbol, symbol);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(value), symbol);
        }
    }
}
