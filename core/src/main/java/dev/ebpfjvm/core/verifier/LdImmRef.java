package dev.ebpfjvm.core.verifier;

import java.util.Objects;

/**
 * What one {@code lddw} loads, as the kernel sees it after resolve_pseudo_ldimm64(): a map
 * ({@code BPF_PSEUDO_MAP_FD}) or an address inside a map's value ({@code BPF_PSEUDO_MAP_VALUE},
 * global data). Callback addresses ({@code BPF_PSEUDO_FUNC}) need no entry: their instruction holds
 * the target.
 *
 * @param slot the slot of the lddw
 * @param kind map pointer or map value
 * @param map the map
 * @param offset for a map value, the byte offset into the value; else 0
 */
public record LdImmRef(int slot, Kind kind, MapRef map, int offset) {
    public LdImmRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(map, "map");
    }

    /** The two map references of lddw. */
    public enum Kind {
        /** {@code BPF_PSEUDO_MAP_FD}: the register becomes {@code CONST_PTR_TO_MAP}. */
        MAP_PTR,
        /** {@code BPF_PSEUDO_MAP_VALUE}: the register becomes {@code PTR_TO_MAP_VALUE} at the offset. */
        MAP_VALUE
    }
}
