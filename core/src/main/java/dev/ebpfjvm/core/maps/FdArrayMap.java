package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.memory.RegionTable;

/**
 * The maps whose slots hold objects rather than bytes, the kernel's fd arrays
 * ({@code fd_array_map_*} in kernel/bpf/arraymap.c): prog arrays, perf event arrays and arrays of
 * maps. User space puts an object in with the subclass's own method (the kernel takes an fd as
 * the value), reads it back with {@link #get} and empties a slot with {@link #clear}; the byte API
 * can delete slots and walk indices but not look up or store them ({@code -ENOTSUPP}), unless a
 * subclass says otherwise. Emptying a slot hands its object to {@link #release}.
 *
 * @param <T> what a slot holds
 */
public abstract sealed class FdArrayMap<T> extends BpfMap permits ProgArrayMap, PerfEventArrayMap, ArrayOfMapsMap {
    private final ObjectSlots<T> slots;

    FdArrayMap(MapSpec spec, int cpus, RegionTable regions) {
        super(spec, spec.maxEntries(), cpus, regions);
        this.slots = new ObjectSlots<>(spec.maxEntries());
    }

    /** {@return the object in a slot, or null} */
    public final T get(int index) {
        checkOpen("lookup");
        return slots.get(Integer.toUnsignedLong(index));
    }

    /** Empties a slot. {@return false when it was empty} @throws MapException E2BIG out of range */
    public final boolean clear(int index) {
        return delete(u32(index));
    }

    /** {@return the object at a u32 index, or null; for programs, with no checks of the map's state} */
    final T slot(long index) {
        return slots.get(index);
    }

    /**
     * Checks that user space may store into a slot.
     *
     * @return the index as the u32 the slot is addressed by
     * @throws MapException EPERM when frozen or read-only, E2BIG when the index is out of range
     */
    final long checkedSlot(int index) {
        checkWritable("update");
        long i = Integer.toUnsignedLong(index);
        int err = slots.checkUpdate(i, ANY);
        if (err != 0) {
            throw error("update", err, "index " + i);
        }
        return i;
    }

    /** Stores an object at an index {@link #checkedSlot} accepted, releasing the one it replaces. */
    final void replace(long index, T object) {
        T old = slots.swap(index, object);
        if (old != null) {
            release(old);
        }
    }

    /** What emptying a slot does with its object; nothing unless the slot held a reference. */
    void release(T object) {}

    /** The value of a slot is an object, not bytes: use {@link #get}. */
    @Override
    int doLookup(byte[] key, byte[] out) {
        return (int) Errno.ENOTSUPP.negative();
    }

    /** The value of a slot is an object, not bytes: use the subclass's setter. */
    @Override
    int doUpdate(byte[] key, byte[] value, long flags) {
        return (int) Errno.ENOTSUPP.negative();
    }

    @Override
    final int doDelete(byte[] key) {
        return slots.delete(ArrayIndex.of(key, 0), this::release);
    }

    @Override
    final int doNextKey(byte[] key, byte[] next) {
        return ArrayIndex.nextKey(key, next, maxEntries());
    }

    @Override
    final void releaseValues() {
        slots.clear(this::release);
    }
}
