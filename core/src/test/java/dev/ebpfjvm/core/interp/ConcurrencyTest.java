package dev.ebpfjvm.core.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One executable, run by two threads at once, each with its own context and input. */
class ConcurrencyTest {

    /** What mem_rw_1k returns for a buffer, computed in Java; it also rewrites the buffer. */
    private static long memRwReference(byte[] buffer) {
        long r0 = 0;
        for (int at = 0; at < 1024; at += 8) {
            long word = LittleEndian.getU64(buffer, at);
            r0 += word;
            word ^= r0;
            LittleEndian.putU64(buffer, at, word);
            r0 += LittleEndian.getU32(buffer, at + 4);
            buffer[at + 7] = buffer[at + 3];
        }
        return r0;
    }

    @Test
    void twoThreads_sameExecutable_ownContexts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try (Executable exe = Runs.ENGINE.load(
                InsnList.of(InstructionCost.memRw1k()).program("test", HelperRegistry.empty(), TestRegions.reach()))) {
            List<Future<Integer>> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int seed = t;
                threads.add(pool.submit(() -> {
                    byte[] buffer = new byte[1024];
                    byte[] expected = new byte[1024];
                    for (int i = 0; i < buffer.length; i++) {
                        buffer[i] = expected[i] = (byte) (i * (seed + 3));
                    }
                    ProgramContext ctx = new ProgramContext().withBuffer(buffer);
                    start.await();
                    int runs = 300;
                    for (int i = 0; i < runs; i++) {
                        long want = memRwReference(expected);
                        assertEquals(want, exe.run(ctx), "thread " + seed + " run " + i);
                    }
                    return runs;
                }));
            }
            for (Future<Integer> thread : threads) {
                assertEquals(300, thread.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
