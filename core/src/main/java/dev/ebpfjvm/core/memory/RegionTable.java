package dev.ebpfjvm.core.memory;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The JVM-wide table of long-lived regions, indexed by region id. Maps and programs register
 * their regions when created and release them when closed; ids of released regions are reused.
 *
 * <p>Reads ({@link #get(int)}) take no lock: the table is an array published through a volatile
 * field and replaced, never resized in place, when it grows.
 */
public final class RegionTable {
    /** The table every engine and helper resolves addresses through. */
    public static final RegionTable GLOBAL = new RegionTable();

    private static final int INITIAL_CAPACITY = 256;

    private volatile Region[] regions = new Region[INITIAL_CAPACITY];
    private final ArrayDeque<Integer> freeIds = new ArrayDeque<>();
    private int nextId = Memory.FIRST_SHARED_REGION;

    /**
     * Registers a region.
     *
     * @param kind what it holds
     * @param bytes its backing bytes (kept, not copied)
     * @param writable whether programs may store into it
     * @param owner the object it belongs to, or null
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

    /** {@return the owner of the region an address points into, if it is of the given kind; else null} */
    public Object ownerAt(long address, RegionKind kind) {
        Region region = get(Address.region(address));
        return region != null && region.kind() == kind ? region.owner() : null;
    }
}
