package dev.ebpfjvm.jit.emit;

import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.ldAbs;
import static dev.ebpfjvm.core.asm.Asm.ldInd;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.ldxs;
import static dev.ebpfjvm.core.asm.Asm.st;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.jit.testing.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads, stores and atomics of every size on the stack (through r10, through a register derived
 * from it, through a pointer reloaded from memory) and on the context (through r1 and a copy of
 * it), in every {@link Variant}; expected bytes and values are worked out by hand.
 */
class MemEmitterTest {
    private static final long WORD = 0x8899aabbccddeeffL;

    /** A load of {@code size} bytes of WORD, zero- or sign-extended. */
    record Load(Size size, boolean signed, long expected) {}

    static Stream<Arguments> loads() {
        List<Load> loads = List.of(
                new Load(Size.B, false, 0xff),
                new Load(Size.B, true, -1),
                new Load(Size.H, false, 0xeeff),
                new Load(Size.H, true, (short) 0xeeff),
                new Load(Size.W, false, 0xccddeeffL),
                new Load(Size.W, true, (int) 0xccddeeff),
                new Load(Size.DW, false, WORD));
        List<Arguments> out = new ArrayList<>();
        for (Load l : loads) {
            for (Variant v : Variant.values()) {
                out.add(Arguments.of(l, v));
            }
        }
        return out.stream();
    }

    /** Stores WORD at r10-16 and loads it back three ways: via r10, via r2 = r10 - 16, via a pointer reloaded from the stack. */
    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("loads")
    void load_stackThreeWays(Load l, Variant variant) {
        InsnList asm = new InsnList()
                .add(lddw(1, WORD), stx(Size.DW, 10, 1, -16))
                .add(l.signed ? ldxs(l.size, 3, 10, -16) : ldx(l.size, 3, 10, -16))
                .add(MOV.reg(2, 10), ADD.imm(2, -16))
                .add(l.signed ? ldxs(l.size, 4, 2, 0) : ldx(l.size, 4, 2, 0))
                .add(stx(Size.DW, 10, 2, -8), ldx(Size.DW, 5, 10, -8))
                .add(l.signed ? ldxs(l.size, 0, 5, 0) : ldx(l.size, 0, 5, 0))
                .add(
                        dev.ebpfjvm.core.isa.JumpOp.JNE.reg(0, 3, "bad"),
                        dev.ebpfjvm.core.isa.JumpOp.JNE.reg(0, 4, "bad"),
                        exit())
                .label("bad")
                .add(MOV.imm(0, -1), exit());
        assertEquals(l.expected, variant.compile(asm.program("load")).run(new ProgramContext()));
    }

    /** Loads WORD from the context through r1, and through r6 = r1 + 8 - 8. */
    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("loads")
    void load_contextThroughR1(Load l, Variant variant) {
        byte[] ctx = new byte[16];
        LittleEndian.putU64(ctx, 8, WORD);
        InsnList asm = new InsnList()
                .add(l.signed ? ldxs(l.size, 0, 1, 8) : ldx(l.size, 0, 1, 8))
                .add(MOV.reg(6, 1), ADD.imm(6, 8))
                .add(l.signed ? ldxs(l.size, 2, 6, 0) : ldx(l.size, 2, 6, 0))
                .add(dev.ebpfjvm.core.isa.JumpOp.JEQ.reg(0, 2, "ok"), MOV.imm(0, -1))
                .label("ok")
                .add(exit());
        assertEquals(l.expected, variant.compile(asm.program("ctx")).run(new ProgramContext().withBuffer(ctx)));
    }

    /** ST and STX of every size into the context: the bytes land little-endian, and no byte beyond the size changes. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void store_everySizeLittleEndian(Variant variant) {
        byte[] ctx = new byte[32];
        java.util.Arrays.fill(ctx, (byte) 0x55);
        InsnList asm = new InsnList()
                .add(
                        lddw(2, WORD),
                        stx(Size.B, 1, 2, 0),
                        stx(Size.H, 1, 2, 2),
                        stx(Size.W, 1, 2, 4),
                        stx(Size.DW, 1, 2, 8),
                        st(Size.B, 1, 16, -2),
                        st(Size.H, 1, 18, 0x1234),
                        st(Size.W, 1, 20, 0x89abcdef),
                        st(Size.DW, 1, 24, -3),
                        MOV.imm(0, 0),
                        exit());
        variant.compile(asm.program("store")).run(new ProgramContext().withBuffer(ctx));
        byte[] expected = new byte[32];
        java.util.Arrays.fill(expected, (byte) 0x55);
        expected[0] = (byte) 0xff;
        LittleEndian.putU16(expected, 2, 0xeeff);
        LittleEndian.putU32(expected, 4, 0xccddeeffL);
        LittleEndian.putU64(expected, 8, WORD);
        expected[16] = (byte) 0xfe;
        LittleEndian.putU16(expected, 18, 0x1234);
        LittleEndian.putU32(expected, 20, 0x89abcdefL);
        LittleEndian.putU64(expected, 24, -3);
        assertArrayEquals(expected, ctx);
    }

    /** LD_ABS and LD_IND read big-endian packet bytes into r0; out of the packet the function returns 0. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void legacyPacketLoads(Variant variant) {
        ProgramContext ctx = new ProgramContext();
        ctx.memory().setPacket(new byte[] {0x11, 0x22, 0x33, 0x44, 0x55, 0x66});
        InsnList asm = new InsnList()
                .add(
                        MOV.imm(6, 0),
                        ldAbs(Size.B, 1),
                        dev.ebpfjvm.core.isa.AluOp.ADD.reg(6, 0),
                        MOV.imm(2, 1),
                        ldInd(Size.H, 2, 1),
                        dev.ebpfjvm.core.isa.AluOp.ADD.reg(6, 0),
                        ldAbs(Size.W, 2),
                        dev.ebpfjvm.core.isa.AluOp.ADD.reg(6, 0),
                        MOV.reg(0, 6),
                        exit());
        assertEquals(
                0x22 + 0x3344 + 0x33445566L,
                variant.compile(asm.program("ldabs")).run(ctx));
        InsnList out = new InsnList().add(MOV.imm(0, 9), ldAbs(Size.W, 3), MOV.imm(0, 9), exit());
        assertEquals(0, variant.compile(out.program("ldabs_out")).run(ctx));
        InsnList negative = new InsnList().add(MOV.imm(2, -8), ldInd(Size.B, 2, 1), MOV.imm(0, 9), exit());
        assertEquals(0, variant.compile(negative.program("ldind_neg")).run(ctx));
    }

    /** One atomic case: memory, src and r0 before; memory, src and r0 after. */
    record Atomic(Size size, AtomicOp op, long mem, long src, long r0, long memAfter, long srcAfter, long r0After) {
        @Override
        public String toString() {
            return op + (size == Size.W ? "32" : "");
        }
    }

    static Stream<Arguments> atomics() {
        long m = 0x0f0f;
        long s = 0x00ff;
        long hi = 0xaaaaaaaa_0000ffffL;
        long s32 = 0x1_0000_0001L;
        List<Atomic> a = List.of(
                new Atomic(Size.DW, AtomicOp.ADD, m, s, 9, 0x100e, s, 9),
                new Atomic(Size.DW, AtomicOp.OR, m, s, 9, 0x0fff, s, 9),
                new Atomic(Size.DW, AtomicOp.AND, m, s, 9, 0x000f, s, 9),
                new Atomic(Size.DW, AtomicOp.XOR, m, s, 9, 0x0ff0, s, 9),
                new Atomic(Size.DW, AtomicOp.FETCH_ADD, m, s, 9, 0x100e, m, 9),
                new Atomic(Size.DW, AtomicOp.FETCH_OR, m, s, 9, 0x0fff, m, 9),
                new Atomic(Size.DW, AtomicOp.FETCH_AND, m, s, 9, 0x000f, m, 9),
                new Atomic(Size.DW, AtomicOp.FETCH_XOR, m, s, 9, 0x0ff0, m, 9),
                new Atomic(Size.DW, AtomicOp.XCHG, m, s, 9, s, m, 9),
                new Atomic(Size.DW, AtomicOp.CMPXCHG, m, s, m, s, s, m),
                new Atomic(Size.DW, AtomicOp.CMPXCHG, m, s, 1, m, s, m),
                new Atomic(Size.W, AtomicOp.ADD, hi, s32, 9, 0xaaaaaaaa_00010000L, s32, 9),
                new Atomic(Size.W, AtomicOp.FETCH_ADD, hi, s32, 9, 0xaaaaaaaa_00010000L, 0xffff, 9),
                new Atomic(Size.W, AtomicOp.FETCH_OR, hi, -1, 9, 0xaaaaaaaa_ffffffffL, 0xffff, 9),
                new Atomic(Size.W, AtomicOp.FETCH_AND, hi, 0xff, 9, 0xaaaaaaaa_000000ffL, 0xffff, 9),
                new Atomic(Size.W, AtomicOp.FETCH_XOR, hi, 0x1_0000_ffffL, 9, 0xaaaaaaaa_00000000L, 0xffff, 9),
                new Atomic(Size.W, AtomicOp.XCHG, hi, s32, 9, 0xaaaaaaaa_00000001L, 0xffff, 9),
                new Atomic(Size.W, AtomicOp.CMPXCHG, hi, s32, 0xffffffff_0000ffffL, 0xaaaaaaaa_00000001L, s32, 0xffff),
                new Atomic(Size.W, AtomicOp.CMPXCHG, hi, s32, 0xffff_0000_0000L, hi, s32, 0xffff));
        List<Arguments> out = new ArrayList<>();
        for (Atomic x : a) {
            for (Variant v : new Variant[] {Variant.INFERRED, Variant.GENERIC}) {
                out.add(Arguments.of(x, v));
            }
        }
        return out.stream();
    }

    /** Runs the atomic on the stack at r10-8 and reports r0, src and the memory word through the context. */
    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("atomics")
    void atomic_everyOperation(Atomic a, Variant variant) {
        byte[] out = new byte[24];
        InsnList asm = new InsnList()
                .add(
                        MOV.reg(6, 1),
                        lddw(1, a.mem),
                        stx(Size.DW, 10, 1, -8),
                        lddw(2, a.src),
                        lddw(0, a.r0),
                        a.op.mem(a.size, 10, 2, -8),
                        stx(Size.DW, 6, 0, 0),
                        stx(Size.DW, 6, 2, 8),
                        ldx(Size.DW, 3, 10, -8),
                        stx(Size.DW, 6, 3, 16),
                        MOV.imm(0, 0),
                        exit());
        variant.compile(asm.program("atomic")).run(new ProgramContext().withBuffer(out));
        assertEquals(a.r0After, LittleEndian.getU64(out, 0), "r0");
        assertEquals(a.srcAfter, LittleEndian.getU64(out, 8), "src");
        assertEquals(a.memAfter, LittleEndian.getU64(out, 16), "memory");
    }
}
