package dev.ebpfjvm.bench;

import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One run of a program ({@link BenchPrograms}) on the interpreter or the JIT, in ns. Each fork
 * runs one engine and one program, so the call site stays monomorphic (DESIGN.md). The buffer is
 * not reset between runs; the programs' timing does not depend on its content.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar EngineBench -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineBench {
    /** The engine. */
    @Param({"interpreter", "jit"})
    public String engine;

    /** The program, by {@link BenchPrograms} name. */
    @Param({"alu64_loop", "packet_parser", "csum_1500", "map_heavy", "calls", "div_loop", "empty", "mem_rw_1k",
        "straight_line"})
    public String program;

    private BenchProgram bench;
    private Executable executable;
    private ProgramContext ctx;

    /** Loads the program on the engine. */
    @Setup
    public void setUp() {
        bench = BenchPrograms.load(program);
        executable = Engines.byName(engine).load(bench.program());
        ctx = bench.context();
    }

    /** Releases the executable and the maps. */
    @TearDown
    public void tearDown() throws Exception {
        executable.close();
        bench.close();
    }

    /** {@return r0 of one run} */
    @Benchmark
    public long run() {
        return executable.run(ctx);
    }
}
