package dev.ebpfjvm.core.maps;

import static dev.ebpfjvm.core.maps.BpfMap.u32;
import static dev.ebpfjvm.core.maps.BpfMap.u64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.exec.Atomics;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Programs on several threads and user space using one map at once. Each thread has its own seeded
 * Random (base seed printed in failures, replayed with -Debpfjvm.seed).
 */
class MapConcurrencyTest {
    private static final int THREADS = 4;
    private final long seed = Long.getLong("ebpfjvm.seed", System.nanoTime());

    /** Runs one task per thread (thread index given) and rethrows the first failure. */
    private void parallel(TaskBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    body.run(thread, new Random(seed + thread));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("seed " + seed + ": " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface TaskBody {
        void run(int thread, Random random) throws Exception;
    }

    /**
     * Replacing values of a full map always succeeds, however many threads replace at once: each
     * replacement takes one of the slab's spare slots and gives the old one back under its stripe
     * lock. (Readers may see a torn or missing value during a replacement, as in the kernel, where
     * preallocated elements are reused at once; so readers here assert nothing.)
     */
    @Test
    void hashMap_replacementsOnAFullMap_neverFail() throws Exception {
        int keys = 8;
        try (BpfMap map = MapFixtures.create(MapType.HASH, 4, 16, keys)) {
            for (int k = 0; k < keys; k++) {
                map.update(u32(k), new byte[16]);
            }
            parallel((thread, random) -> {
                ProgramContext ctx = MapFixtures.context(THREADS, thread);
                byte[] value = new byte[16];
                for (int i = 0; i < 20_000; i++) {
                    int key = random.nextInt(keys);
                    if (thread < THREADS - 1) {
                        LittleEndian.putU64(value, 0, random.nextLong());
                        assertEquals(0, map.updateFromProgram(ctx, u32(key), 0, value, 0, BpfMap.ANY));
                    } else if (i % 2 == 0) {
                        map.lookupFromProgram(ctx, u32(key), 0);
                    } else {
                        map.update(u32(key), value, BpfMap.EXIST);
                    }
                }
            });
            assertEquals(keys, map.keys().size());
            assertEquals(keys, ((HashMap) map).size());
        }
    }

    @Test
    void hashMap_disjointWritersAndConcurrentReaders_endConsistent() throws Exception {
        try (BpfMap map = MapFixtures.create(MapType.HASH, 8, 8, THREADS * 1000)) {
            parallel((thread, random) -> {
                ProgramContext ctx = MapFixtures.context(THREADS, thread);
                for (int i = 0; i < 20_000; i++) {
                    long key = thread * 1000L + random.nextInt(1000);
                    switch (random.nextInt(3)) {
                        case 0:
                            map.update(u64(key), u64(key * 7));
                            break;
                        case 1:
                            map.delete(u64(key));
                            break;
                        default:
                            long address = map.lookupFromProgram(ctx, u64(random.nextInt(THREADS * 1000)), 0);
                            if (address != 0) {
                                ctx.memory().load(address, 8);
                            }
                    }
                }
                for (int k = 0; k < 1000; k += 2) {
                    map.update(u64(thread * 1000L + k), u64((thread * 1000L + k) * 7));
                    map.delete(u64(thread * 1000L + k + 1));
                }
            });
            assertEquals(THREADS * 500, map.keys().size());
            assertEquals(THREADS * 500, ((HashMap) map).size());
            for (byte[] key : map.keys()) {
                assertEquals(
                        LittleEndian.getU64(key, 0) * 7, map.lookupLong(key).getAsLong());
            }
        }
    }

    /** {@code lock add} on a map value from several threads, through the engines' shared {@link Atomics}. */
    @Test
    void arrayValue_atomicAddsFromManyThreads_loseNothing() throws Exception {
        try (ArrayMap map = (ArrayMap) MapFixtures.create(MapType.ARRAY, 4, 8, 2)) {
            long address = map.lookupFromProgram(MapFixtures.context(2, 0), u32(1), 0);
            parallel((thread, random) -> {
                Memory memory = MapFixtures.context(THREADS, thread).memory();
                for (int i = 0; i < 50_000; i++) {
                    Atomics.apply(memory, address, 8, AtomicOp.ADD, 3L, 0);
                }
            });
            assertEquals(THREADS * 50_000L * 3, map.lookupLong(u32(1)).getAsLong());
        }
    }

    @Test
    void lruHash_concurrentUpdatesFromEveryCpu_keepTheMapConsistent() throws Exception {
        int max = 256;
        for (int flags : new int[] {0, MapSpec.F_NO_COMMON_LRU}) {
            try (BpfMap map = TestRegions.map(MapFixtures.spec(MapType.LRU_HASH, 8, 8, max, flags), THREADS)) {
                parallel((thread, random) -> {
                    ProgramContext ctx = MapFixtures.context(THREADS, thread);
                    for (int i = 0; i < 20_000; i++) {
                        long key = random.nextInt(4 * max);
                        int op = random.nextInt(4);
                        if (op < 2) {
                            assertEquals(0, map.updateFromProgram(ctx, u64(key), 0, u64(key), 0, BpfMap.ANY));
                        } else if (op == 2) {
                            map.deleteFromProgram(ctx, u64(key), 0);
                        } else {
                            map.lookupFromProgram(ctx, u64(key), 0);
                        }
                    }
                });
                List<byte[]> keys = map.keys();
                assertTrue(keys.size() <= max, keys.size() + " elements in an LRU of " + max);
                for (byte[] key : keys) {
                    assertEquals(
                            LittleEndian.getU64(key, 0), map.lookupLong(key).getAsLong());
                }
                for (long k = 0; k < 2 * max; k++) {
                    map.update(u64(1_000_000 + k), u64(k));
                }
                assertTrue(map.keys().size() <= max);
            }
        }
    }
}
