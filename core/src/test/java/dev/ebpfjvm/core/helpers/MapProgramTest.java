package dev.ebpfjvm.core.helpers;

import static dev.ebpfjvm.core.maps.BpfMap.u32;
import static dev.ebpfjvm.core.maps.BpfMap.u64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Programs using maps end to end through an engine: lddw of a map address, helper calls, atomics on values. */
class MapProgramTest {
    private static final HelperRegistry HELPERS =
            MapHelpers.register(HelperRegistry.builder()).build();

    /** Counts its runs in an array value with an atomic add, and records the last count in a hash. */
    private static String counter(BpfMap array, BpfMap hash) {
        return String.join(
                "\n",
                "mov %r1, 0",
                "stxw [%r10-4], %r1",
                "lddw %r1, " + array.address(),
                "mov %r2, %r10",
                "add %r2, -4",
                "call 1",
                "jeq %r0, 0, miss",
                "mov %r1, 1",
                "lock fetch add [%r0+0], %r1",
                "add %r1, 1",
                "stxdw [%r10-16], %r1",
                "mov %r1, 7",
                "stxdw [%r10-24], %r1",
                "lddw %r1, " + hash.address(),
                "mov %r2, %r10",
                "add %r2, -24",
                "mov %r3, %r10",
                "add %r3, -16",
                "mov %r4, 0",
                "call 2",
                "exit",
                "miss:",
                "mov %r0, -1",
                "exit");
    }

    @Test
    void counterProgram_onSeveralThreads_countsEveryRun() throws Exception {
        int threads = 4;
        int runs = 2_000;
        try (BpfMap array = TestRegions.map(MapSpec.of("counts", MapType.ARRAY, 4, 8, 1, 0), threads);
                BpfMap hash = TestRegions.map(MapSpec.of("last", MapType.HASH, 8, 8, 4, 0), threads);
                Executable exe = Engines.byName("interpreter")
                        .load(new Program(
                                "counter", Assembler.assemble(counter(array, hash)), HELPERS, TestRegions.reach()))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        ProgramContext ctx = new ProgramContext();
                        for (int i = 0; i < runs; i++) {
                            assertEquals(0, exe.run(ctx), "bpf_map_update_elem returned 0");
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals((long) threads * runs, array.lookupLong(u32(0)).getAsLong());
            long last = hash.lookupLong(u64(7)).getAsLong();
            assertEquals(true, last >= runs && last <= (long) threads * runs, "a count some run saw: " + last);
        }
    }
}
