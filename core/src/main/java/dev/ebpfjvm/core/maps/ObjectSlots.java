package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The slots of the fd-array maps ({@link FdArrayMap}): each index holds an object or
 * nothing, swapped atomically as fd_array_map_update_elem() and fd_array_map_delete_elem() in
 * kernel/bpf/arraymap.c do with {@code xchg}, so that programs read slots without a lock.
 *
 * @param <T> what a slot holds
 */
final class ObjectSlots<T> {
    private final AtomicReferenceArray<T> slots;

    ObjectSlots(int maxEntries) {
        this.slots = new AtomicReferenceArray<>(maxEntries);
    }

    /** {@return the object at a u32 index, or null when the index is out of range or the slot empty} */
    T get(long index) {
        return index >= 0 && index < slots.length() ? slots.get((int) index) : null;
    }

    /** {@return -EINVAL for flags other than BPF_ANY, -E2BIG for an index out of range, else 0} */
    int checkUpdate(long index, long flags) {
        if (flags != MapAccess.ANY) {
            return (int) Errno.EINVAL.negative();
        }
        return index < 0 || index >= slots.length() ? (int) Errno.E2BIG.negative() : 0;
    }

    /** Stores an object at a valid index. {@return the object it replaces, or null} */
    T swap(long index, T object) {
        return slots.getAndSet((int) index, object);
    }

    /** {@return -E2BIG for an index out of range, -ENOENT for an empty slot, else 0 after emptying it} */
    int delete(long index, Consumer<T> release) {
        if (index < 0 || index >= slots.length()) {
            return (int) Errno.E2BIG.negative();
        }
        T old = slots.getAndSet((int) index, null);
        if (old == null) {
            return (int) Errno.ENOENT.negative();
        }
        release.accept(old);
        return 0;
    }

    /** Empties every slot, handing each object to {@code release}. */
    void clear(Consumer<T> release) {
        for (int i = 0; i < slots.length(); i++) {
            T old = slots.getAndSet(i, null);
            if (old != null) {
                release.accept(old);
            }
        }
    }
}
