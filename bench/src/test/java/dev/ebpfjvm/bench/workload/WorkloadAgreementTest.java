package dev.ebpfjvm.bench.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.maps.BpfMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard of the benchmarks: every workload returns, run after run, the r0 its model expects,
 * on both engines, and the two engines leave the same buffer and the same map contents behind.
 * So a benchmark measures the program it claims to, computing what it should.
 */
class WorkloadAgreementTest {
    private static final int RUNS = 3;

    static List<String> names() {
        return Workloads.names();
    }

    @Test
    void everyWorkload_hasModel() {
        assertEquals(new TreeSet<>(Workloads.names()), new TreeSet<>(Models.ALL.keySet()));
    }

    @ParameterizedTest
    @MethodSource("names")
    void run_matchesModelOnBothEngines(String name) {
        Workload workload = Workloads.byName(name);
        try (Instance interp = workload.open(engine("interpreter"));
                Instance jit = workload.open(engine("jit"))) {
            Models.Model model = Models.ALL.get(name).get();
            byte[] modelBuffer = interp.buffer().clone();
            long mask = workload.origin().equals("fixture") ? 0xffff_ffffL : -1L;
            for (int run = 1; run <= RUNS; run++) {
                long expected = model.run(modelBuffer);
                long r0 = interp.run();
                assertEquals(r0, jit.run(), name + " run " + run + ": the JIT against the interpreter");
                assertEquals(expected, r0 & mask, name + " run " + run + ": the model");
            }
            assertArrayEquals(modelBuffer, interp.buffer(), name + ": buffer after the interpreter's runs");
            assertArrayEquals(modelBuffer, jit.buffer(), name + ": buffer after the JIT's runs");
            assertEquals(contents(interp), contents(jit), name + ": maps after the runs");
        }
    }

    @Test
    void mapHash_leavesTheModelsCounters() {
        OwnModels.MapHash model = new OwnModels.MapHash();
        try (Instance jit = Workloads.byName("map_hash").open(engine("jit"))) {
            for (int run = 0; run < RUNS; run++) {
                model.run(jit.buffer());
                jit.run();
            }
            Map<String, String> expected = new TreeMap<>();
            model.counters().forEach((k, v) -> expected.put(hexLe(k, 4), hexLe(v, 8)));
            assertEquals(expected, contents(jit).get("counters"));
            assertTrue(expected.size() >= 16, "the runs fill the table: " + expected.size() + " keys");
        }
    }

    private static Engine engine(String name) {
        return Engines.byName(name);
    }

    /** Every map's entries as hex key → hex value, ordered. */
    private static Map<String, Map<String, String>> contents(Instance instance) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        HexFormat hex = HexFormat.of();
        for (BpfMap map : instance.maps().values()) {
            Map<String, String> entries = new TreeMap<>();
            map.keys().forEach(k -> entries.put(hex.formatHex(k), hex.formatHex(map.lookup(k))));
            out.put(map.name(), entries);
        }
        return out;
    }

    private static String hexLe(long value, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return HexFormat.of().formatHex(b);
    }
}
