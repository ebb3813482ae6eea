package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * {@code BPF_MAP_TYPE_PERF_EVENT_ARRAY} ({@code perf_event_array_map_ops} in kernel/bpf/arraymap.c):
 * one slot per index holding a perf event that user space opened on a CPU, here a
 * {@link PerfEventConsumer} put in with {@link #attach} (libbpf's {@code perf_buffer} opens one
 * event per CPU and stores it at the CPU's index). Programs send records with
 * {@code bpf_perf_event_output}, which resolves the map through its address as a
 * {@link PerfEventArray}; the slot choice and its -E2BIG check live in that helper
 * ({@link dev.ebpfjvm.core.helpers.PerfHelpers}), the per-slot checks in {@link #output}.
 *
 * <p>Created with key_size 4 and value_size 4 (a perf event fd), else EINVAL
 * (fd_array_map_alloc_check()); a max_entries of 0 is EINVAL here as in the kernel, and libbpf's
 * default of one slot per possible CPU is applied by the object loader. The byte API cannot
 * look up or store slots (they hold events, not bytes: {@code -ENOTSUPP}); it can delete them.
 */
public final class PerfEventArrayMap extends FdArrayMap<PerfEventConsumer> implements PerfEventArray {

    PerfEventArrayMap(MapSpec spec, int cpus, RegionTable regions) {
        super(spec, cpus, regions);
    }

    @Override
    public Kind kind() {
        return Kind.PERF_EVENT_ARRAY;
    }

    /**
     * Opens an event on a CPU and puts it into a slot, replacing what was there.
     *
     * @param sink receives every record a program on {@code cpu} outputs to this slot
     * @throws MapException E2BIG when the index is out of range, EINVAL for a CPU the map was not
     *     created for (perf_event_open() fails for it), EPERM when frozen or read-only
     */
    public void attach(int index, int cpu, Consumer<byte[]> sink) {
        checkWritable("update");
        if (cpu < 0 || cpu >= cpus()) {
            throw error("update", (int) Errno.EINVAL.negative(), "cpu " + cpu + " of " + cpus());
        }
        replace(checkedSlot(index), new PerfEventConsumer(cpu, sink));
    }

    /**
     * Empties a slot, as closing the perf event does (perf_event_fd_array_release()).
     * {@return false when it was empty} @throws MapException E2BIG out of range
     */
    public boolean detach(int index) {
        return clear(index);
    }

    /**
     * Delivers a record to the slot's consumer, as __bpf_perf_event_output() in
     * kernel/trace/bpf_trace.c does after its index check. The raw sample is padded with zeros so
     * that its size plus the 4-byte size field is a multiple of 8, as perf_prepare_sample() in
     * kernel/events/core.c does; consumers see that padded size, as libbpf's do.
     */
    @Override
    public long output(int index, int cpu, byte[] record) {
        PerfEventConsumer consumer = slot(Integer.toUnsignedLong(index));
        if (consumer == null) {
            return Errno.ENOENT.negative();
        }
        if (consumer.cpu() != cpu) {
            return Errno.EOPNOTSUPP.negative();
        }
        int padded = ((record.length + 4 + 7) & ~7) - 4;
        consumer.sink().accept(padded == record.length ? record : Arrays.copyOf(record, padded));
        return 0;
    }
}
