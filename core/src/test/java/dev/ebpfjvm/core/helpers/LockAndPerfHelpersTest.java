package dev.ebpfjvm.core.helpers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.memory.RegionTable;
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
        Region region = RegionTable.GLOBAL.register(RegionKind.MAP_VALUE, value, true, null);
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
            RegionTable.GLOBAL.release(region);
        }
    }

    @Test
    void spinLock_unalignedFaults() {
        Region region = RegionTable.GLOBAL.register(RegionKind.MAP_VALUE, new byte[8], true, null);
        try {
            assertThrows(ProgramFaultException.class, () -> LockHelpers.spinLock(h.ctx, region.address(2), 0, 0, 0, 0));
        } finally {
            RegionTable.GLOBAL.release(region);
        }
    }

    /** A perf event array with consumers on slots 0 and 1; slot 1's event lives on CPU 2. */
    private static final class Events implements PerfEventArray {
        final List<String> records = new ArrayList<>();

        @Override
        public int maxEntries() {
            return 4;
        }

        @Override
        public long output(int index, int cpu, byte[] record) {
            if (index > 1) {
                return -2;
            }
            if (index == 1 && cpu != 2) {
                return -95;
            }
            records.add(index + ":" + HexFormat.of().formatHex(record));
            return 0;
        }
    }

    @Test
    void perfEventOutput_sendsDataAndPacketBytes() {
        Events events = new Events();
        Region map = RegionTable.GLOBAL.register(RegionKind.MAP, new byte[0], false, events);
        try {
            h.putHex(Harness.stack(0), "aabb");
            long flags = (14L << 32) | PerfHelpers.F_CURRENT_CPU;
            assertEquals(0, PerfHelpers.perfEventOutput(h.ctx, 0, map.address(0), flags, Harness.stack(0), 2));
            assertEquals(List.of("0:aabb" + Harness.IPV4_UDP.substring(0, 28)), events.records);
            assertEquals(-95, PerfHelpers.perfEventOutput(h.ctx, 0, map.address(0), 1, Harness.stack(0), 2));
            h.ctx.setCpu(2);
            assertEquals(0, PerfHelpers.perfEventOutput(h.ctx, 0, map.address(0), 1, Harness.stack(0), 0));
            assertEquals(-2, PerfHelpers.perfEventOutput(h.ctx, 0, map.address(0), 3, Harness.stack(0), 2));
            assertEquals(-7, PerfHelpers.perfEventOutput(h.ctx, 0, map.address(0), 4, Harness.stack(0), 2));
            assertEquals(-14, PerfHelpers.perfEventOutput(h.ctx, 0, map.address(0), 47L << 32, Harness.stack(0), 2));
            assertEquals(-22, PerfHelpers.perfEventOutput(h.ctx, 0, map.address(0), 1L << 52, Harness.stack(0), 2));
            assertArrayEquals(new String[] {"0", "1"}, events.records.stream().map(r -> r.substring(0, 1)).toArray());
        } finally {
            RegionTable.GLOBAL.release(map);
        }
    }
}
