package dev.ebpfjvm.bench;

import dev.ebpfjvm.bench.workload.Instance;
import dev.ebpfjvm.bench.workload.Workloads;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Steady-state time of one run of a program, per engine: the program is prepared once per trial
 * and run once per invocation with the same {@link ProgramContext}, its r0 returned to JMH's
 * blackhole. JMH forks a JVM per parameter combination, so the call site below only ever sees
 * one program class (DESIGN.md, "Calling programs: no megamorphic hot path").
 *
 * <p>The {@code program} values are {@link Workloads#names()} (a test keeps the two in step).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineBench {
    /** The engine's name, as {@link Engines#byName} takes it. */
    @Param({"interpreter", "jit"})
    public String engine;

    /** The workload's name. */
    @Param({
        "empty", "alu64_loop", "mem_rw_1k", "csum_1500", "calls", "div_loop", "straight_line",
        "alu_mix", "parse_tcp", "parse_lookup", "inet_csum", "map_hash", "map_array", "call_chain",
        "ipv4_filter", "conntrack", "legacy_count", "percpu_stats", "atomic_ops"
    })
    public String program;

    private Instance instance;
    private Executable executable;
    private ProgramContext context;

    /** Prepares the program on the engine, with fresh input and maps. */
    @Setup(Level.Trial)
    public void open() {
        instance = Workloads.byName(program).open(Engines.byName(engine));
        executable = instance.executable();
        context = instance.context();
    }

    /** Releases the program and its maps. */
    @TearDown(Level.Trial)
    public void close() {
        instance.close();
    }

    /** One run. {@return r0, for JMH to consume} */
    @Benchmark
    public long run() {
        return executable.run(context);
    }
}
