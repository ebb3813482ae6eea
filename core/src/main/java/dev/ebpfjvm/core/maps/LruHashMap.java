package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.maps.HashTable.Node;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.List;

/**
 * {@code BPF_MAP_TYPE_LRU_HASH} and {@code BPF_MAP_TYPE_LRU_PERCPU_HASH} (kernel/bpf/hashtab.c with
 * kernel/bpf/bpf_lru_list.c): a hash map that never fills up: a new key takes a node from the
 * {@link Lru}, which evicts the least recently used elements when no node is free.
 *
 * <p>"Recently used" is approximated exactly as in the kernel: a lookup from a program sets the
 * element's reference bit (no lock, no list move); lookups from user space do not
 * (htab_lru_map_lookup_elem_sys()); updates of an existing key set it on the new element. The
 * lists only move on updates, so which elements go follows the kernel's clock rather than a strict
 * LRU order: with the common LRU a CPU refills its local free list 128 nodes at a time and may
 * evict that many unreferenced elements at once (see the kernel selftests in test_lru_map.c,
 * ported in LruHashMapTest). User-space updates run as CPU 0.
 *
 * <p>Buckets, hashing and iteration order are {@link HashMap}'s. Every update of a plain LRU hash
 * takes a fresh node first, even for an existing key, and frees the old one afterwards
 * (htab_lru_map_update_elem()); the per-CPU flavour updates existing values in place.
 */
public final class LruHashMap extends BpfMap {
    private final boolean percpu;
    private final ValueLayout layout;
    private final HashTable<LruNode> table;
    private final ValueSlab slab;
    private final Lru lru;

    LruHashMap(MapSpec spec, int cpus, RegionTable regions) {
        this(spec, cpus, regions, effectiveMaxEntries(spec, cpus));
    }

    private LruHashMap(MapSpec spec, int cpus, RegionTable regions, int maxEntries) {
        this(spec, cpus, regions, maxEntries, HashTable.forMap(spec, maxEntries));
    }

    private LruHashMap(MapSpec spec, int cpus, RegionTable regions, int maxEntries, HashTable<LruNode> table) {
        super(spec, maxEntries, cpus, regions);
        this.percpu = spec.type().isPerCpu();
        this.layout = new ValueLayout(spec.valueSize(), percpu ? cpus : 1);
        this.table = table;
        this.slab = new ValueSlab(this, layout.slotBytes(), maxEntries(), isWritableByPrograms());
        boolean percpuLru = (spec.flags() & MapSpec.F_NO_COMMON_LRU) != 0;
        this.lru = new Lru(
                percpuLru, cpus, maxEntries(), () -> new LruNode(slab.allocate(), LruNode.FREE, 0), this::deleteNode);
    }

    /** htab_map_alloc(): a per-CPU LRU gives every CPU the same number of nodes. */
    private static int effectiveMaxEntries(MapSpec spec, int cpus) {
        if ((spec.flags() & MapSpec.F_NO_COMMON_LRU) == 0) {
            return spec.maxEntries();
        }
        long max = Integer.toUnsignedLong(spec.maxEntries());
        long up = (max + cpus - 1) / cpus * cpus;
        return (int) (up <= 0xffffffffL ? up : max / cpus * cpus);
    }

    @Override
    public Kind kind() {
        return Kind.LRU_HASH;
    }

    @Override
    public long lookupFromProgram(ProgramContext ctx, byte[] key, int keyOff) {
        Node<LruNode> n = table.find(table.hash(key, keyOff), key, keyOff);
        if (n == null) {
            return 0;
        }
        LruNode node = n.elem;
        if (!node.ref) {
            node.ref = true;
        }
        return percpu ? node.slot.address + layout.cpuOffset(cpuOf(ctx)) : node.slot.address;
    }

    @Override
    public long updateFromProgram(ProgramContext ctx, byte[] key, int keyOff, byte[] value, int valueOff, long flags) {
        if (!isWritableByPrograms()) {
            return Errno.EPERM.negative();
        }
        int cpu = cpuOf(ctx);
        return percpu
                ? updatePerCpu(key, keyOff, value, valueOff, flags, cpu, cpu)
                : update(key, keyOff, value, valueOff, flags, cpu);
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
        Node<LruNode> n = table.find(table.hash(key, 0), key, 0);
        if (n == null) {
            return (int) Errno.ENOENT.negative();
        }
        layout.read(n.elem.slot.bytes(), n.elem.slot.offset, percpu, out);
        return 0;
    }

    @Override
    int doUpdate(byte[] key, byte[] value, long flags) {
        return percpu
                ? updatePerCpu(key, 0, value, 0, flags, 0, UpdateFlags.ALL_CPUS)
                : update(key, 0, value, 0, flags, 0);
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

    /** htab_lru_map_update_elem(): a new node first (which may evict), then the bucket lock. */
    private int update(byte[] key, int keyOff, byte[] value, int valueOff, long flags, int cpu) {
        int err = UpdateFlags.check(flags);
        if (err != 0) {
            return err;
        }
        int hash = table.hash(key, keyOff);
        LruNode node = lru.popFree(hash, cpu);
        if (node == null) {
            return (int) Errno.ENOMEM.negative();
        }
        layout.writeOne(node.slot.bytes(), node.slot.offset, 0, value, valueOff);
        Node<LruNode> old;
        synchronized (table.lock(hash)) {
            old = table.find(hash, key, keyOff);
            err = UpdateFlags.checkExistence(old != null, flags);
            if (err == 0) {
                table.insert(hash, key, keyOff, node);
                if (old != null) {
                    node.ref = true;
                    table.remove(old);
                }
            }
        }
        if (err != 0) {
            lru.pushFree(node);
        } else if (old != null) {
            lru.pushFree(old.elem);
        }
        return err;
    }

    /**
     * __htab_lru_percpu_map_update_elem(): existing values are updated in place.
     *
     * @param valueCpu the program's CPU, or {@link UpdateFlags#ALL_CPUS} for a user-space value
     */
    private int updatePerCpu(byte[] key, int keyOff, byte[] value, int valueOff, long flags, int cpu, int valueCpu) {
        int err = UpdateFlags.check(flags);
        if (err != 0) {
            return err;
        }
        int hash = table.hash(key, keyOff);
        LruNode node = null;
        if (flags != EXIST) {
            node = lru.popFree(hash, cpu);
            if (node == null) {
                return (int) Errno.ENOMEM.negative();
            }
        }
        synchronized (table.lock(hash)) {
            Node<LruNode> old = table.find(hash, key, keyOff);
            err = UpdateFlags.checkExistence(old != null, flags);
            if (err == 0 && old != null) {
                old.elem.ref = true;
                write(old.elem, value, valueOff, valueCpu, false);
            } else if (err == 0) {
                write(node, value, valueOff, valueCpu, true);
                table.insert(hash, key, keyOff, node);
                node = null;
            }
        }
        if (node != null) {
            lru.pushFree(node);
        }
        return err;
    }

    private void write(LruNode node, byte[] value, int valueOff, int cpu, boolean fresh) {
        if (cpu == UpdateFlags.ALL_CPUS) {
            layout.writeAll(node.slot.bytes(), node.slot.offset, value);
        } else if (fresh) {
            layout.initOne(node.slot.bytes(), node.slot.offset, cpu, value, valueOff);
        } else {
            layout.writeOne(node.slot.bytes(), node.slot.offset, cpu, value, valueOff);
        }
    }

    /** htab_lru_map_delete_elem(). */
    private int delete(byte[] key, int keyOff) {
        int hash = table.hash(key, keyOff);
        Node<LruNode> n;
        synchronized (table.lock(hash)) {
            n = table.find(hash, key, keyOff);
            if (n == null) {
                return (int) Errno.ENOENT.negative();
            }
            table.remove(n);
        }
        lru.pushFree(n.elem);
        return 0;
    }

    /** htab_lru_map_delete_node(): the LRU evicts a node's element. */
    private boolean deleteNode(LruNode node) {
        synchronized (table.lock(node.hash)) {
            Node<LruNode> n = table.findElem(node.hash, node);
            return n != null && table.remove(n);
        }
    }

    @Override
    void releaseValues() {
        slab.release();
    }
}
