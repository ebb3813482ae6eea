package dev.ebpfjvm.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapException;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.memory.RegionTable;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runtime as a user meets it: load, handles by name, test runs, typed maps, ids and the memory budget. */
class BpfRuntimeTest {
    private static final byte[] FRAME = HexFormat.of().parseHex(
            "000000000000020000000001080045000020123440004011269c0a0000010a00000203e80035000c1d2a01020304");

    private static ObjectSpec spec(String name) throws IOException {
        return ObjectReader.read(TestPaths.testdata().resolve(name + ".o"));
    }

    @Test
    void loadRunAndReadAMap() throws IOException {
        try (BpfRuntime runtime = BpfRuntime.create();
                BpfObject obj = runtime.load(TestPaths.testdata().resolve("forge.o"))) {
            BpfProgram count = obj.program("count_own");
            assertEquals(0, count.testRun(TestRun.of(FRAME)).retval(), "TC_ACT_OK");
            assertEquals(0, count.testRun(TestRun.of(FRAME)).retval());
            TypedMap<Integer, Long> own = obj.map("own", Codec.U32, Codec.U64);
            assertEquals(Optional.of(2L), own.lookup(0));
            own.put(0, 40L);
            count.testRun(TestRun.of(FRAME));
            assertEquals(Map.of(0, 41L), own.entries());
        }
    }

    @Test
    void idsAreTheRuntimesOwn() throws IOException {
        try (BpfRuntime a = BpfRuntime.create(); BpfRuntime b = BpfRuntime.create();
                BpfObject first = a.load(spec("forge")); BpfObject second = a.load(spec("forge"));
                BpfObject other = b.load(spec("forge"))) {
            List<Integer> ids = first.programs().values().stream().map(BpfProgram::id).toList();
            assertEquals(List.of(1, 2, 3, 4), ids);
            assertEquals(5, second.program("forge_write").id());
            assertEquals(1, other.program("forge_write").id(), "another runtime counts from 1");
            assertEquals(first.map("own").id(), other.map("own").id());
            assertTrue(first.map("own").id() != second.map("own").id());
        }
    }

    @Test
    void memoryIsChargedWhileLoadedAndReturnedOnClose() throws IOException {
        try (BpfRuntime runtime = BpfRuntime.create()) {
            assertEquals(0, runtime.memoryCharged());
            BpfObject obj = runtime.load(spec("conntrack"));
            assertTrue(runtime.memoryCharged() > 0);
            obj.close();
            assertEquals(0, runtime.memoryCharged());
        }
    }

    @Test
    void anObjectOverTheLimit_failsWithEnomem_andLeavesNothingCharged() throws IOException {
        long needed;
        try (BpfRuntime probe = BpfRuntime.create(); BpfObject obj = probe.load(spec("conntrack"))) {
            needed = probe.memoryCharged();
        }
        try (BpfRuntime tight = BpfRuntime.builder().memoryLimit(needed - 1).build()) {
            MapException e = assertThrows(MapException.class, () -> tight.load(spec("conntrack")));
            assertEquals(Errno.ENOMEM, e.errno());
            assertTrue(e.getMessage().contains("limit"), e.getMessage());
            assertEquals(0, tight.memoryCharged());
        }
        try (BpfRuntime exact = BpfRuntime.builder().memoryLimit(needed).build();
                BpfObject obj = exact.load(spec("conntrack"))) {
            assertEquals(needed, exact.memoryCharged());
        }
    }

    @Test
    void aHugeMap_isRefusedBeforeAnythingIsAllocated() {
        RegionTable regions = new RegionTable();
        for (MapSpec huge : List.of(MapSpec.of("huge_hash", MapType.HASH, 8, 4096, 1 << 27, 0), // more is E2BIG (HugeMapSpecTest)
                MapSpec.of("huge_array", MapType.ARRAY, 4, 1 << 20, 1 << 20, 0),
                MapSpec.of("huge_percpu", MapType.PERCPU_ARRAY, 4, 1 << 15, 1 << 24, 0))) {
            MapException e = assertThrows(MapException.class, () -> BpfMap.create(huge, 64, regions), huge.name());
            assertEquals(Errno.ENOMEM, e.errno(), e.getMessage());
        }
        assertEquals(0, regions.charged());
    }

    @Test
    void theKernelsPerTypeLimitsComeFirst() {
        MapException e = assertThrows(MapException.class, () -> BpfMap.create(
                MapSpec.of("big_value", MapType.PERCPU_ARRAY, 4, 64 << 10, 1, 0), 2, new RegionTable()));
        assertEquals(Errno.E2BIG, e.errno());
    }

    @Test
    void testRunRefusesWhatTheKernelRefuses() throws IOException {
        try (BpfRuntime runtime = BpfRuntime.create(); BpfObject obj = runtime.load(spec("forge"))) {
            TestRunException shortFrame = assertThrows(TestRunException.class,
                    () -> obj.program("count_own").testRun(TestRun.of(new byte[13])));
            assertEquals(Errno.EINVAL, shortFrame.errno());
            TestRunException device = assertThrows(TestRunException.class, () -> obj.program("count_own")
                    .testRun(TestRun.of(FRAME).withCtx(new SkBuffFields(0, 0, 0, 7, 0, new int[5], 0, 0, 0, 0))));
            assertEquals(Errno.ENODEV, device.errno());
            byte[] ctxIn = new byte[192];
            ctxIn[0] = 1; // len: not a field a test run takes in
            assertEquals(Errno.EINVAL, assertThrows(TestRunException.class, () -> SkBuffFields.fromStruct(ctxIn)).errno());
        }
    }

    @Test
    void namesThatDoNotExistAreErrorsNamingWhatExists() throws IOException {
        try (BpfRuntime runtime = BpfRuntime.create(); BpfObject obj = runtime.load(spec("forge"))) {
            IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> obj.program("nope"));
            assertTrue(p.getMessage().contains("count_own"), p.getMessage());
            IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> obj.map("nope"));
            assertTrue(m.getMessage().contains("own"), m.getMessage());
            assertThrows(IllegalArgumentException.class, () -> obj.map("own", Codec.U64, Codec.U64));
        }
    }

    @Test
    void closingTheRuntimeClosesItsObjects() throws IOException {
        BpfRuntime runtime = BpfRuntime.create();
        runtime.load(spec("forge"));
        runtime.load(spec("conntrack"));
        runtime.close();
        assertEquals(0, runtime.memoryCharged());
    }
}
