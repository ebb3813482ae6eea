package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.maps.HashTable.Node;
import dev.ebpfjvm.core.maps.ValueSlab.Slot;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code BPF_MAP_TYPE_HASH} and {@code BPF_MAP_TYPE_PERCPU_HASH} (kernel/bpf/hashtab.c): up to
 * max_entries elements found by key; a new key in a full map fails with E2BIG.
 *
 * <p>Design. The buckets are a {@link HashTable} like the kernel's (same bucket count, same jhash,
 * so the same iteration order as a {@code BPF_F_ZERO_SEED} map: ebpf-jvm always hashes with seed 0,
 * where the kernel draws a random seed unless that flag is set, so that runs are reproducible).
 * Lookups take no lock; updates and deletes lock the key's bucket stripe. Values live in a
 * preallocated {@link ValueSlab} of value slots, as in the kernel's prealloc hashtab: a value
 * pointer is its slot's address.
 *
 * <p>Updating an existing key of a plain hash map does not overwrite its value in place: as
 * htab_map_update_elem() does, it fills a fresh slot, links the new element in front of the old one
 * and then unlinks and frees the old one, so that a concurrent lookup sees either the old value or
 * the new one, never a mix. The kernel keeps one spare element per CPU for that; here the slab
 * holds one spare slot per lock stripe (each replacement happens under its stripe's lock and frees
 * the old slot before releasing it), and a separate counter enforces max_entries. A per-CPU hash
 * updates in place, as the kernel does.
 */
public final class HashMap extends BpfMap {
    private final boolean percpu;
    private final ValueLayout layout;
    private final HashTable<Slot> table;
    private final ValueSlab slab;
    private final AtomicInteger count = new AtomicInteger();

    HashMap(MapSpec spec, int cpus, RegionTable regions) {
        this(spec, cpus, regions, HashTable.forMap(spec, spec.maxEntries()));
    }

    private HashMap(MapSpec spec, int cpus, RegionTable regions, HashTable<Slot> table) {
        super(spec, spec.maxEntries(), cpus, regions);
        this.percpu = spec.type().isPerCpu();
        this.layout = new ValueLayout(spec.valueSize(), percpu ? cpus : 1);
        this.table = table;
        int spares = percpu ? 0 : table.stripes();
        this.slab = new ValueSlab(this, layout.slotBytes(), spec.maxEntries() + spares, isWritableByPrograms());
    }

    @Override
    public Kind kind() {
        return Kind.HASH;
    }

    /** {@return the number of elements} */
    public int size() {
        return count.get();
    }

    @Override
    public long lookupFromProgram(ProgramContext ctx, byte[] key, int keyOff) {
        Node<Slot> n = table.find(table.hash(key, keyOff), key, keyOff);
        if (n == null) {
            return 0;
        }
        return percpu ? n.elem.address + layout.cpuOffset(cpuOf(ctx)) : n.elem.address;
    }

    @Override
    public long updateFromProgram(ProgramContext ctx, byte[] key, int keyOff, byte[] value, int valueOff, long flags) {
        if (!isWritableByPrograms()) {
            return Errno.EPERM.negative();
        }
        return update(key, keyOff, value, valueOff, flags, percpu ? cpuOf(ctx) : 0);
    }

    @Override
    public long deleteFromProgram(ProgramContext ctx, byte[] key, int keyOff) {
        if (!isWritableByPrograms()) {
            return Errno.EPERM.negative();
        }
        return delete(key, keyOff);
    }

    @Override
    int doLookup(byte[] key, byte[] out) {
        Node<Slot> n = table.find(table.hash(key, 0), key, 0);
        if (n == null) {
            return (int) Errno.ENOENT.negative();
        }
        layout.read(n.elem.bytes(), n.elem.offset, percpu, out);
        return 0;
    }

    @Override
    int doUpdate(byte[] key, byte[] value, long flags) {
        return update(key, 0, value, 0, flags, UpdateFlags.ALL_CPUS);
    }

    @Override
    int doDelete(byte[] key) {
        return delete(key, 0);
    }

    @Override
    int doNextKey(byte[] key, byte[] next) {
        return table.nextKey(key, next);
    }

    @Override
    public List<byte[]> keys() {
        checkReadable("get next key");
        return table.keys();
    }

    /**
     * htab_map_update_elem() and __htab_percpu_map_update_elem().
     *
     * @param cpu the program's CPU, or {@link UpdateFlags#ALL_CPUS} for a user-space value
     */
    private int update(byte[] key, int keyOff, byte[] value, int valueOff, long flags, int cpu) {
        int err = UpdateFlags.check(flags);
        if (err != 0) {
            return err;
        }
        int hash = table.hash(key, keyOff);
        synchronized (table.lock(hash)) {
            Node<Slot> old = table.find(hash, key, keyOff);
            err = UpdateFlags.checkExistence(old != null, flags);
            if (err != 0) {
                return err;
            }
            if (percpu && old != null) {
                write(old.elem, value, valueOff, cpu, false);
                return 0;
            }
            if (old == null && !UpdateFlags.tryIncrement(count, maxEntries())) {
                return (int) Errno.E2BIG.negative();
            }
            Slot slot = slab.allocate();
            if (slot == null) {
                count.decrementAndGet();
                return (int) Errno.ENOMEM.negative();
            }
            write(slot, value, valueOff, cpu, true);
            table.insert(hash, key, keyOff, slot);
            if (old != null) {
                table.remove(old);
                slab.free(old.elem);
            }
        }
        return 0;
    }

    private void write(Slot slot, byte[] value, int valueOff, int cpu, boolean fresh) {
        if (cpu == UpdateFlags.ALL_CPUS && percpu) {
            layout.writeAll(slot.bytes(), slot.offset, value);
        } else if (percpu && fresh) {
            layout.initOne(slot.bytes(), slot.offset, cpu, value, valueOff);
        } else {
            layout.writeOne(slot.bytes(), slot.offset, percpu ? cpu : 0, value, valueOff);
        }
    }

    /** htab_map_delete_elem(). */
    private int delete(byte[] key, int keyOff) {
        int hash = table.hash(key, keyOff);
        Node<Slot> n;
        synchronized (table.lock(hash)) {
            n = table.find(hash, key, keyOff);
            if (n == null) {
                return (int) Errno.ENOENT.negative();
            }
            table.remove(n);
        }
        slab.free(n.elem);
        count.decrementAndGet();
        return 0;
    }

    @Override
    void releaseValues() {
        slab.release();
    }
}
