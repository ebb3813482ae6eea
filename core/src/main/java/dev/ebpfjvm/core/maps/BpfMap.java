package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A map, as the kernel's {@code struct bpf_map}: created from a {@link MapSpec} and validated as
 * the kernel's {@code map_alloc_check} ops do ({@link #create}), reached by programs through its
 * address and by user space through the byte-array API of the {@code bpf(2)} map commands
 * ({@link #lookup}, {@link #update}, {@link #delete}, {@link #nextKey}, {@link #freeze}).
 *
 * <p>Memory model (docs/ARCHITECTURE.md): the map registers a {@link RegionKind#MAP} region in
 * its runtime's {@link RegionTable} whose owner is the map, and {@link #address()} (what {@code lddw}
 * holds) points at its offset 0; the helpers resolve a map pointer back to the map through that
 * region. Values live in their own regions of plain {@code byte[]}: a program's value pointer is an
 * ordinary address into them, so engines load, store and run atomics on values directly.
 *
 * <p>Lifetime: a map starts with one reference; {@link #retain()} adds one (a pin, an outer map, a
 * second object sharing a pinned map) and {@link #close()} drops one. The last close releases the
 * regions; the map then refuses every operation with {@code EBADF}.
 */
public abstract sealed class BpfMap extends MapAccess implements AutoCloseable
        permits ArrayMap, HashMap, LruHashMap, FdArrayMap, RingBufMap, HashOfMapsMap {

    /** Which class implements a map: one constant per class of this sealed family. */
    public enum Kind {
        /** {@link ArrayMap}: ARRAY, PERCPU_ARRAY. */
        ARRAY,
        /** {@link HashMap}: HASH, PERCPU_HASH. */
        HASH,
        /** {@link LruHashMap}: LRU_HASH, LRU_PERCPU_HASH. */
        LRU_HASH,
        /** {@link ProgArrayMap}: PROG_ARRAY. */
        PROG_ARRAY,
        /** {@link PerfEventArrayMap}: PERF_EVENT_ARRAY. */
        PERF_EVENT_ARRAY,
        /** {@link RingBufMap}: RINGBUF. */
        RINGBUF,
        /** {@link ArrayOfMapsMap}: ARRAY_OF_MAPS. */
        ARRAY_OF_MAPS,
        /** {@link HashOfMapsMap}: HASH_OF_MAPS. */
        HASH_OF_MAPS
    }

    /** The largest region ebpf-jvm allocates: a Java array's limit. */
    static final long MAX_REGION_BYTES = Integer.MAX_VALUE - 8;

    /** What the kernel's {@code struct htab_elem} and its bucket cost beyond key and value, charged per entry. */
    private static final long HASH_ENTRY_OVERHEAD = 64;

    private final MapSpec spec;
    private final int maxEntries;
    private final int cpus;
    private final int id;
    private final RegionTable regions;
    private final Region mapRegion;
    private long charged;
    private final AtomicInteger refs = new AtomicInteger(1);

    BpfMap(MapSpec spec, int maxEntries, int cpus, RegionTable regions) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.maxEntries = maxEntries;
        this.cpus = cpus;
        this.regions = Objects.requireNonNull(regions, "regions");
        this.id = regions.newMapId();
        this.mapRegion = regions.register(RegionKind.MAP, new byte[0], false, this);
    }

    /**
     * Creates a map and fills in the spec's initial elements that carry a value (global data,
     * preset entries); elements naming a program or a map are left to the loader, which resolves
     * the symbol and calls {@link ProgArrayMap#set} or {@link ArrayOfMapsMap#set}.
     *
     * <p>What the map will allocate is charged to the region table's budget first, as the kernel
     * charges a map's memory to its memcg, so a map too large for the runtime fails with ENOMEM
     * before anything is allocated.
     *
     * @param cpus the number of simulated CPUs ({@code num_possible_cpus()}); per-CPU maps hold
     *     one value per CPU and programs must run with {@link ProgramContext#cpu()} below it
     * @param regions the runtime's region table, where the map's regions live and its memory is charged
     * @throws MapException with the kernel's errno when the spec is invalid for its type, ENOMEM when
     *     the runtime's memory limit would be exceeded
     */
    public static BpfMap create(MapSpec spec, int cpus, RegionTable regions) {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1: " + cpus);
        }
        MapSpecCheck.check(spec, cpus);
        long element = times(roundUp8(spec.valueSize()), spec.type().isPerCpu() ? cpus : 1);
        if (element > MAX_REGION_BYTES) {
            // as bpf_map_area_alloc() failing: a value this large fits no Java array
            throw new MapException(
                    spec.name(), "create", Errno.ENOMEM, "a value of " + element + " bytes exceeds a Java array");
        }
        long cost = footprint(spec, cpus);
        if (!regions.charge(cost)) {
            throw new MapException(
                    spec.name(),
                    "create",
                    Errno.ENOMEM,
                    "needs " + cost + " bytes; the runtime's limit of " + regions.limit() + " bytes has "
                            + (regions.limit() - regions.charged()) + " left");
        }
        BpfMap map;
        try {
            map = instantiate(spec, cpus, regions);
        } catch (RuntimeException e) {
            regions.uncharge(cost);
            throw e;
        }
        map.charged = cost;
        try {
            map.fill(spec.contents());
        } catch (MapException e) {
            map.close();
            throw e;
        }
        return map;
    }

    /**
     * {@return the bytes a map of this spec holds when full}: values (per CPU where per-CPU), keys
     * and the per-entry overhead of hash maps, one reference per slot of fd arrays, and the ring
     * buffer's doubled data area, as the maps allocate them.
     */
    static long footprint(MapSpec spec, int cpus) {
        long entries = Integer.toUnsignedLong(spec.maxEntries());
        long value = times(roundUp8(spec.valueSize()), spec.type().isPerCpu() ? cpus : 1);
        switch (spec.type()) {
            case ARRAY:
            case PERCPU_ARRAY:
                return times(entries, value);
            case HASH:
            case PERCPU_HASH:
            case LRU_HASH:
            case LRU_PERCPU_HASH:
                return times(entries, roundUp8(spec.keySize()) + value + HASH_ENTRY_OVERHEAD);
            case HASH_OF_MAPS:
                return times(entries, roundUp8(spec.keySize()) + Long.BYTES + HASH_ENTRY_OVERHEAD);
            case RINGBUF:
                return times(2, entries);
            default:
                return times(entries, Long.BYTES);
        }
    }

    /** Non-negative sizes multiplied, saturating at {@link Long#MAX_VALUE}: such a charge always fails. */
    private static long times(long a, long b) {
        return Math.multiplyHigh(a, b) == 0 && a * b >= 0 ? a * b : Long.MAX_VALUE;
    }

    private static long roundUp8(int unsignedSize) {
        return (Integer.toUnsignedLong(unsignedSize) + 7) & ~7L;
    }

    private static BpfMap instantiate(MapSpec spec, int cpus, RegionTable regions) {
        switch (spec.type()) {
            case ARRAY:
            case PERCPU_ARRAY:
                return new ArrayMap(spec, cpus, regions);
            case HASH:
            case PERCPU_HASH:
                return new HashMap(spec, cpus, regions);
            case LRU_HASH:
            case LRU_PERCPU_HASH:
                return new LruHashMap(spec, cpus, regions);
            case PROG_ARRAY:
                return new ProgArrayMap(spec, cpus, regions);
            case PERF_EVENT_ARRAY:
                return new PerfEventArrayMap(spec, cpus, regions);
            case RINGBUF:
                return new RingBufMap(spec, cpus, regions);
            case ARRAY_OF_MAPS:
                return new ArrayOfMapsMap(spec, cpus, regions);
            case HASH_OF_MAPS:
                return new HashOfMapsMap(spec, cpus, regions);
            default:
                throw new IllegalStateException("MapSpecCheck let through " + spec.type());
        }
    }

    private void fill(List<MapSpec.Init> contents) {
        int i = 0;
        for (MapSpec.Init init : contents) {
            byte[] value = init.value();
            if (value != null) {
                byte[] key = init.key();
                checkSize("create", "initial element " + i + " key", key, keySize());
                checkSize("create", "initial element " + i + " value", value, userValueSize());
                int err = doUpdate(key, value, ANY);
                if (err != 0) {
                    throw error("create", err, "initial element " + i);
                }
            }
            i++;
        }
    }

    /** {@return the class of this map} */
    public abstract Kind kind();

    /** {@return the spec the map was created from} */
    public final MapSpec spec() {
        return spec;
    }

    /** {@return the map's name} */
    public final String name() {
        return spec.name();
    }

    /** {@return the map's type} */
    public final MapType type() {
        return spec.type();
    }

    /** {@return the key size in bytes} */
    public final int keySize() {
        return spec.keySize();
    }

    /** {@return the value size in bytes (of one CPU's value, for per-CPU maps)} */
    public final int valueSize() {
        return spec.valueSize();
    }

    /**
     * {@return the capacity: the spec's max_entries, except for an LRU hash with
     * {@code BPF_F_NO_COMMON_LRU}, rounded to a multiple of the CPU count as the kernel does}
     */
    public final int maxEntries() {
        return maxEntries;
    }

    /** {@return {@code map_flags}} */
    public final int flags() {
        return spec.flags();
    }

    /** {@return the number of simulated CPUs the map was created for} */
    public final int cpus() {
        return cpus;
    }

    /** {@return the map's id, unique in its runtime like the kernel's map id (what map-in-map lookups return to user space)} */
    public final int id() {
        return id;
    }

    /** {@return the region table of the runtime the map belongs to} */
    public final RegionTable regions() {
        return regions;
    }

    /** {@return the address of the map object, the value {@code lddw rX, map} loads} */
    public final long address() {
        return mapRegion.address(0);
    }

    /** {@return true for PERCPU_* maps, whose user-space values hold one value per CPU} */
    public final boolean isPerCpu() {
        return spec.type().isPerCpu();
    }

    /** {@return false when {@code BPF_F_RDONLY_PROG} forbids programs to write the values} */
    public final boolean isWritableByPrograms() {
        return (spec.flags() & MapSpec.F_RDONLY_PROG) == 0;
    }

    /**
     * {@return the address of byte {@code offset} of the single value, for {@code lddw} with
     * {@code BPF_PSEUDO_MAP_VALUE}}: only single-element non-per-CPU arrays (global data) have one,
     * as array_map_direct_value_addr() in kernel/bpf/arraymap.c allows.
     *
     * @throws MapException ENOTSUPP for other maps, EINVAL when offset is not below value_size
     */
    public long valueAddress(int offset) {
        throw new MapException(name(), "value address", Errno.ENOTSUPP, kind() + " maps have no direct value address");
    }

    // ---- program side: called by the helpers in core.helpers, with key and value in program memory

    /**
     * {@code bpf_map_lookup_elem}: {@return the address of the value for the key at
     * {@code key[keyOff ..]}, this CPU's for per-CPU maps, the inner map's address for map-in-map;
     * 0 when absent}
     */
    public long lookupFromProgram(ProgramContext ctx, byte[] key, int keyOff) {
        return 0;
    }

    /** {@code bpf_map_update_elem}: {@return 0 or a negative errno} */
    public long updateFromProgram(ProgramContext ctx, byte[] key, int keyOff, byte[] value, int valueOff, long flags) {
        return Errno.ENOTSUPP.negative();
    }

    /** {@code bpf_map_delete_elem}: {@return 0 or a negative errno} */
    public long deleteFromProgram(ProgramContext ctx, byte[] key, int keyOff) {
        return Errno.ENOTSUPP.negative();
    }

    /**
     * {@return the run's CPU, checked against the map's CPU count}
     *
     * @throws ProgramFaultException when the program runs on a CPU the map has no value for
     */
    final int cpuOf(ProgramContext ctx) {
        int cpu = ctx.cpu();
        if (cpu >= cpus) {
            throw new ProgramFaultException(
                    -1, "map '" + name() + "' was created for " + cpus + " CPUs; the program runs on CPU " + cpu);
        }
        return cpu;
    }

    // ---- lifetime

    /** Adds a reference. {@return this map} */
    public final BpfMap retain() {
        refs.getAndUpdate(n -> {
            if (n <= 0) {
                throw error("retain", (int) Errno.EBADF.negative(), "map is closed");
            }
            return n + 1;
        });
        return this;
    }

    /** {@return true once the last reference is closed} */
    public final boolean isClosed() {
        return refs.get() <= 0;
    }

    /** Drops a reference; the last one releases the map's regions. Closing a closed map does nothing. */
    @Override
    public final void close() {
        int left = refs.getAndUpdate(n -> n > 0 ? n - 1 : 0);
        if (left == 1) {
            releaseValues();
            regions.release(mapRegion);
            regions.uncharge(charged);
        }
    }

    /** Releases the value regions and what the map references (inner maps). */
    abstract void releaseValues();

    @Override
    final void checkOpen(String operation) {
        if (refs.get() <= 0) {
            throw error(operation, (int) Errno.EBADF.negative(), "map is closed");
        }
    }

    /**
     * {@return a zeroed byte array of n bytes for one of a map's regions}
     *
     * @throws MapException ENOMEM when n exceeds a Java array or the heap, where the kernel's
     *     allocation would fail
     */
    static byte[] allocate(MapSpec spec, long n) {
        if (n > MAX_REGION_BYTES) {
            throw new MapException(spec.name(), "create", Errno.ENOMEM, n + " bytes exceed a Java array");
        }
        try {
            return new byte[(int) n];
        } catch (OutOfMemoryError e) {
            throw new MapException(spec.name(), "create", Errno.ENOMEM, "cannot allocate " + n + " bytes");
        }
    }

    @Override
    public String toString() {
        return spec.type().kernelName() + " map '" + name() + "' (id " + id + ", key " + keySize() + ", value "
                + valueSize() + ", max " + maxEntries + ")";
    }
}
