package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import java.util.Objects;

/**
 * What the verifier knows of a map an lddw refers to ({@code struct bpf_map} as the verifier reads
 * it): type, sizes, capacity, flags, the inner-map template of a map-in-map, and for a frozen
 * read-only map ({@code .rodata}) its bytes, whose values become known constants.
 *
 * @param name the map's name
 * @param type its type
 * @param keySize key size in bytes
 * @param valueSize value size in bytes
 * @param maxEntries capacity
 * @param flags {@code map_flags}
 * @param innerMap the inner-map template of a map-in-map, else null
 * @param frozen the value bytes of a frozen read-only single-element array, else null
 * @param spinLock the offset of the {@code struct bpf_spin_lock} in the value (from BTF), -1 when none
 */
public record MapRef(
        String name,
        MapType type,
        int keySize,
        int valueSize,
        int maxEntries,
        int flags,
        MapRef innerMap,
        byte[] frozen,
        int spinLock) {
    public MapRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        frozen = frozen == null ? null : frozen.clone();
    }

    /** {@return the verifier's view of a map spec (not frozen)} */
    public static MapRef of(MapSpec spec) {
        return new MapRef(
                spec.name(),
                spec.type(),
                spec.keySize(),
                spec.valueSize(),
                spec.maxEntries(),
                spec.flags(),
                spec.innerMap() == null ? null : of(spec.innerMap()),
                null,
                -1);
    }

    @Override
    public byte[] frozen() {
        return frozen == null ? null : frozen.clone();
    }

    /** {@return the frozen byte at an offset (no copy)} */
    int frozenByte(int offset) {
        return frozen[offset] & 0xff;
    }

    boolean isFrozen() {
        return frozen != null;
    }

    /** {@return true when programs may not write the map's values ({@code BPF_F_RDONLY_PROG})} */
    public boolean isReadOnlyForProgram() {
        return (flags & MapSpec.F_RDONLY_PROG) != 0;
    }

    // Identity semantics: two references to one map are the same map, as the kernel compares map pointers.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "map '" + name + "' (" + type.kernelName() + ", key " + keySize + ", value " + valueSize + ")";
    }
}
