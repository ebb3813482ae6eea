package dev.ebpfjvm.core.maps;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The inner maps a map-in-map holds now, each with a reference, counted per map (one map may sit
 * in several slots), so that a program's {@link dev.ebpfjvm.core.memory.Reach} can ask whether a
 * map is reachable through this one.
 */
final class HeldMaps {
    private final ConcurrentHashMap<BpfMap, Integer> counts = new ConcurrentHashMap<>();

    /** {@return the map, with a new reference, now counted as held} */
    BpfMap hold(BpfMap map) {
        BpfMap held = map.retain();
        counts.merge(held, 1, Integer::sum);
        return held;
    }

    /** Drops one holding of a map and its reference. */
    void drop(BpfMap map) {
        counts.computeIfPresent(map, (m, n) -> n == 1 ? null : n - 1);
        map.close();
    }

    /** {@return true while the object is a map held at least once} */
    boolean holds(Object object) {
        return object instanceof BpfMap && counts.containsKey(object);
    }
}
