package dev.ebpfjvm.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Memory;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both implementations of {@link Atomics} (VarHandle atomic modes where the JDK has them, the
 * region's monitor otherwise) against a plain model of each operation, and the locked one under
 * contention, so that both are tested whichever JDK runs the tests.
 */
class AtomicsTest {
    private static final int INDEX = 16;

    /** {@return the memory word after the operation and the value it returns, from the definition} */
    private static long[] model(int size, AtomicOp op, long memory, long src, long r0) {
        long mask = size == 8 ? -1L : 0xffff_ffffL;
        long old = memory & mask;
        long updated;
        switch (op) {
            case ADD: case FETCH_ADD: updated = old + src; break;
            case OR: case FETCH_OR: updated = old | src; break;
            case AND: case FETCH_AND: updated = old & src; break;
            case XOR: case FETCH_XOR: updated = old ^ src; break;
            case XCHG: updated = src; break;
            default: updated = old == (r0 & mask) ? src : old;
        }
        return new long[] {(memory & ~mask) | (updated & mask), old};
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void bothImplementations_matchTheModel(int size) {
        String property = System.getProperty("ebpfjvm.seed");
        long seed = property != null ? Long.decode(property) : System.nanoTime();
        Random random = new Random(seed);
        Memory memory = new Memory();
        long address = Address.of(Memory.STACK_REGION, INDEX);
        for (int i = 0; i < 2_000; i++) {
            AtomicOp op = AtomicOp.values()[random.nextInt(AtomicOp.values().length)];
            long initial = random.nextLong();
            long src = random.nextLong();
            long r0 = random.nextBoolean() ? initial : random.nextLong();
            long[] expected = model(size, op, initial, src, r0);
            String where = String.format("seed %d: %s%d mem=0x%x src=0x%x r0=0x%x", seed, op, size * 8, initial, src, r0);

            LittleEndian.putU64(memory.stack(), INDEX, initial);
            assertEquals(expected[1], Atomics.apply(memory, address, size, op, src, r0), where);
            assertEquals(expected[0], LittleEndian.getU64(memory.stack(), INDEX), where);

            LittleEndian.putU64(memory.stack(), INDEX, initial);
            assertEquals(expected[1], Atomics.applyLocked(memory.stack(), INDEX, size, op, src, r0), where);
            assertEquals(expected[0], LittleEndian.getU64(memory.stack(), INDEX), where);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void locked_isAtomicUnderContention(int size) throws Exception {
        byte[] bytes = new byte[32];
        int perThread = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> add(bytes, size, perThread));
            Future<?> b = pool.submit(() -> add(bytes, size, perThread));
            a.get();
            b.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2L * perThread, LittleEndian.get(bytes, INDEX, size));
    }

    private static void add(byte[] bytes, int size, int times) {
        for (int i = 0; i < times; i++) {
            Atomics.applyLocked(bytes, INDEX, size, AtomicOp.FETCH_ADD, 1, 0);
        }
    }
}
