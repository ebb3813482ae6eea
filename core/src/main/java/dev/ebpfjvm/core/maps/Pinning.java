package dev.ebpfjvm.core.maps;

/** How a map declares its pinning ({@code LIBBPF_PIN_*} in libbpf's bpf_helpers.h). */
public enum Pinning {
    /** {@code LIBBPF_PIN_NONE}: each loaded object gets its own map. */
    NONE,
    /** {@code LIBBPF_PIN_BY_NAME}: pinned under the map's name; objects that declare it share the map. */
    BY_NAME
}
