package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.memory.RegionTable;

/**
 * {@code BPF_MAP_TYPE_ARRAY} and {@code BPF_MAP_TYPE_PERCPU_ARRAY} (kernel/bpf/arraymap.c): a u32
 * index selects one of max_entries preallocated, zero-initialised values, which can be
 * overwritten but never deleted.
 *
 * <p>All values live in one region of {@code max_entries × round_up(value_size, 8)} bytes
 * ({@code × cpus} for the per-CPU type, laid out element by element, CPU 0 first), so value
 * {@code i} of CPU {@code c} is at {@code valuesRegion().address((i * cpus + c) * stride)}: engines
 * may compute it inline. Global data ({@code .data}, {@code .rodata}, {@code .bss}: single-element
 * arrays named after their section) registers its region as {@link RegionKind#GLOBAL_DATA};
 * {@code BPF_F_RDONLY_PROG} (for {@code .rodata}) makes the region read-only for programs while
 * user space can still write it until {@link #freeze()}.
 */
public final class ArrayMap extends BpfMap {
    private final boolean percpu;
    private final ValueLayout layout;
    private final int slotBytes;
    private final Region values;

    ArrayMap(MapSpec spec, int cpus, RegionTable regions) {
        this(spec, cpus, regions, new ValueLayout(spec.valueSize(), spec.type().isPerCpu() ? cpus : 1));
    }

    private ArrayMap(MapSpec spec, int cpus, RegionTable regions, ValueLayout layout) {
        this(
                spec,
                cpus,
                regions,
                layout,
                allocate(spec, Integer.toUnsignedLong(spec.maxEntries()) * layout.slotBytes()));
    }

    private ArrayMap(MapSpec spec, int cpus, RegionTable regions, ValueLayout layout, byte[] bytes) {
        super(spec, spec.maxEntries(), cpus, regions);
        this.percpu = spec.type().isPerCpu();
        this.layout = layout;
        this.slotBytes = layout.slotBytes();
        RegionKind kind = isGlobalData(spec) ? RegionKind.GLOBAL_DATA : RegionKind.MAP_VALUE;
        this.values = regions().register(kind, bytes, isWritableByPrograms(), this);
    }

    /** {@return true for a section's global data: a single-element ARRAY named like a section ({@code .data} …)} */
    static boolean isGlobalData(MapSpec spec) {
        return spec.type() == MapType.ARRAY
                && spec.maxEntries() == 1
                && spec.name().startsWith(".");
    }

    @Override
    public Kind kind() {
        return Kind.ARRAY;
    }

    /** {@return the region holding every value, for engines that inline lookups} */
    public Region valuesRegion() {
        return values;
    }

    /** {@return the bytes between consecutive elements: round_up(value_size, 8), times the CPUs for per-CPU arrays} */
    public int elementSize() {
        return slotBytes;
    }

    @Override
    public long valueAddress(int offset) {
        if (maxEntries() != 1 || percpu) {
            return super.valueAddress(offset);
        }
        if (Integer.toUnsignedLong(offset) >= valueSize()) {
            throw new MapException(
                    name(), "value address", Errno.EINVAL, "offset " + offset + " beyond value_size " + valueSize());
        }
        return values.address(offset);
    }

    @Override
    public long lookupFromProgram(ProgramContext ctx, byte[] key, int keyOff) {
        long index = ArrayIndex.of(key, keyOff);
        if (index >= Integer.toUnsignedLong(maxEntries())) {
            return 0;
        }
        int cpuOffset = percpu ? layout.cpuOffset(cpuOf(ctx)) : 0;
        return values.address((int) index * slotBytes + cpuOffset);
    }

    /** array_map_update_elem(). */
    @Override
    public long updateFromProgram(ProgramContext ctx, byte[] key, int keyOff, byte[] value, int valueOff, long flags) {
        if (!isWritableByPrograms()) {
            return Errno.EPERM.negative();
        }
        long index = ArrayIndex.of(key, keyOff);
        int err = checkUpdate(index, flags);
        if (err != 0) {
            return err;
        }
        if ((flags & F_LOCK) != 0) {
            return Errno.EINVAL.negative();
        }
        layout.writeOne(values.bytes(), (int) index * slotBytes, percpu ? cpuOf(ctx) : 0, value, valueOff);
        return 0;
    }

    /** array_map_delete_elem(): array elements cannot be deleted. */
    @Override
    public long deleteFromProgram(ProgramContext ctx, byte[] key, int keyOff) {
        return Errno.EINVAL.negative();
    }

    @Override
    int doLookup(byte[] key, byte[] out) {
        long index = ArrayIndex.of(key, 0);
        if (index >= Integer.toUnsignedLong(maxEntries())) {
            return (int) Errno.ENOENT.negative();
        }
        layout.read(values.bytes(), (int) index * slotBytes, percpu, out);
        return 0;
    }

    /** array_map_update_elem(), bpf_percpu_array_update(). */
    @Override
    int doUpdate(byte[] key, byte[] value, long flags) {
        long index = ArrayIndex.of(key, 0);
        int err = checkUpdate(index, flags);
        if (err != 0) {
            return err;
        }
        if (percpu) {
            layout.writeAll(values.bytes(), (int) index * slotBytes, value);
        } else {
            layout.writeOne(values.bytes(), (int) index * slotBytes, 0, value, 0);
        }
        return 0;
    }

    private int checkUpdate(long index, long flags) {
        if ((flags & ~F_LOCK) > EXIST || flags < 0) {
            return (int) Errno.EINVAL.negative();
        }
        if (index >= Integer.toUnsignedLong(maxEntries())) {
            return (int) Errno.E2BIG.negative();
        }
        if ((flags & NOEXIST) != 0) {
            return (int) Errno.EEXIST.negative();
        }
        return 0;
    }

    @Override
    int doDelete(byte[] key) {
        return (int) Errno.EINVAL.negative();
    }

    @Override
    int doNextKey(byte[] key, byte[] next) {
        return ArrayIndex.nextKey(key, next, maxEntries());
    }

    @Override
    void releaseValues() {
        regions().release(values);
    }
}
