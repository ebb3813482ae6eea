package dev.ebpfjvm.core.maps;

/** Map types with their ids of uapi {@code enum bpf_map_type}; the ones ebpf-jvm implements say so. */
public enum MapType {
    UNSPEC(0, false),
    HASH(1, true),
    ARRAY(2, true),
    PROG_ARRAY(3, true),
    PERF_EVENT_ARRAY(4, true),
    PERCPU_HASH(5, true),
    PERCPU_ARRAY(6, true),
    STACK_TRACE(7, false),
    CGROUP_ARRAY(8, false),
    LRU_HASH(9, true),
    LRU_PERCPU_HASH(10, true),
    LPM_TRIE(11, false),
    ARRAY_OF_MAPS(12, true),
    HASH_OF_MAPS(13, true),
    DEVMAP(14, false),
    SOCKMAP(15, false),
    CPUMAP(16, false),
    XSKMAP(17, false),
    SOCKHASH(18, false),
    CGROUP_STORAGE(19, false),
    REUSEPORT_SOCKARRAY(20, false),
    PERCPU_CGROUP_STORAGE(21, false),
    QUEUE(22, false),
    STACK(23, false),
    SK_STORAGE(24, false),
    DEVMAP_HASH(25, false),
    STRUCT_OPS(26, false),
    RINGBUF(27, true),
    INODE_STORAGE(28, false),
    TASK_STORAGE(29, false),
    BLOOM_FILTER(30, false),
    USER_RINGBUF(31, false),
    CGRP_STORAGE(32, false),
    ARENA(33, false);

    private final int id;
    private final boolean supported;

    MapType(int id, boolean supported) {
        this.id = id;
        this.supported = supported;
    }

    /** {@return the kernel's id of this type} */
    public int id() {
        return id;
    }

    /** {@return true when ebpf-jvm can create maps of this type} */
    public boolean isSupported() {
        return supported;
    }

    /** {@return the name bpftool prints: lower case, e.g. "lru_percpu_hash"} */
    public String kernelName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@return the type of a kernel id, or null when the id is unknown} */
    public static MapType ofId(int id) {
        for (MapType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        return null;
    }

    /** {@return true for the per-CPU types, whose user-space values hold one slot per CPU} */
    public boolean isPerCpu() {
        return this == PERCPU_HASH || this == PERCPU_ARRAY || this == LRU_PERCPU_HASH;
    }

    /** {@return true for the map-in-map types, whose values are inner maps} */
    public boolean isMapInMap() {
        return this == ARRAY_OF_MAPS || this == HASH_OF_MAPS;
    }
}
