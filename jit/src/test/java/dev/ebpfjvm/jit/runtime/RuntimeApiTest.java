package dev.ebpfjvm.jit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.maps.MapException;
import dev.ebpfjvm.core.runtime.BpfObject;
import dev.ebpfjvm.core.runtime.BpfRuntime;
import dev.ebpfjvm.core.runtime.Codec;
import dev.ebpfjvm.core.runtime.LoadOptions;
import dev.ebpfjvm.core.runtime.TestRun;
import dev.ebpfjvm.core.runtime.TestRunResult;
import dev.ebpfjvm.core.runtime.TypedMap;
import dev.ebpfjvm.core.testing.TestPaths;
import dev.ebpfjvm.jit.JitEngine;
import dev.ebpfjvm.jit.JitOptions;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The runtime's load-and-run path, typed maps and memory limit on both engines, and the JIT reached with its options. */
class RuntimeApiTest {
    private static final byte[] ARP = HexFormat.of().parseHex("ffffffffffff0200000000010806" + "00".repeat(28));
    private static final byte[] IPV4 = HexFormat.of()
            .parseHex("000000000000020000000001080045000020123440004011269c0a0000010a00000203e80035000c1d2a01020304");

    static Stream<Engine> engines() {
        return Stream.concat(
                Engines.all().stream(),
                Stream.of(new JitEngine(JitOptions.defaults().withCheckBytecode(true))));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void loadTestRunAndReadTypedMaps(Engine engine) throws IOException {
        try (BpfRuntime runtime = BpfRuntime.create();
                BpfObject obj = runtime.load(
                        dev.ebpfjvm.core.elf.ObjectReader.read(
                                TestPaths.testdata().resolve("eth_proto_count.o")),
                        LoadOptions.defaults().engine(engine))) {
            TestRunResult arp = obj.program("count_ethertype").testRun(TestRun.of(ARP));
            assertEquals(-1, arp.retvalS32(), "TC_ACT_UNSPEC");
            assertEquals(0x806, arp.ctx().mark());
            assertEquals(
                    0, obj.program("count_ethertype").testRun(TestRun.of(IPV4)).retvalS32(), "TC_ACT_OK");
            TypedMap<Integer, Long> counts = obj.map("proto_counts", Codec.U32, Codec.U64);
            assertEquals(Optional.of(1L), counts.lookup(2), "one ARP frame");
            assertEquals(Optional.of(1L), counts.lookup(0), "one IPv4 frame");
            counts.put(5, 7L);
            assertEquals(Map.of(0, 1L, 1, 0L, 2, 1L, 3, 0L, 4, 0L, 5, 7L), counts.entries());
            MapException e = assertThrows(MapException.class, () -> counts.put(99, 1L));
            assertEquals(Errno.E2BIG, e.errno());
            TestRunResult timed =
                    obj.program("count_ethertype").testRun(TestRun.of(IPV4).withRepeat(10));
            assertEquals(0, timed.retvalS32());
            assertEquals(true, timed.durationNs().isPresent());
        }
    }

    @Test
    void aRuntimesMemoryLimitHoldsWhateverTheEngine() throws IOException {
        for (Engine engine : engines().toList()) {
            try (BpfRuntime tight = BpfRuntime.builder().memoryLimit(64).build()) {
                MapException e = assertThrows(
                        MapException.class,
                        () -> tight.load(
                                dev.ebpfjvm.core.elf.ObjectReader.read(
                                        TestPaths.testdata().resolve("conntrack.o")),
                                LoadOptions.defaults().engine(engine)));
                assertEquals(Errno.ENOMEM, e.errno(), engine.name());
                assertEquals(0, tight.memoryCharged());
            }
        }
        assertEquals(
                List.of("interpreter", "jit"),
                Engines.all().stream().map(Engine::name).sorted().toList());
    }
}
