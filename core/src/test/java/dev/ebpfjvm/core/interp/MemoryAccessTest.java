package dev.ebpfjvm.core.interp;

import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.ldxs;
import static dev.ebpfjvm.core.asm.Asm.st;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.ContextModel;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.testing.TestRegions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Loads and stores of every size in every kind of region; faults are in {@link FaultTest}. */
class MemoryAccessTest {
    private static final long VALUE = 0x8877_6655_4433_2211L;

    @ParameterizedTest
    @EnumSource(Size.class)
    void stackStoreThenLoad_roundTripsTheLowBytes(Size size) {
        long mask = size == Size.DW ? -1L : (1L << (8 * size.bytes())) - 1;
        long result = Runs.run(lddw(1, VALUE), stx(size, 10, 1, -8), ldx(size, 0, 10, -8), exit());
        assertEquals(VALUE & mask, result);
    }

    @ParameterizedTest
    @EnumSource(Size.class)
    void storeImmediate_writesTheSignExtendedImmLowBytes(Size size) {
        long mask = size == Size.DW ? -1L : (1L << (8 * size.bytes())) - 1;
        assertEquals(-2L & mask, Runs.run(st(size, 10, -16, -2), ldx(size, 0, 10, -16), exit()));
    }

    @Test
    void stores_areLittleEndianInTheStackFrame() {
        ProgramContext ctx = new ProgramContext();
        Runs.run(ctx, lddw(1, VALUE), stx(Size.DW, 10, 1, -8), MOV.imm(0, 0), exit());
        byte[] stack = ctx.memory().stack();
        assertEquals(VALUE, LittleEndian.getU64(stack, Memory.FRAME_SIZE - 8));
        assertEquals(0x11, stack[Memory.FRAME_SIZE - 8]);
    }

    @ParameterizedTest(name = "ldxs{0}")
    @CsvSource({"B, ffffffffffffff80", "H, ffffffffffff8000", "W, ffffffff80000000"})
    void signExtendingLoad(Size size, String expected) {
        // Only the low bytes of the stored value have their top bit set.
        long value = size == Size.B
                ? 0x7711_2233_4455_6680L
                : size == Size.H ? 0x7711_2233_4455_8000L : 0x7711_2233_8000_0000L;
        long result = Runs.run(lddw(1, value), stx(Size.DW, 10, 1, -8), ldxs(size, 0, 10, -8), exit());
        assertEquals(Long.parseUnsignedLong(expected, 16), result);
    }

    @Test
    void context_isReadAndWrittenThroughR1() {
        byte[] buffer = {1, 2, 3, 4, 5, 6, 7, 8};
        long result = Runs.runWithBuffer(buffer, ldx(Size.W, 0, 1, 4), st(Size.B, 1, 0, 0x7f), exit());
        assertEquals(0x0807_0605L, result);
        assertEquals(0x7f, buffer[0]);
    }

    @Test
    void contextModel_receivesEveryContextAccess() {
        long[] stored = new long[3];
        ContextModel model = new ContextModel() {
            @Override
            public long load(int offset, int size) {
                return 1000L * offset + size;
            }

            @Override
            public void store(int offset, int size, long value) {
                if (offset == 4) {
                    throw new ProgramFaultException(-1, "read-only field at " + offset);
                }
                stored[0] = offset;
                stored[1] = size;
                stored[2] = value;
            }
        };
        ProgramContext ctx = new ProgramContext();
        ctx.memory().setContextModel(model);
        ctx.setEntry(Address.of(Memory.CONTEXT_REGION, 0), 0);
        assertEquals(76_004, Runs.run(ctx, ldx(Size.W, 0, 1, 76), st(Size.H, 1, 8, 7), exit()));
        assertArrayEquals(new long[] {8, 2, 7}, stored);
        ProgramFaultException e = assertThrows(
                ProgramFaultException.class, () -> Runs.run(ctx, MOV.imm(2, 1), stx(Size.W, 1, 2, 4), exit()));
        assertEquals(1, e.pc());
    }

    @Test
    void packet_isAddressedInItsRegion() {
        ProgramContext ctx = new ProgramContext();
        byte[] packet = new byte[64];
        packet[14] = 0x45;
        ctx.memory().setPacket(packet);
        long data = Address.of(Memory.PACKET_REGION, 0);
        long result = Runs.run(ctx, lddw(1, data), ldx(Size.B, 0, 1, 14), st(Size.H, 1, 60, 0x1234), exit());
        assertEquals(0x45, result);
        assertEquals(0x1234, LittleEndian.getU16(packet, 60));
    }

    @Test
    void sharedRegion_isReadAndWrittenThroughItsAddress() {
        byte[] value = new byte[16];
        Region region = TestRegions.register(RegionKind.MAP_VALUE, value, true, null);
        try {
            long result = Runs.run(lddw(1, region.address(0)), st(Size.DW, 1, 8, 42), ldx(Size.DW, 0, 1, 8), exit());
            assertEquals(42, result);
            assertEquals(42, LittleEndian.getU64(value, 8));
        } finally {
            TestRegions.release(region);
        }
    }

    @Test
    void readOnlyRegion_canBeRead() {
        byte[] rodata = {9, 8, 7, 6};
        Region region = TestRegions.register(RegionKind.GLOBAL_DATA, rodata, false, null);
        try {
            assertEquals(0x0607_0809L, Runs.run(lddw(1, region.address(0)), ldx(Size.W, 0, 1, 0), exit()));
            assertArrayEquals(new byte[] {9, 8, 7, 6}, rodata);
        } finally {
            TestRegions.release(region);
        }
    }

    @Test
    void pointerArithmetic_crossesNoRegion_whenItStaysInside() {
        // A pointer moved away and back, as a program comparing data + 14 with data_end does.
        byte[] buffer = new byte[32];
        buffer[20] = 99;
        long result =
                Runs.runWithBuffer(buffer, AluOp.ADD.imm(1, 1000), AluOp.SUB.imm(1, 980), ldx(Size.B, 0, 1, 0), exit());
        assertEquals(99, result);
    }
}
