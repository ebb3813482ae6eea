package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Reach;
import dev.ebpfjvm.core.memory.RegionTable;

/**
 * {@code BPF_MAP_TYPE_ARRAY_OF_MAPS} (kernel/bpf/arraymap.c, map_in_map.c): slots holding inner
 * maps that match the spec's inner-map template ({@link MapSpec#innerMap()}). A lookup from a
 * program yields the inner map's address, which the program passes on to the map helpers; a lookup
 * from user space yields the inner map's {@link BpfMap#id() id}, as the kernel's does. User space
 * fills slots with {@link #set} (the kernel takes a map fd as the value). A slot holds a reference
 * to its map, released when the slot is emptied or this map is closed.
 */
public final class ArrayOfMapsMap extends FdArrayMap<BpfMap> implements Reach.Holder {
    private final HeldMaps held = new HeldMaps();

    ArrayOfMapsMap(MapSpec spec, int cpus, RegionTable regions) {
        super(spec, cpus, regions);
    }

    @Override
    public Kind kind() {
        return Kind.ARRAY_OF_MAPS;
    }

    /**
     * Puts an inner map into a slot, replacing (and releasing) what was there.
     *
     * @throws MapException E2BIG for an index out of range, EINVAL when the map does not match the
     *     inner-map template, EBADF when it is closed, EPERM when this map is frozen or read-only
     */
    public void set(int index, BpfMap inner) {
        long i = checkedSlot(index);
        InnerMaps.check(this, inner);
        replace(i, held.hold(inner));
    }

    /** A slot holds a reference to its map. */
    @Override
    void release(BpfMap inner) {
        held.drop(inner);
    }

    @Override
    public boolean holds(Object owner) {
        return held.holds(owner);
    }

    @Override
    public long lookupFromProgram(ProgramContext ctx, byte[] key, int keyOff) {
        BpfMap inner = slot(ArrayIndex.of(key, keyOff));
        return inner == null ? 0 : inner.address();
    }

    @Override
    int doLookup(byte[] key, byte[] out) {
        BpfMap inner = slot(ArrayIndex.of(key, 0));
        if (inner == null) {
            return (int) Errno.ENOENT.negative();
        }
        System.arraycopy(u32(inner.id()), 0, out, 0, 4);
        return 0;
    }
}
