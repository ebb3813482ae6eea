package dev.ebpfjvm.bench.firstrun;

import dev.ebpfjvm.bench.workload.Inputs;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.Assembler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures load → first run: for fresh {@link SyntheticProgram}s of each size, the time
 * {@link Engine#load} takes (for the JIT: bytecode generation and hidden-class definition) and the
 * time of the first run (for the JIT: linking and running the new class's bytecode before any JVM
 * compilation), with {@link System#nanoTime()}, and prints markdown table rows of medians. The
 * very first program of the JVM is reported apart ("cold"): it pays for loading the engine's own
 * classes. Run it once per engine in a fresh JVM:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.ebpfjvm.bench.firstrun.FirstRunMain --header jit
 * java -cp bench/target/benchmarks.jar dev.ebpfjvm.bench.firstrun.FirstRunMain interpreter
 * </pre>
 *
 * Options: {@code --header} prints the table header first; {@code --count N} programs measured
 * per size (default 40); {@code --warmup N} fresh programs run unmeasured before them, per size
 * (default 5; a few hundred let the JVM compile the engine's own code, as in a long-lived host);
 * {@code --sizes 100,1000,10000} (the default). Each row gives medians over the measured programs.
 */
public final class FirstRunMain {
    private final Engine engine;
    private final int warmup;
    private final byte[] buffer = Inputs.random(SyntheticProgram.BUFFER_SIZE);
    private long sink;

    private FirstRunMain(Engine engine, int warmup) {
        this.engine = engine;
        this.warmup = warmup;
    }

    /** Runs the measurement; see the class comment for the arguments. */
    public static void main(String[] args) {
        int count = 40;
        int warmup = 5;
        int[] sizes = {100, 1_000, 10_000};
        List<String> engines = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--header":
                    System.out.println(
                            "| engine | insns | warm-up programs | load (µs) | first run (µs) | load + first run (µs)"
                                    + " | first program of the JVM: load + first run (µs) |");
                    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
                    break;
                case "--count":
                    count = Integer.parseInt(args[++i]);
                    break;
                case "--warmup":
                    warmup = Integer.parseInt(args[++i]);
                    break;
                case "--sizes":
                    sizes = Arrays.stream(args[++i].split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                    break;
                default:
                    engines.add(args[i]);
            }
        }
        for (String name : engines) {
            new FirstRunMain(Engines.byName(name), warmup).measure(sizes, count);
        }
    }

    private void measure(int[] sizes, int count) {
        double cold = -1;
        for (int size : sizes) {
            double[] load = new double[count];
            double[] first = new double[count];
            double[] total = new double[count];
            for (int i = -warmup; i < count; i++) {
                long[] t = timeOne(program(size, size * 1_000_003L + i));
                if (cold < 0) {
                    cold = (t[2] - t[0]) / 1e3;
                }
                if (i >= 0) {
                    load[i] = (t[1] - t[0]) / 1e3;
                    first[i] = (t[2] - t[1]) / 1e3;
                    total[i] = (t[2] - t[0]) / 1e3;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %d | %,.1f | %,.1f | %,.1f | %s |%n",
                    engine.name(),
                    size,
                    warmup,
                    median(load),
                    median(first),
                    median(total),
                    size == sizes[0] ? String.format(Locale.ROOT, "%,.0f", cold) : "");
        }
        // keeps every r0 alive, so no run can be skipped as dead code
        System.err.printf("%s: r0 checksum %x%n", engine.name(), sink);
    }

    /** {@return nanoTime before load, after load, after the first run} */
    private long[] timeOne(Program program) {
        ProgramContext ctx = new ProgramContext().withBuffer(buffer);
        long t0 = System.nanoTime();
        Executable executable = engine.load(program);
        long t1 = System.nanoTime();
        sink += executable.run(ctx);
        long t2 = System.nanoTime();
        executable.close();
        return new long[] {t0, t1, t2};
    }

    /** {@return a synthetic program, assembled before any clock starts} */
    static Program program(int insns, long seed) {
        return new Program(
                "synthetic_" + insns,
                Assembler.assemble(SyntheticProgram.generate(insns, seed)),
                HelperRegistry.empty());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
