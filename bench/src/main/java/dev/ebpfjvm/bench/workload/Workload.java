package dev.ebpfjvm.bench.workload;

import dev.ebpfjvm.core.exec.Engine;

/**
 * One benchmark program with everything it needs to run: its code, its input and its maps.
 * {@link #open} builds a fresh {@link Instance} each time, so two engines (or two benchmark
 * forks) start from the same state and can be compared run by run.
 */
public interface Workload {
    /** {@return the name the benchmarks' {@code program} parameter uses} */
    String name();

    /** {@return where the program comes from: "micro" (testdata/bench), "asm" (ours) or "fixture" (testdata/)} */
    String origin();

    /**
     * Prepares the program on an engine with a new input buffer, new maps and a new
     * {@link dev.ebpfjvm.core.exec.ProgramContext}.
     *
     * @throws dev.ebpfjvm.core.EbpfException when the engine rejects the program
     */
    Instance open(Engine engine);
}
