package dev.ebpfjvm.core.maps;

import static dev.ebpfjvm.core.maps.MapFixtures.assertErrno;
import static dev.ebpfjvm.core.maps.MapFixtures.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PERF_EVENT_ARRAY: create checks, consumers per slot, output errors, concurrent output. */
class PerfEventArrayMapTest {
    private static PerfEventArrayMap create(int maxEntries) {
        return (PerfEventArrayMap) MapFixtures.create(MapType.PERF_EVENT_ARRAY, 4, 4, maxEntries);
    }

    /** fd_array_map_alloc_check() then array_map_alloc_check(). */
    @ParameterizedTest
    @CsvSource({
        "4,4,2,0,ok",
        "8,4,2,0,EINVAL",
        "4,8,2,0,EINVAL",
        "0,4,2,0,EINVAL",
        "4,0,2,0,EINVAL",
        "4,4,0,0,EINVAL",
        "4,4,2,0x800,ok",
        "4,4,2,0x80,EINVAL",
        "4,4,2,0x400,EINVAL"
    })
    void create_checksLikeTheKernel(int keySize, int valueSize, int maxEntries, String flags, String want) {
        MapSpec spec =
                MapFixtures.spec(MapType.PERF_EVENT_ARRAY, keySize, valueSize, maxEntries, Integer.decode(flags));
        String got;
        try (BpfMap map = TestRegions.map(spec, 2)) {
            assertEquals(BpfMap.Kind.PERF_EVENT_ARRAY, map.kind());
            got = "ok";
        } catch (MapException e) {
            got = e.errno().name();
        }
        assertEquals(want, got);
    }

    @Test
    void output_reachesTheConsumerOfTheSlotPaddedLikePerf() {
        try (PerfEventArrayMap map = create(2)) {
            List<String> got = new ArrayList<>();
            map.attach(0, 0, r -> got.add("0:" + hex(r)));
            map.attach(1, 1, r -> got.add("1:" + hex(r)));
            assertEquals(0, map.output(0, 0, hex("0102030405060708090a0b0c")));
            assertEquals(0, map.output(1, 1, hex("0102030405")));
            assertEquals(0, map.output(1, 1, new byte[0]));
            assertEquals(List.of("0:0102030405060708090a0b0c", "1:010203040500000000000000", "1:00000000"), got);
            assertEquals(1, map.get(1).cpu());
        }
    }

    @Test
    void output_errors() {
        try (PerfEventArrayMap map = create(2)) {
            assertEquals(Errno.ENOENT.negative(), map.output(0, 0, new byte[4]));
            map.attach(0, 1, r -> {});
            assertEquals(Errno.EOPNOTSUPP.negative(), map.output(0, 0, new byte[4]));
            assertEquals(0, map.output(0, 1, new byte[4]));
            assertTrue(map.detach(0));
            assertFalse(map.detach(0));
            assertEquals(Errno.ENOENT.negative(), map.output(0, 1, new byte[4]));
        }
    }

    @Test
    void userSpace_attachChecksAndByteApi() {
        try (PerfEventArrayMap map = create(2)) {
            assertErrno(Errno.E2BIG, () -> map.attach(2, 0, r -> {}));
            assertErrno(Errno.EINVAL, () -> map.attach(0, 2, r -> {}));
            assertErrno(Errno.ENOTSUPP, () -> map.lookup(BpfMap.u32(0)));
            assertErrno(Errno.ENOTSUPP, () -> map.update(BpfMap.u32(0), BpfMap.u32(3), BpfMap.ANY));
            assertFalse(map.delete(BpfMap.u32(1)));
            assertErrno(Errno.E2BIG, () -> map.delete(BpfMap.u32(2)));
            map.attach(1, 0, r -> {});
            assertTrue(map.delete(BpfMap.u32(1)));
            assertNull(map.get(1));
        }
    }

    @Test
    void output_fromTwoThreadsReachesEveryRecord() throws Exception {
        int perThread = 20_000;
        try (PerfEventArrayMap map = create(2)) {
            AtomicLong records = new AtomicLong();
            ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
            for (int cpu = 0; cpu < 2; cpu++) {
                map.attach(cpu, cpu, r -> {
                    records.incrementAndGet();
                    if (r.length != 12) {
                        sizes.add(r.length);
                    }
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Long>> failures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int cpu = t;
                failures.add(pool.submit(() -> {
                    long failed = 0;
                    for (int i = 0; i < perThread; i++) {
                        failed += map.output(cpu, cpu, new byte[10]) != 0 ? 1 : 0;
                    }
                    return failed;
                }));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
            for (Future<Long> f : failures) {
                assertEquals(0L, f.get());
            }
            assertEquals(2L * perThread, records.get());
            assertEquals(List.of(), List.copyOf(sizes));
        }
    }
}
