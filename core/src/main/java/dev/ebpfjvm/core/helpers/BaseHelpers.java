package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.exec.ProgramContext;

/**
 * Helpers that read the run's environment: the clocks, the random source and the CPU
 * (kernel/bpf/helpers.c, v6.18). Time and randomness come from the injectable
 * {@link dev.ebpfjvm.core.exec.Environment}, so runs are reproducible.
 */
public final class BaseHelpers {
    private BaseHelpers() {}

    /** {@code u64 bpf_ktime_get_ns(void)}: the monotonic clock. */
    public static long ktimeGetNs(ProgramContext ctx, long r1, long r2, long r3, long r4, long r5) {
        return ctx.environment().monotonicNanos().getAsLong();
    }

    /** {@code u64 bpf_ktime_get_boot_ns(void)}: the boot-time clock (which also counts suspend). */
    public static long ktimeGetBootNs(ProgramContext ctx, long r1, long r2, long r3, long r4, long r5) {
        return ctx.environment().bootNanos().getAsLong();
    }

    /**
     * {@code u64 bpf_ktime_get_coarse_ns(void)}: the monotonic clock at tick resolution in the
     * kernel; here the monotonic clock itself, which reads at least as late.
     */
    public static long ktimeGetCoarseNs(ProgramContext ctx, long r1, long r2, long r3, long r4, long r5) {
        return ctx.environment().monotonicNanos().getAsLong();
    }

    /** {@code u32 bpf_get_prandom_u32(void)}: 32 random bits, zero-extended. */
    public static long getPrandomU32(ProgramContext ctx, long r1, long r2, long r3, long r4, long r5) {
        return ctx.environment().random().nextInt() & 0xffffffffL;
    }

    /** {@code u32 bpf_get_smp_processor_id(void)}: the simulated CPU of the run. */
    public static long getSmpProcessorId(ProgramContext ctx, long r1, long r2, long r3, long r4, long r5) {
        return ctx.cpu();
    }

    /** {@code long bpf_get_numa_node_id(void)}: always node 0, the model has one NUMA node. */
    public static long getNumaNodeId(ProgramContext ctx, long r1, long r2, long r3, long r4, long r5) {
        return 0;
    }
}
