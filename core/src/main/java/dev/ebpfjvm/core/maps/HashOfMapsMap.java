package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.maps.HashTable.Node;
import dev.ebpfjvm.core.memory.Reach;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code BPF_MAP_TYPE_HASH_OF_MAPS} (kernel/bpf/hashtab.c, map_in_map.c): a hash map whose values
 * are inner maps matching the spec's inner-map template. Keys, buckets, flags and the full-map
 * E2BIG behave as in {@link HashMap}; a lookup from a program yields the inner map's address, one
 * from user space its {@link BpfMap#id() id}. User space adds maps with {@link #set}. An element
 * holds a reference to its map, released when the element is deleted or replaced or this map is
 * closed.
 */
public final class HashOfMapsMap extends BpfMap implements Reach.Holder {
    private final HeldMaps held = new HeldMaps();
    private final HashTable<BpfMap> table;
    private final AtomicInteger count = new AtomicInteger();

    HashOfMapsMap(MapSpec spec, int cpus, RegionTable regions) {
        this(spec, cpus, regions, HashTable.forMap(spec, spec.maxEntries()));
    }

    private HashOfMapsMap(MapSpec spec, int cpus, RegionTable regions, HashTable<BpfMap> table) {
        super(spec, spec.maxEntries(), cpus, regions);
        this.table = table;
    }

    @Override
    public Kind kind() {
        return Kind.HASH_OF_MAPS;
    }

    /**
     * Creates or replaces the element of a key (bpf_fd_htab_map_update_elem()).
     *
     * @param flags {@link #ANY}, {@link #NOEXIST} or {@link #EXIST}
     * @throws MapException EINVAL when the map does not match the template or for bad flags,
     *     EEXIST/ENOENT per flags, E2BIG when full, EBADF when the inner map is closed
     */
    public void set(byte[] key, BpfMap inner, long flags) {
        checkWritable("update");
        checkSize("update", "key", key, keySize());
        InnerMaps.check(this, inner);
        int err = UpdateFlags.check(flags);
        if (err != 0) {
            throw error("update", err, null);
        }
        int hash = table.hash(key, 0);
        BpfMap elem = held.hold(inner);
        Node<BpfMap> old;
        synchronized (table.lock(hash)) {
            old = table.find(hash, key, 0);
            err = UpdateFlags.checkExistence(old != null, flags);
            if (err == 0 && old == null && !UpdateFlags.tryIncrement(count, maxEntries())) {
                err = (int) Errno.E2BIG.negative();
            }
            if (err == 0) {
                table.insert(hash, key, 0, elem);
                if (old != null) {
                    table.remove(old);
                }
            }
        }
        if (err != 0) {
            held.drop(elem);
            throw error("update", err, null);
        }
        if (old != null) {
            held.drop(old.elem);
        }
    }

    /** {@return the inner map of a key, or null} */
    public BpfMap get(byte[] key) {
        checkOpen("lookup");
        checkSize("lookup", "key", key, keySize());
        Node<BpfMap> n = table.find(table.hash(key, 0), key, 0);
        return n == null ? null : n.elem;
    }

    @Override
    public long lookupFromProgram(ProgramContext ctx, byte[] key, int keyOff) {
        Node<BpfMap> n = table.find(table.hash(key, keyOff), key, keyOff);
        return n == null ? 0 : n.elem.address();
    }

    @Override
    int doLookup(byte[] key, byte[] out) {
        Node<BpfMap> n = table.find(table.hash(key, 0), key, 0);
        if (n == null) {
            return (int) Errno.ENOENT.negative();
        }
        System.arraycopy(u32(n.elem.id()), 0, out, 0, 4);
        return 0;
    }

    /** The value of an element is a map, not bytes: use {@link #set}. */
    @Override
    int doUpdate(byte[] key, byte[] value, long flags) {
        return (int) Errno.ENOTSUPP.negative();
    }

    @Override
    int doDelete(byte[] key) {
        int hash = table.hash(key, 0);
        Node<BpfMap> n;
        synchronized (table.lock(hash)) {
            n = table.find(hash, key, 0);
            if (n == null) {
                return (int) Errno.ENOENT.negative();
            }
            table.remove(n);
        }
        count.decrementAndGet();
        held.drop(n.elem);
        return 0;
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

    @Override
    void releaseValues() {
        for (byte[] key : table.keys()) {
            doDelete(key);
        }
    }

    @Override
    public boolean holds(Object owner) {
        return held.holds(owner);
    }
}
