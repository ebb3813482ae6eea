package dev.ebpfjvm.core.maps;

/**
 * The view of a {@code BPF_MAP_TYPE_PERF_EVENT_ARRAY} that {@code bpf_perf_event_output} needs.
 * The map implementing it owns a {@link dev.ebpfjvm.core.memory.RegionKind#MAP} region, so the map
 * pointer a program passes resolves to it; each slot holds the consumer that user space attached
 * (the kernel's perf event with its ring buffer).
 */
public interface PerfEventArray {
    /** {@return the number of slots} */
    int maxEntries();

    /**
     * Delivers one record to the consumer in a slot ({@code perf_event_output()}).
     *
     * @param index a slot below {@link #maxEntries()}
     * @param cpu the CPU the program runs on
     * @param record the program's data followed by the packet bytes it asked for
     * @return 0, -ENOENT for an empty slot, or -EOPNOTSUPP when the slot's event belongs to
     *     another CPU
     */
    long output(int index, int cpu, byte[] record);
}
