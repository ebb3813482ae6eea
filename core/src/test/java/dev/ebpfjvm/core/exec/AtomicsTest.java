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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two implementations of {@link Atomics}: the locked one, which only JDK 22 and later run
 * through {@link Atomics#apply}, is tested here on every JDK, by example, against the lock-free one
 * where the JDK has it, and under contention. (The interpreter's AtomicTest covers every operation
 * through {@code apply} with whichever implementation the JDK selects.)
 */
class AtomicsTest {
    private static final int INDEX = 16;

    @ParameterizedTest(name = "{1} of {0} bytes")
    @CsvSource({
        // size, op, memory before, src, r0, memory after, returned (hex)
        "8, FETCH_ADD, 80000000f0f0f0f0, 000000010f0f1111, 0, 8000000200000201, 80000000f0f0f0f0",
        "4, FETCH_ADD, 80000000f0f0f0f0, 000000010f0f1111, 0, 8000000000000201, f0f0f0f0",
        "4, AND, 80000000f0f0f0f0, 000000010f0f1111, 0, 8000000000001010, f0f0f0f0",
        "8, XOR, 80000000f0f0f0f0, 000000010f0f1111, 0, 80000001ffffe1e1, 80000000f0f0f0f0",
        "4, XCHG, 80000000f0f0f0f0, 000000010f0f1111, 0, 800000000f0f1111, f0f0f0f0",
        "8, CMPXCHG, 80000000f0f0f0f0, 0000000000000001, 80000000f0f0f0f0, 0000000000000001, 80000000f0f0f0f0",
        "8, CMPXCHG, 80000000f0f0f0f0, 0000000000000001, 00000000f0f0f0f0, 80000000f0f0f0f0, 80000000f0f0f0f0",
        "4, CMPXCHG, 80000000f0f0f0f0, 0000000000000001, 12345678f0f0f0f0, 8000000000000001, f0f0f0f0",
    })
    void locked_byExample(int size, AtomicOp op, String before, String src, String r0, String after, String returned) {
        byte[] bytes = new byte[32];
        LittleEndian.putU64(bytes, INDEX, Long.parseUnsignedLong(before, 16));
        long old = Atomics.applyLocked(
                bytes, INDEX, size, op, Long.parseUnsignedLong(src, 16), Long.parseUnsignedLong(r0, 16));
        assertEquals(Long.parseUnsignedLong(returned, 16), old);
        assertEquals(Long.parseUnsignedLong(after, 16), LittleEndian.getU64(bytes, INDEX));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void locked_matchesApply_onRandomValues(int size) {
        String property = System.getProperty("ebpfjvm.seed");
        long seed = property != null ? Long.decode(property) : System.nanoTime();
        Random random = new Random(seed);
        Memory memory = new Memory();
        long address = Address.of(Memory.STACK_REGION, INDEX);
        byte[] lockedBytes = new byte[32];
        for (int i = 0; i < 2_000; i++) {
            AtomicOp op = AtomicOp.values()[random.nextInt(AtomicOp.values().length)];
            long initial = random.nextLong();
            long src = random.nextLong();
            long r0 = random.nextBoolean() ? initial : random.nextLong();
            String where =
                    String.format("seed %d: %s%d mem=0x%x src=0x%x r0=0x%x", seed, op, size * 8, initial, src, r0);
            LittleEndian.putU64(memory.stack(), INDEX, initial);
            LittleEndian.putU64(lockedBytes, INDEX, initial);
            assertEquals(
                    Atomics.apply(memory, address, size, op, src, r0),
                    Atomics.applyLocked(lockedBytes, INDEX, size, op, src, r0),
                    where);
            assertEquals(LittleEndian.getU64(memory.stack(), INDEX), LittleEndian.getU64(lockedBytes, INDEX), where);
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
