package dev.ebpfjvm.core.runtime;

import dev.ebpfjvm.core.maps.BpfMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map seen through codecs for its keys and values. Operations are the {@code bpf(2)} map commands
 * and fail as they do, with a {@link dev.ebpfjvm.core.maps.MapException} carrying the kernel's errno.
 *
 * @param <K> the key type
 * @param <V> the value type (of one CPU, for per-CPU maps)
 */
public final class TypedMap<K, V> {
    private final BpfMap map;
    private final Codec<K> keys;
    private final Codec<V> values;

    TypedMap(BpfMap map, Codec<K> keys, Codec<V> values) {
        if (keys.size() != map.keySize() || values.size() != map.valueSize()) {
            throw new IllegalArgumentException("map '" + map.name() + "' has " + map.keySize() + "-byte keys and "
                    + map.valueSize() + "-byte values; the codecs give " + keys.size() + " and " + values.size());
        }
        this.map = map;
        this.keys = keys;
        this.values = values;
    }

    /** {@return the map underneath} */
    public BpfMap raw() {
        return map;
    }

    /** {@return the value of a key, or empty when absent (for per-CPU maps: see {@link #lookupPerCpu})} */
    public Optional<V> lookup(K key) {
        requireShared("lookup");
        byte[] v = map.lookup(keys.encode(key));
        return v == null ? Optional.empty() : Optional.of(values.decode(v));
    }

    /** {@return every CPU's value of a key of a per-CPU map, CPU 0 first; empty when absent} */
    public List<V> lookupPerCpu(K key) {
        byte[][] all = map.lookupPerCpu(keys.encode(key));
        List<V> out = new ArrayList<>();
        if (all != null) {
            for (byte[] v : all) {
                out.add(values.decode(v));
            }
        }
        return out;
    }

    /** Creates or updates an element ({@code BPF_ANY}). */
    public void put(K key, V value) {
        put(key, value, BpfMap.ANY);
    }

    /** Creates or updates an element with {@code BPF_ANY}, {@code BPF_NOEXIST} or {@code BPF_EXIST}. */
    public void put(K key, V value, long flags) {
        requireShared("put");
        map.update(keys.encode(key), values.encode(value), flags);
    }

    /** {@return true when an element was deleted, false when there was none} */
    public boolean delete(K key) {
        return map.delete(keys.encode(key));
    }

    /** {@return every element in the map's iteration order (its {@code get_next_key} order)} */
    public Map<K, V> entries() {
        requireShared("entries");
        Map<K, V> out = new LinkedHashMap<>();
        for (byte[] key : map.keys()) {
            byte[] value = map.lookup(key);
            if (value != null) {
                out.put(keys.decode(key), values.decode(value));
            }
        }
        return out;
    }

    private void requireShared(String operation) {
        if (map.isPerCpu()) {
            throw new IllegalStateException(
                    "map '" + map.name() + "' is per-CPU: " + operation + " has one value per CPU, use lookupPerCpu");
        }
    }
}
