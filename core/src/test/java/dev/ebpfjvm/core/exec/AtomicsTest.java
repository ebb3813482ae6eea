package dev.ebpfjvm.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lock-based atomics (used on JDK 22+) against plain sequential semantics, on every JDK. */
class AtomicsTest {
    private static final long SEED = Long.getLong("ebpfjvm.seed", 42);

    @ParameterizedTest
    @EnumSource(AtomicOp.class)
    void applyLocked_matchesSequentialSemantics(AtomicOp op) {
        Random random = new Random(SEED + op.ordinal());
        for (int i = 0; i < 2000; i++) {
            int size = random.nextBoolean() ? 8 : 4;
            long mask = size == 8 ? -1L : 0xffffffffL;
            long mem = random.nextLong();
            long src = random.nextLong();
            long r0 = random.nextInt(4) == 0 ? mem : random.nextLong();
            byte[] bytes = new byte[16];
            LittleEndian.put(bytes, 8, size, mem);
            long old = Atomics.applyLocked(bytes, 8, size, op, src, r0);
            assertEquals(mem & mask, old, "seed " + SEED + " " + op);
            assertEquals(expected(op, mem, src, r0, mask), LittleEndian.get(bytes, 8, size), "seed " + SEED + " " + op);
        }
    }

    @Test
    void applyLocked_isAtomicAcrossThreads() throws InterruptedException {
        byte[] bytes = new byte[8];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 50_000; i++) {
                    Atomics.applyLocked(bytes, 0, 8, AtomicOp.FETCH_ADD, 1, 0);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(200_000L, LittleEndian.getU64(bytes, 0));
    }

    private static long expected(AtomicOp op, long mem, long src, long r0, long mask) {
        switch (op) {
            case ADD: case FETCH_ADD: return (mem + src) & mask;
            case OR: case FETCH_OR: return (mem | src) & mask;
            case AND: case FETCH_AND: return (mem & src) & mask;
            case XOR: case FETCH_XOR: return (mem ^ src) & mask;
            case XCHG: return src & mask;
            case CMPXCHG: return ((mem & mask) == (r0 & mask) ? src : mem) & mask;
            default: throw new AssertionError(op);
        }
    }
}
