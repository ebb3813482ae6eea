package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.helpers.TcHelpers;
import dev.ebpfjvm.core.load.LoadedObject;
import dev.ebpfjvm.core.load.ObjectLoader;
import dev.ebpfjvm.core.maps.PerfEventArrayMap;
import dev.ebpfjvm.core.maps.PinRegistry;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.testing.TestPaths;
import dev.ebpfjvm.core.testrun.SkbTestRun;
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
        try (LoadedObject obj = load(engineName)) {
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
                List<String> want = slot != cpu ? List.of()
                        : List.of(EVENT + "0100" + "00000000", EVENT + "0200" + FRAME.substring(0, 68) + "0000");
                assertEquals(want, got.get(slot), "slot " + slot);
            }
        }
    }

    @ParameterizedTest(name = "{0} cpu {1}")
    @MethodSource("enginesAndCpus")
    void failedOutputDropsThePacket(String engineName, int cpu) throws IOException {
        try (LoadedObject obj = load(engineName)) {
            PerfEventArrayMap events = (PerfEventArrayMap) obj.map("events");
            List<String> records = new ArrayList<>();
            events.attach(cpu, CPUS - 1 - cpu, r -> records.add(HexFormat.of().formatHex(r)));
            assertEquals(2, run(obj, cpu), "TC_ACT_SHOT after -EOPNOTSUPP");
            events.detach(cpu);
            assertEquals(2, run(obj, cpu), "TC_ACT_SHOT after -ENOENT");
            assertEquals(List.of(), records);
        }
    }

    private static LoadedObject load(String engineName) throws IOException {
        ObjectSpec spec = ObjectReader.read(TestPaths.testdata().resolve("perf_events.o"));
        return ObjectLoader.builder().engine(Engines.byName(engineName)).helpers(TcHelpers.registry())
                .pins(new PinRegistry()).cpus(CPUS).build().load(spec);
    }

    private static long run(LoadedObject obj, int cpu) {
        Environment env = new Environment(() -> 1_000_000, () -> 2_000_000, new Random(1), line -> { }, CPUS);
        ProgramContext ctx = new ProgramContext(new Memory(), env);
        ctx.setCpu(cpu);
        long[] error = new long[1];
        byte[] frame = HexFormat.of().parseHex(FRAME);
        Skb skb = SkbTestRun.prepare(ctx, frame, new byte[192], error);
        assertEquals(0, error[0], "test-run setup");
        SkbTestRun.Outcome o = SkbTestRun.run(obj.program("perf_events"), ctx, skb, frame.length);
        assertEquals(0, o.error(), "test-run error");
        return o.retval();
    }
}
