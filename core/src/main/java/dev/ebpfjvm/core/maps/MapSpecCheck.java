package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.UnsupportedFeatureException;

/**
 * The checks {@code BPF_MAP_CREATE} makes before allocating a map, with the kernel's errno for each:
 * map_create() in kernel/bpf/syscall.c, then the type's {@code map_alloc_check} and
 * {@code map_alloc} (array_map_alloc_check(), fd_array_map_alloc_check() in arraymap.c;
 * htab_map_alloc_check(), htab_map_alloc() in hashtab.c; ringbuf_map_alloc() in ringbuf.c;
 * bpf_map_meta_alloc() in map_in_map.c). Recorded against Linux 6.18 in MapCreateKernelTest.
 */
final class MapSpecCheck {
    /** {@code BPF_F_ACCESS_MASK}. */
    private static final int ACCESS_MASK =
            MapSpec.F_RDONLY | MapSpec.F_WRONLY | MapSpec.F_RDONLY_PROG | MapSpec.F_WRONLY_PROG;
    /** {@code ARRAY_CREATE_FLAG_MASK}. */
    private static final int ARRAY_FLAGS =
            MapSpec.F_NUMA_NODE | MapSpec.F_MMAPABLE | ACCESS_MASK | MapSpec.F_PRESERVE_ELEMS | MapSpec.F_INNER_MAP;
    /** {@code HTAB_CREATE_FLAG_MASK}. */
    private static final int HASH_FLAGS =
            MapSpec.F_NO_PREALLOC | MapSpec.F_NO_COMMON_LRU | MapSpec.F_NUMA_NODE | ACCESS_MASK | MapSpec.F_ZERO_SEED;
    /** {@code PCPU_MIN_UNIT_SIZE}: the largest per-CPU value. */
    private static final int PCPU_MIN_UNIT_SIZE = 32 << 10;
    /** {@code KMALLOC_MAX_SIZE} on x86-64 (4 MiB) less {@code sizeof(struct htab_elem)} (48). */
    private static final long HTAB_MAX_KEY_AND_VALUE = (4L << 20) - 48;
    /** {@code RINGBUF_MAX_DATA_SZ} with 4 KiB pages: 2^24 pages less the 3 meta pages. */
    static final long RINGBUF_MAX_DATA_SZ = ((1L << 24) - 3) * 4096;

    private static final long U32_MAX = 0xffff_ffffL;
    /** {@code sizeof(struct bucket)} of kernel/bpf/hashtab.c on 64-bit: a list head and a lock, padded to 16. */
    private static final long BUCKET_SIZE = 16;

    private MapSpecCheck() {}

    /**
     * Checks a spec as the kernel would before creating the map.
     *
     * @throws MapException with the kernel's errno
     * @throws UnsupportedFeatureException for types ebpf-jvm does not implement
     */
    static void check(MapSpec spec, int cpus) {
        MapType type = spec.type();
        if (!type.isSupported()) {
            if (type == MapType.UNSPEC) {
                throw fail(spec, Errno.EINVAL, "map type unspec");
            }
            throw new UnsupportedFeatureException(
                    "map '" + spec.name() + "': map type " + type.kernelName() + " is not implemented");
        }
        int flags = spec.flags();
        if ((flags & MapSpec.F_RDONLY) != 0 && (flags & MapSpec.F_WRONLY) != 0) {
            throw fail(spec, Errno.EINVAL, "BPF_F_RDONLY and BPF_F_WRONLY together");
        }
        switch (type) {
            case ARRAY:
            case PERCPU_ARRAY:
                checkArray(spec);
                break;
            case PROG_ARRAY:
            case PERF_EVENT_ARRAY:
                checkFdArray(spec);
                break;
            case ARRAY_OF_MAPS:
                checkFdArray(spec);
                checkInner(spec, cpus);
                break;
            case HASH:
            case PERCPU_HASH:
            case LRU_HASH:
            case LRU_PERCPU_HASH:
                checkHash(spec);
                break;
            case HASH_OF_MAPS:
                require(spec, spec.valueSize() == 4, Errno.EINVAL, "value_size of a map-in-map must be 4");
                checkHash(spec);
                checkInner(spec, cpus);
                break;
            case RINGBUF:
                checkRingBuf(spec);
                break;
            default:
                throw new IllegalStateException("supported type without checks: " + type);
        }
    }

    /** array_map_alloc_check(). */
    private static void checkArray(MapSpec spec) {
        int flags = spec.flags();
        boolean percpu = spec.type() == MapType.PERCPU_ARRAY;
        require(spec, spec.maxEntries() != 0, Errno.EINVAL, "max_entries is 0");
        require(spec, spec.keySize() == 4, Errno.EINVAL, "key_size of an array must be 4");
        require(spec, spec.valueSize() != 0, Errno.EINVAL, "value_size is 0");
        require(
                spec,
                (flags & ~ARRAY_FLAGS) == 0,
                Errno.EINVAL,
                "flags 0x" + Integer.toHexString(flags) + " not allowed for arrays");
        checkAccessFlags(spec);
        require(spec, !(percpu && (flags & MapSpec.F_NUMA_NODE) != 0), Errno.EINVAL, "per-CPU map on a NUMA node");
        require(
                spec,
                spec.type() == MapType.ARRAY || (flags & (MapSpec.F_MMAPABLE | MapSpec.F_INNER_MAP)) == 0,
                Errno.EINVAL,
                "BPF_F_MMAPABLE and BPF_F_INNER_MAP are for plain arrays");
        require(
                spec,
                (flags & MapSpec.F_PRESERVE_ELEMS) == 0 || spec.type() == MapType.PERF_EVENT_ARRAY,
                Errno.EINVAL,
                "BPF_F_PRESERVE_ELEMS is for perf event arrays");
        require(spec, spec.valueSize() > 0, Errno.E2BIG, "value_size above INT_MAX");
        require(
                spec,
                !(percpu && roundUp8(spec.valueSize()) > PCPU_MIN_UNIT_SIZE),
                Errno.E2BIG,
                "per-CPU value above " + PCPU_MIN_UNIT_SIZE + " bytes");
    }

    /** fd_array_map_alloc_check(): prog arrays, perf event arrays and arrays of maps hold a 4-byte fd per slot. */
    private static void checkFdArray(MapSpec spec) {
        require(
                spec,
                spec.valueSize() == 4,
                Errno.EINVAL,
                "value_size of a " + spec.type().kernelName() + " must be 4");
        require(
                spec,
                (spec.flags() & (MapSpec.F_RDONLY_PROG | MapSpec.F_WRONLY_PROG)) == 0,
                Errno.EINVAL,
                "BPF_F_RDONLY_PROG/BPF_F_WRONLY_PROG on a " + spec.type().kernelName());
        checkArray(spec);
    }

    /** htab_map_alloc_check() and the size limits of htab_map_alloc(). */
    private static void checkHash(MapSpec spec) {
        int flags = spec.flags();
        MapType type = spec.type();
        boolean percpu = type.isPerCpu();
        boolean lru = type == MapType.LRU_HASH || type == MapType.LRU_PERCPU_HASH;
        boolean percpuLru = (flags & MapSpec.F_NO_COMMON_LRU) != 0;
        require(
                spec,
                (flags & ~HASH_FLAGS) == 0,
                Errno.EINVAL,
                "flags 0x" + Integer.toHexString(flags) + " not allowed for hash maps");
        checkAccessFlags(spec);
        require(spec, lru || !percpuLru, Errno.EINVAL, "BPF_F_NO_COMMON_LRU without an LRU map");
        require(spec, !lru || (flags & MapSpec.F_NO_PREALLOC) == 0, Errno.ENOTSUPP, "LRU maps are always preallocated");
        require(
                spec,
                !((percpu || percpuLru) && (flags & MapSpec.F_NUMA_NODE) != 0),
                Errno.EINVAL,
                "per-CPU map on a NUMA node");
        require(
                spec,
                spec.maxEntries() != 0 && spec.keySize() != 0 && spec.valueSize() != 0,
                Errno.EINVAL,
                "max_entries, key_size and value_size must not be 0");
        long keyAndValue = Integer.toUnsignedLong(spec.keySize()) + Integer.toUnsignedLong(spec.valueSize());
        require(spec, keyAndValue < HTAB_MAX_KEY_AND_VALUE, Errno.E2BIG, "key and value of " + keyAndValue + " bytes");
        require(
                spec,
                !(percpu && roundUp8(spec.valueSize()) > PCPU_MIN_UNIT_SIZE),
                Errno.E2BIG,
                "per-CPU value above " + PCPU_MIN_UNIT_SIZE + " bytes");
        long entries = Integer.toUnsignedLong(spec.maxEntries());
        require(spec, entries <= 1L << 31, Errno.E2BIG, "max_entries above 2^31");
        // htab_map_alloc(): n_buckets = roundup_pow_of_two(max_entries) must not pass U32_MAX / sizeof(struct bucket)
        long buckets = Long.highestOneBit(entries) == entries ? entries : Long.highestOneBit(entries) << 1;
        require(
                spec,
                buckets <= U32_MAX / BUCKET_SIZE,
                Errno.E2BIG,
                "max_entries " + entries + " needs " + buckets + " buckets, above U32_MAX / " + BUCKET_SIZE);
    }

    /** ringbuf_map_alloc(). */
    private static void checkRingBuf(MapSpec spec) {
        long size = Integer.toUnsignedLong(spec.maxEntries());
        require(spec, (spec.flags() & ~MapSpec.F_NUMA_NODE) == 0, Errno.EINVAL, "flags not allowed for a ring buffer");
        require(spec, spec.keySize() == 0 && spec.valueSize() == 0, Errno.EINVAL, "a ring buffer has no key or value");
        require(
                spec,
                size != 0 && (size & (size - 1)) == 0 && size % 4096 == 0,
                Errno.EINVAL,
                "max_entries must be a power of 2 and a multiple of the page size");
        require(spec, size <= RINGBUF_MAX_DATA_SZ, Errno.E2BIG, "ring buffer above " + RINGBUF_MAX_DATA_SZ + " bytes");
    }

    /** bpf_map_meta_alloc(): the inner-map template must exist, be a valid map, and not be map-in-map itself. */
    private static void checkInner(MapSpec spec, int cpus) {
        MapSpec inner = spec.innerMap();
        require(spec, inner != null, Errno.EINVAL, "map-in-map without an inner map template");
        require(spec, !inner.type().isMapInMap(), Errno.EINVAL, "map-in-map of map-in-map");
        require(spec, inner.type() != MapType.PROG_ARRAY, Errno.ENOTSUPP, "prog arrays cannot be inner maps");
        check(inner, cpus);
    }

    /** bpf_map_flags_access_ok(): programs cannot be both read-only and write-only. */
    private static void checkAccessFlags(MapSpec spec) {
        int both = MapSpec.F_RDONLY_PROG | MapSpec.F_WRONLY_PROG;
        require(spec, (spec.flags() & both) != both, Errno.EINVAL, "BPF_F_RDONLY_PROG and BPF_F_WRONLY_PROG together");
    }

    private static void require(MapSpec spec, boolean ok, Errno errno, String reason) {
        if (!ok) {
            throw fail(spec, errno, reason);
        }
    }

    private static MapException fail(MapSpec spec, Errno errno, String reason) {
        return new MapException(spec.name(), "create", errno, reason);
    }

    /** {@return a u32 size rounded up to a multiple of 8, as the kernel's {@code round_up()} on a u32, without int overflow} */
    private static long roundUp8(int unsignedSize) {
        return (Integer.toUnsignedLong(unsignedSize) + 7) & ~7L;
    }
}
