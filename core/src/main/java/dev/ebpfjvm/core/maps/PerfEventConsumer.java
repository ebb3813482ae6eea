package dev.ebpfjvm.core.maps;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What user space puts into a slot of a {@link PerfEventArrayMap}: the kernel's perf event of type
 * {@code PERF_COUNT_SW_BPF_OUTPUT} opened on one CPU, with its ring buffer reduced to the callback
 * that libbpf's {@code perf_buffer} would call for each sample.
 *
 * @param cpu the CPU the event is bound to; programs on other CPUs get -EOPNOTSUPP when they
 *     output to it
 * @param sink receives each record's raw bytes, on the thread of the program that output it
 */
public record PerfEventConsumer(int cpu, Consumer<byte[]> sink) {
    public PerfEventConsumer {
        if (cpu < 0) {
            throw new IllegalArgumentException("cpu must not be negative: " + cpu);
        }
        Objects.requireNonNull(sink, "sink");
    }
}
