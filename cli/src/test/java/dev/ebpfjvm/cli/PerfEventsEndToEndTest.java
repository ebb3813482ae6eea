package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.maps.PerfEventArrayMap;
import dev.ebpfjvm.core.runtime.BpfObject;
import dev.ebpfjvm.core.runtime.BpfProgram;
import dev.ebpfjvm.core.runtime.BpfRuntime;
import dev.ebpfjvm.core.runtime.LoadOptions;
import dev.ebpfjvm.core.runtime.TestRun;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * testdata/perf_events.o on every engine: the program sends a 16-byte record and then the record
 * with the Ethernet and IPv4 headers to its CPU's slot of a PERF_EVENT_ARRAY that the loader sized
 * to the CPU count, and drops the packet when an output fails.
 */
class PerfEventsEndToEndTest {
    private static final int CPUS = 2;
    /** Ethernet, IPv4 10.0.0.1 → 10.0.0.2 TTL 64 UDP, 46 bytes. */
    private static final String FRAME = "000000000000" + "020000000001" + "0800"
            + "45000020" + "00010000" + "401166ca" + "0a000001" + "0a000002"
            + "03e80035" + "000c" + "e3b0" + "01020304";
    /** struct event: saddr, daddr, len 46 (LE), proto UDP, ttl 64; seq (LE) follows. */
    private static final String EVENT = "0a000001" + "0a000002" + "2e000000" + "11" + "40";

    static Stream<Arguments> enginesAndCpus() {
        List<Arguments> all = new ArrayList<>();
        for (Engine engine : Engines.all()) {
            for (int cpu = 0; cpu < CPUS; cpu++) {
                all.add(Arguments.of(engine.name(), cpu));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} cpu {1}")
    @MethodSource("enginesAndCpus")
    void recordsReachTheConsumerOfTheRunsCpu(String engineName, int cpu) throws IOException {
        try (BpfRuntime runtime = runtime();
                BpfObject obj = load(runtime, engineName)) {
            PerfEventArrayMap events = (PerfEventArrayMap) obj.map("events");
            assertEquals(CPUS, events.maxEntries());
            List<List<String>> got = new ArrayList<>();
            for (int slot = 0; slot < CPUS; slot++) {
                List<String> records = new ArrayList<>();
                got.add(records);
                events.attach(slot, slot, r -> records.add(HexFormat.of().formatHex(r)));
            }
            assertEquals(0, run(obj, cpu), "TC_ACT_OK");
            for (int slot = 0; slot < CPUS; slot++) {
                List<String> want = slot != cpu
                        ? List.of()
                        : List.of(EVENT + "0100" + "00000000", EVENT + "0200" + FRAME.substring(0, 68) + "0000");
                assertEquals(want, got.get(slot), "slot " + slot);
            }
        }
    }

    @ParameterizedTest(name = "{0} cpu {1}")
    @MethodSource("enginesAndCpus")
    void failedOutputDropsThePacket(String engineName, int cpu) throws IOException {
        try (BpfRuntime runtime = runtime();
                BpfObject obj = load(runtime, engineName)) {
            PerfEventArrayMap events = (PerfEventArrayMap) obj.map("events");
            List<String> records = new ArrayList<>();
            events.attach(cpu, CPUS - 1 - cpu, r -> records.add(HexFormat.of().formatHex(r)));
            assertEquals(2, run(obj, cpu), "TC_ACT_SHOT after -EOPNOTSUPP");
            events.detach(cpu);
            assertEquals(2, run(obj, cpu), "TC_ACT_SHOT after -ENOENT");
            assertEquals(List.of(), records);
        }
    }

    private static BpfObject load(BpfRuntime runtime, String engineName) throws IOException {
        ObjectSpec spec = ObjectReader.read(TestPaths.testdata().resolve("perf_events.o"));
        return runtime.load(spec, LoadOptions.defaults().engine(Engines.byName(engineName)));
    }

    private static BpfRuntime runtime() {
        return BpfRuntime.builder()
                .environment(new Environment(() -> 1_000_000, () -> 2_000_000, new Random(1), line -> {}, CPUS))
                .build();
    }

    private static long run(BpfObject obj, int cpu) {
        BpfProgram program = obj.program("perf_events");
        ProgramContext ctx = program.testRunContext(TestRun.of(HexFormat.of().parseHex(FRAME)));
        ctx.setCpu(cpu);
        return program.executable().run(ctx);
    }
}
