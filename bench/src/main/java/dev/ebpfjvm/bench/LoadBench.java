package dev.ebpfjvm.bench;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From a program to its first result: {@code Engine.load} (for the JIT: plan, generate, define
 * the hidden class) plus the first run, on {@link SyntheticPrograms} of 100, 1,000 and 10,000
 * instructions. {@link #loadAndRun} is the warm cost (each invocation a program not loaded
 * before, ASM and the JIT already compiled); {@link #coldLoadAndRun} the first load in a fresh VM.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar LoadBench.loadAndRun -f 1 -wi 3 -w 2s -i 5 -r 2s
 * java -jar bench/target/benchmarks.jar LoadBench.coldLoadAndRun
 * </pre>
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoadBench {
    private static final int PROGRAMS = 64;

    /** The program length in instructions. */
    @Param({"100", "1000", "10000"})
    public int size;

    /** The engine. */
    @Param({"interpreter", "jit"})
    public String engine;

    private Engine loader;
    private Program[] programs;
    private int next;

    /** Generates the programs the invocations cycle through. */
    @Setup
    public void setUp() {
        loader = Engines.byName(engine);
        programs = new Program[PROGRAMS];
        for (int i = 0; i < PROGRAMS; i++) {
            programs[i] = SyntheticPrograms.of(size, i);
        }
    }

    /** {@return r0 of the first run of a program loaded now} (warm: the JIT's own code compiled) */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public long loadAndRun() {
        return loadAndRunOnce(programs[next++ % PROGRAMS]);
    }

    /** {@return r0 of the first program loaded in a fresh VM} */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public long coldLoadAndRun() {
        return loadAndRunOnce(programs[0]);
    }

    private long loadAndRunOnce(Program program) {
        try (Executable e = loader.load(program)) {
            return e.run(new ProgramContext());
        }
    }
}
