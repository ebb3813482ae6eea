package dev.ebpfjvm.core.memory;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One runtime's table of long-lived regions, indexed by region id, with the runtime's memory
 * budget and its map ids: what the kernel keeps for every map and program it holds. Maps and
 * programs register their regions when created and release them when closed; ids of released
 * regions are reused. Two tables share nothing, so objects of two runtimes cannot reach each other.
 *
 * <p>The budget is the kernel's memcg accounting of BPF objects: maps and programs
 * {@linkplain #charge charge} what they will allocate before they allocate it, and a charge that
 * would exceed the limit is refused, so that a small object file cannot make the host allocate
 * gigabytes.
 *
 * <p>Reads ({@link #get(int)}) take no lock: the table is an array published through a volatile
 * field and replaced, never resized in place, when it grows.
 */
public final class RegionTable {
    /** The default budget: 1 GiB, or half the JVM's heap when that is smaller. */
    public static final long DEFAULT_LIMIT =
            Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 2);

    private static final int INITIAL_CAPACITY = 64;

    private volatile Region[] regions = new Region[INITIAL_CAPACITY];
    private final ArrayDeque<Integer> freeIds = new ArrayDeque<>();
    private int nextId = Memory.FIRST_SHARED_REGION;
    private final long limit;
    private final AtomicLong charged = new AtomicLong();
    private final AtomicInteger nextMapId = new AtomicInteger(1);

    /** A table with the {@linkplain #DEFAULT_LIMIT default budget}. */
    public RegionTable() {
        this(DEFAULT_LIMIT);
    }

    /** A table whose maps and programs may allocate at most {@code limit} bytes. */
    public RegionTable(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("negative memory limit: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Registers a region.
     *
     * @param kind what it holds
     * @param bytes its backing bytes (kept, not copied)
     * @param writable whether programs may store into it
     * @param owner the object it belongs to (a map, an executable)
     * @return the new region
     */
    public synchronized Region register(RegionKind kind, byte[] bytes, boolean writable, Object owner) {
        int id = freeIds.isEmpty() ? nextId++ : freeIds.pop();
        Region[] table = regions;
        if (id >= table.length) {
            table = Arrays.copyOf(table, Math.max(table.length * 2, id + 1));
        }
        Region region = new Region(id, kind, bytes, writable, owner);
        table[id] = region;
        regions = table;
        return region;
    }

    /** Releases a region; its id may be given to another region later. */
    public synchronized void release(Region region) {
        Region[] table = regions;
        if (region.id() < table.length && table[region.id()] == region) {
            table[region.id()] = null;
            regions = table;
            freeIds.push(region.id());
        }
    }

    /** {@return the region of an id, or null when none is registered under it} */
    public Region get(int id) {
        Region[] table = regions;
        return id >= 0 && id < table.length ? table[id] : null;
    }

    /**
     * Charges bytes that a map or program is about to allocate.
     *
     * @return false, charging nothing, when the charge would exceed the limit
     */
    public boolean charge(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative charge: " + bytes);
        }
        long before = charged.getAndUpdate(c -> c <= limit - bytes ? c + bytes : c);
        return before <= limit - bytes;
    }

    /** Returns bytes charged before, when what they paid for is freed. */
    public void uncharge(long bytes) {
        charged.addAndGet(-bytes);
    }

    /** {@return the bytes charged now} */
    public long charged() {
        return charged.get();
    }

    /** {@return the most bytes that may be charged} */
    public long limit() {
        return limit;
    }

    /** {@return a new map id, unique in this table, like the kernel's map idr} */
    public int newMapId() {
        return nextMapId.getAndIncrement();
    }
}
