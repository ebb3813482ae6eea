package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import java.util.Objects;

/**
 * The rule a map must satisfy to go into a map-in-map slot: bpf_map_meta_equal() in
 * kernel/bpf/map_in_map.c (same type, key size, value size and flags as the outer map's inner-map
 * template), plus array_map_meta_equal() in arraymap.c for arrays (the same max_entries, unless
 * the template has {@code BPF_F_INNER_MAP}).
 */
final class InnerMaps {
    private InnerMaps() {}

    /**
     * Checks that {@code inner} matches the outer map's template.
     *
     * @throws MapException EBADF for a closed map, EINVAL for a mismatch
     */
    static void check(BpfMap outer, BpfMap inner) {
        MapSpec template = outer.spec().innerMap();
        Objects.requireNonNull(inner, "inner map");
        if (inner.isClosed()) {
            throw outer.error("update", (int) Errno.EBADF.negative(), "inner map '" + inner.name() + "' is closed");
        }
        String mismatch = mismatch(template, inner);
        if (mismatch != null) {
            throw outer.error(
                    "update",
                    (int) Errno.EINVAL.negative(),
                    "inner map '" + inner.name() + "' does not match the template: " + mismatch);
        }
    }

    private static String mismatch(MapSpec template, BpfMap inner) {
        if (inner.type() != template.type()) {
            return "type " + inner.type().kernelName() + " is not "
                    + template.type().kernelName();
        }
        if (inner.keySize() != template.keySize() || inner.valueSize() != template.valueSize()) {
            return "key/value size " + inner.keySize() + "/" + inner.valueSize() + " is not " + template.keySize() + "/"
                    + template.valueSize();
        }
        if (inner.flags() != template.flags()) {
            return "flags 0x" + Integer.toHexString(inner.flags()) + " are not 0x"
                    + Integer.toHexString(template.flags());
        }
        boolean array = template.type() == MapType.ARRAY || template.type() == MapType.PERCPU_ARRAY;
        if (array && (template.flags() & MapSpec.F_INNER_MAP) == 0 && inner.maxEntries() != template.maxEntries()) {
            return "max_entries " + inner.maxEntries() + " is not " + template.maxEntries();
        }
        return null;
    }
}
