package dev.ebpfjvm.core.interp;

import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code BPF_ATOMIC}: what each operation leaves in memory and in its register (the 32-bit forms
 * zero-extended), alignment, and atomicity under contention on a shared region.
 */
class AtomicTest {
    private static final long MEMORY = 0x8000_0000_f0f0_f0f0L;
    private static final long SRC = 0x0000_0001_0f0f_1111L;
    private static final long R0 = 0x1234_5678_9abc_def0L;

    /** Runs {@code op [r10-8], r1} with memory, r1 and r0 preset; returns {memory, r1, r0} after. */
    private static long[] apply(Size size, AtomicOp op, long memory, long src, long r0) {
        ProgramContext ctx = new ProgramContext();
        long[] out = new long[3];
        Insn[] insns = {
            lddw(2, memory),
            stx(Size.DW, 10, 2, -8),
            lddw(1, src),
            lddw(0, r0),
            op.mem(size, 10, 1, -8),
            stx(Size.DW, 10, 1, -16),
            stx(Size.DW, 10, 0, -24),
            ldx(Size.DW, 0, 10, -8),
            exit(),
        };
        out[0] = Runs.run(ctx, insns);
        byte[] stack = ctx.memory().stack();
        out[1] = LittleEndian.getU64(stack, 512 - 16);
        out[2] = LittleEndian.getU64(stack, 512 - 24);
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // size, op, memory after, r1 after, r0 after (hex); memory starts 80000000f0f0f0f0
        "DW, ADD, 8000000200000201, 000000010f0f1111, 123456789abcdef0",
        "DW, OR, 80000001fffff1f1, 000000010f0f1111, 123456789abcdef0",
        "DW, AND, 0000000000001010, 000000010f0f1111, 123456789abcdef0",
        "DW, XOR, 80000001ffffe1e1, 000000010f0f1111, 123456789abcdef0",
        "DW, FETCH_ADD, 8000000200000201, 80000000f0f0f0f0, 123456789abcdef0",
        "DW, FETCH_OR, 80000001fffff1f1, 80000000f0f0f0f0, 123456789abcdef0",
        "DW, FETCH_AND, 0000000000001010, 80000000f0f0f0f0, 123456789abcdef0",
        "DW, FETCH_XOR, 80000001ffffe1e1, 80000000f0f0f0f0, 123456789abcdef0",
        "DW, XCHG, 000000010f0f1111, 80000000f0f0f0f0, 123456789abcdef0",
        "DW, CMPXCHG, 80000000f0f0f0f0, 000000010f0f1111, 80000000f0f0f0f0",
        // The 32-bit forms touch the low word only and return it zero-extended.
        "W, ADD, 8000000000000201, 000000010f0f1111, 123456789abcdef0",
        "W, OR, 80000000fffff1f1, 000000010f0f1111, 123456789abcdef0",
        "W, AND, 8000000000001010, 000000010f0f1111, 123456789abcdef0",
        "W, XOR, 80000000ffffe1e1, 000000010f0f1111, 123456789abcdef0",
        "W, FETCH_ADD, 8000000000000201, 00000000f0f0f0f0, 123456789abcdef0",
        "W, FETCH_OR, 80000000fffff1f1, 00000000f0f0f0f0, 123456789abcdef0",
        "W, FETCH_AND, 8000000000001010, 00000000f0f0f0f0, 123456789abcdef0",
        "W, FETCH_XOR, 80000000ffffe1e1, 00000000f0f0f0f0, 123456789abcdef0",
        "W, XCHG, 800000000f0f1111, 00000000f0f0f0f0, 123456789abcdef0",
        "W, CMPXCHG, 80000000f0f0f0f0, 000000010f0f1111, 00000000f0f0f0f0",
    })
    void operation(Size size, AtomicOp op, String memory, String src, String r0) {
        long[] after = apply(size, op, MEMORY, SRC, R0);
        assertEquals(Long.parseUnsignedLong(memory, 16), after[0], "memory");
        assertEquals(Long.parseUnsignedLong(src, 16), after[1], "src");
        assertEquals(Long.parseUnsignedLong(r0, 16), after[2], "r0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DW", "W"})
    void cmpxchg_whenR0Matches_storesSrc(Size size) {
        long expected = size == Size.DW ? MEMORY : 0xdead_beef_0000_0000L | (MEMORY & 0xffff_ffffL);
        long[] after = apply(size, AtomicOp.CMPXCHG, MEMORY, SRC, expected);
        long stored = size == Size.DW ? SRC : (MEMORY & 0xffff_ffff_0000_0000L) | (SRC & 0xffff_ffffL);
        assertEquals(stored, after[0]);
        assertEquals(size == Size.DW ? MEMORY : MEMORY & 0xffff_ffffL, after[2], "r0 gets the old value");
    }

    @ParameterizedTest
    @ValueSource(ints = {-7, -6, -4})
    void misaligned_faults(int off) {
        Size size = off == -4 ? Size.DW : Size.W;
        ProgramFaultException e = assertThrows(
                ProgramFaultException.class, () -> Runs.run(MOV.imm(1, 1), AtomicOp.ADD.mem(size, 10, 1, off), exit()));
        assertEquals(1, e.pc());
        assertTrue(e.getMessage().contains("misaligned"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readOnlyRegion_faults(boolean fetch) {
        Region region = TestRegions.register(RegionKind.GLOBAL_DATA, new byte[8], false, null);
        try {
            AtomicOp op = fetch ? AtomicOp.FETCH_ADD : AtomicOp.ADD;
            ProgramFaultException e = assertThrows(
                    ProgramFaultException.class,
                    () -> Runs.run(lddw(2, region.address(0)), MOV.imm(1, 1), op.mem(Size.DW, 2, 1, 0), exit()));
            assertEquals(3, e.pc());
        } finally {
            TestRegions.release(region);
        }
    }

    /** Two threads add to the same map value with {@code lock add}; no increment may be lost. */
    @ParameterizedTest
    @ValueSource(strings = {"DW", "W"})
    void concurrentAdds_onASharedRegion_loseNothing(Size size) throws Exception {
        byte[] value = new byte[16];
        Region region = TestRegions.register(RegionKind.MAP_VALUE, value, true, null);
        int iterations = 2_000;
        Insn[] insns = {
            lddw(2, region.address(8)),
            MOV.imm(1, 1),
            MOV.imm(3, 0),
            AtomicOp.ADD.mem(size, 2, 1, 0),
            AluOp.ADD.imm(3, 1),
            JumpOp.JLT.imm(3, iterations, -3),
            MOV.reg(0, 3),
            exit(),
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Executable exe =
                Runs.ENGINE.load(InsnList.of(insns).program("test", HelperRegistry.empty(), TestRegions.reach()))) {
            List<Future<Long>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    ProgramContext ctx = new ProgramContext();
                    long total = 0;
                    for (int i = 0; i < 20; i++) {
                        total += exe.run(ctx);
                    }
                    return total;
                }));
            }
            long executed = 0;
            for (Future<Long> run : runs) {
                executed += run.get();
            }
            assertEquals(2L * 20 * iterations, executed);
            long sum = size == Size.DW ? LittleEndian.getU64(value, 8) : LittleEndian.getU32(value, 8);
            assertEquals(executed, sum);
        } finally {
            pool.shutdownNow();
            TestRegions.release(region);
        }
    }
}
