package dev.ebpfjvm.core.helpers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.maps.PerfEventArrayMap;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LockAndPerfHelpersTest {
    private final Harness h = Harness.frame(Harness.IPV4_UDP);

    @Test
    void spinLock_excludesOtherThreads() throws Exception {
        byte[] value = new byte[16];
        Region region = TestRegions.register(RegionKind.MAP_VALUE, value, true, null);
        try {
            long lock = region.address(0);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                pool.submit(() -> {
                    Harness mine = Harness.frame(Harness.IPV4_UDP);
                    for (int i = 0; i < 2000; i++) {
                        LockHelpers.spinLock(mine.ctx, lock, 0, 0, 0, 0);
                        long v = LittleEndian.getU64(value, 8);
                        LittleEndian.putU64(value, 8, v + 1);
                        LockHelpers.spinUnlock(mine.ctx, lock, 0, 0, 0, 0);
                    }
                });
            }
            pool.shutdown();
            assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(8000, LittleEndian.getU64(value, 8));
            assertEquals(0, LittleEndian.getU32(value, 0));
        } finally {
            TestRegions.release(region);
        }
    }

    @Test
    void spinLock_unalignedFaults() {
        Region region = TestRegions.register(RegionKind.MAP_VALUE, new byte[8], true, null);
        try {
            assertThrows(ProgramFaultException.class, () -> LockHelpers.spinLock(h.ctx, region.address(2), 0, 0, 0, 0));
        } finally {
            TestRegions.release(region);
        }
    }

    /** Slot 0's event lives on CPU 0, slot 1's on CPU 2; slots 2 and 3 are empty. */
    @Test
    void perfEventOutput_sendsDataAndPacketBytes() {
        MapSpec spec = MapSpec.of("events", MapType.PERF_EVENT_ARRAY, 4, 4, 4, 0);
        try (PerfEventArrayMap events = (PerfEventArrayMap) TestRegions.map(spec, 4)) {
            List<String> records = new ArrayList<>();
            events.attach(0, 0, r -> records.add("0:" + HexFormat.of().formatHex(r)));
            events.attach(1, 2, r -> records.add("1:" + HexFormat.of().formatHex(r)));
            long map = events.address();
            h.putHex(Harness.stack(0), "aabb");
            long flags = (14L << 32) | PerfHelpers.F_CURRENT_CPU;
            assertEquals(0, PerfHelpers.perfEventOutput(h.ctx, 0, map, flags, Harness.stack(0), 2));
            assertEquals(List.of("0:aabb" + Harness.IPV4_UDP.substring(0, 28) + "00000000"), records);
            assertEquals(-95, PerfHelpers.perfEventOutput(h.ctx, 0, map, 1, Harness.stack(0), 2));
            h.ctx.setCpu(2);
            assertEquals(0, PerfHelpers.perfEventOutput(h.ctx, 0, map, 1, Harness.stack(0), 0));
            assertEquals(-2, PerfHelpers.perfEventOutput(h.ctx, 0, map, 3, Harness.stack(0), 2));
            assertEquals(
                    -2, PerfHelpers.perfEventOutput(h.ctx, 0, map, PerfHelpers.F_CURRENT_CPU, Harness.stack(0), 2));
            assertEquals(-7, PerfHelpers.perfEventOutput(h.ctx, 0, map, 4, Harness.stack(0), 2));
            assertEquals(-14, PerfHelpers.perfEventOutput(h.ctx, 0, map, 47L << 32, Harness.stack(0), 2));
            assertEquals(-22, PerfHelpers.perfEventOutput(h.ctx, 0, map, 1L << 52, Harness.stack(0), 2));
            assertEquals(
                    List.of("0", "1"),
                    records.stream().map(r -> r.substring(0, 1)).toList());
        }
    }

    @Test
    void perfEventOutput_otherMapFaults() {
        try (BpfMap array = TestRegions.map(MapSpec.of("a", MapType.ARRAY, 4, 4, 1, 0), 1)) {
            assertThrows(
                    ProgramFaultException.class,
                    () -> PerfHelpers.perfEventOutput(
                            h.ctx, 0, array.address(), PerfHelpers.F_CURRENT_CPU, Harness.stack(0), 0));
        }
    }
}
