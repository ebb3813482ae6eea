package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The element slab of a hash map: a fixed number of value slots, as the kernel's preallocated
 * hashtab has (prealloc_init() in kernel/bpf/hashtab.c). A slot's address never changes while the
 * map lives, so a program's pointer to a value stays valid while its element lives, and reads the
 * value of whatever element reuses the slot afterwards, as in the kernel.
 *
 * <p>Slots live in chunks of about {@value #CHUNK_BYTES} bytes, each its own MAP_VALUE region,
 * allocated the first time a slot of the chunk is needed: a map declared with a million entries
 * does not cost memory it never uses, and no region outgrows a Java array. Freed slots go back on
 * a free list and are reused first. Thread-safe; allocation takes a lock (lookups never do).
 */
final class ValueSlab {
    /** The target size of one chunk. */
    static final int CHUNK_BYTES = 64 * 1024;

    /** One value slot: the region and offset of its first byte. */
    static final class Slot {
        final Region region;
        final int offset;
        final long address;

        Slot(Region region, int offset) {
            this.region = region;
            this.offset = offset;
            this.address = region.address(offset);
        }

        byte[] bytes() {
            return region.bytes();
        }
    }

    private final BpfMap owner;
    private final int slotBytes;
    private final int capacity;
    private final int slotsPerChunk;
    private final boolean writable;
    private final ArrayDeque<Slot> free = new ArrayDeque<>();
    private final List<Region> chunks = new ArrayList<>();
    private int created;

    /**
     * @param owner the map the regions belong to
     * @param slotBytes the bytes of one slot
     * @param capacity the number of slots
     * @param writable whether programs may store into the values
     */
    ValueSlab(BpfMap owner, int slotBytes, int capacity, boolean writable) {
        this.owner = owner;
        this.slotBytes = slotBytes;
        this.capacity = capacity;
        this.slotsPerChunk = Math.max(1, Math.min(capacity, CHUNK_BYTES / slotBytes));
        this.writable = writable;
    }

    /**
     * {@return a free slot, or null when all {@code capacity} slots are in use (or, rarely, when the
     * JVM cannot allocate a new chunk, which the kernel would report as ENOMEM)}
     */
    synchronized Slot allocate() {
        if (free.isEmpty() && created < capacity) {
            try {
                addChunk();
            } catch (MapException e) {
                return null;
            }
        }
        return free.pollFirst();
    }

    /** Returns a slot to the free list. */
    synchronized void free(Slot slot) {
        free.addFirst(slot);
    }

    /** Releases every chunk's region. */
    synchronized void release() {
        for (Region region : chunks) {
            owner.regions().release(region);
        }
        chunks.clear();
        free.clear();
    }

    private void addChunk() {
        int n = Math.min(slotsPerChunk, capacity - created);
        Region region = owner.regions()
                .register(RegionKind.MAP_VALUE, BpfMap.allocate(owner.spec(), (long) n * slotBytes), writable, owner);
        chunks.add(region);
        for (int i = 0; i < n; i++) {
            free.addLast(new Slot(region, i * slotBytes));
        }
        created += n;
    }
}
