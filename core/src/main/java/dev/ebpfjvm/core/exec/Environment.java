package dev.ebpfjvm.core.exec;

import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What a run takes from the outside world, injectable so that every test is reproducible: the
 * clocks behind {@code ktime_get_*_ns}, the random source behind {@code get_prandom_u32}, the sink
 * of {@code trace_printk}, and the number of simulated CPUs behind per-CPU maps.
 *
 * @param monotonicNanos the monotonic clock, in nanoseconds
 * @param bootNanos the boot-time clock, in nanoseconds
 * @param random the random source; one per thread when runs are concurrent
 * @param trace receives each line a program prints with {@code trace_printk}
 * @param cpus the number of simulated CPUs, at least 1
 */
public record Environment(
        LongSupplier monotonicNanos, LongSupplier bootNanos, Random random, Consumer<String> trace, int cpus) {

    /** The seed of the default random source, so that default runs are reproducible. */
    public static final long DEFAULT_SEED = 0x5eed_ebbfL;

    public Environment {
        Objects.requireNonNull(monotonicNanos, "monotonicNanos");
        Objects.requireNonNull(bootNanos, "bootNanos");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(trace, "trace");
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1: " + cpus);
        }
    }

    /** {@return the real monotonic clock, a random seeded with {@link #DEFAULT_SEED}, trace to stderr, one CPU per core} */
    public static Environment defaults() {
        return new Environment(
                System::nanoTime,
                System::nanoTime,
                new Random(DEFAULT_SEED),
                line -> System.err.println(line),
                Runtime.getRuntime().availableProcessors());
    }
}
