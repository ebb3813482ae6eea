package dev.ebpfjvm.core.interp;

import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.asm.Asm;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every ALU and ALU64 operation, in both operand forms, on random operands (division and modulo
 * by zero, signed overflow, shift counts beyond the width included), against
 * {@link ReferenceSemantics}.
 */
class AluPropertyTest {
    private static final int CASES = 300;
    private static final AluOp[] BINARY = {
        AluOp.ADD,
        AluOp.SUB,
        AluOp.MUL,
        AluOp.DIV,
        AluOp.SDIV,
        AluOp.MOD,
        AluOp.SMOD,
        AluOp.OR,
        AluOp.AND,
        AluOp.XOR,
        AluOp.LSH,
        AluOp.RSH,
        AluOp.ARSH,
        AluOp.MOV,
    };

    static Stream<Arguments> binaryOperations() {
        List<Arguments> out = new ArrayList<>();
        for (AluOp op : BINARY) {
            for (boolean wide : new boolean[] {true, false}) {
                out.add(Arguments.of(op, wide, true));
                out.add(Arguments.of(op, wide, false));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} wide={1} register={2}")
    @MethodSource("binaryOperations")
    void binaryOperation_matchesReference(AluOp op, boolean wide, boolean register) {
        long seed = Operands.seed();
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            int dst = random.nextInt(10);
            int src = (dst + 1 + random.nextInt(9)) % 10;
            long a = Operands.next(random);
            long b;
            Insn insn;
            List<Insn> prologue = new ArrayList<>(List.of(lddw(dst, a)));
            if (register) {
                boolean alias = random.nextInt(16) == 0;
                b = alias ? a : Operands.next(random);
                insn = wide ? op.reg(dst, alias ? dst : src) : op.reg32(dst, alias ? dst : src);
                prologue.add(lddw(src, b));
                if (alias) {
                    prologue.remove(prologue.size() - 1);
                }
            } else {
                int imm = Operands.nextImm(random);
                b = imm;
                insn = wide ? op.imm(dst, imm) : op.imm32(dst, imm);
            }
            long expected = ReferenceSemantics.alu(wide, op, a, b);
            long actual = runAndReturn(prologue, insn, dst);
            assertEquals(
                    expected,
                    actual,
                    () -> String.format("seed %d: %s with dst=0x%x src=0x%x (%s)", seed, op, a, b, insn));
        }
    }

    @ParameterizedTest(name = "wide={0}")
    @ValueSource(booleans = {true, false})
    void neg_matchesReference(boolean wide) {
        long seed = Operands.seed();
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            long a = Operands.next(random);
            long actual = runAndReturn(List.of(lddw(3, a)), wide ? Asm.neg(3) : Asm.neg32(3), 3);
            assertEquals(
                    ReferenceSemantics.alu(wide, AluOp.NEG, a, 0),
                    actual,
                    () -> String.format("seed %d: neg 0x%x", seed, a));
        }
    }

    static Stream<Arguments> signExtensions() {
        return Stream.of(
                Arguments.of(true, 8),
                Arguments.of(true, 16),
                Arguments.of(true, 32),
                Arguments.of(false, 8),
                Arguments.of(false, 16));
    }

    @ParameterizedTest(name = "wide={0} bits={1}")
    @MethodSource("signExtensions")
    void movsx_matchesReference(boolean wide, int bits) {
        long seed = Operands.seed();
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            long a = Operands.next(random);
            long b = Operands.next(random);
            long actual = runAndReturn(
                    List.of(lddw(3, a), lddw(4, b)), wide ? Asm.movsx(3, 4, bits) : Asm.movsx32(3, 4, bits), 3);
            assertEquals(
                    ReferenceSemantics.movsx(wide, b, bits),
                    actual,
                    () -> String.format("seed %d: movsx%d 0x%x", seed, bits, b));
        }
    }

    @ParameterizedTest(name = "bits={0}")
    @ValueSource(ints = {16, 32, 64})
    void byteOrder_matchesReference(int bits) {
        long seed = Operands.seed();
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            long a = Operands.next(random);
            List<Insn> load = List.of(lddw(3, a));
            String where = String.format("seed %d: %d bits of 0x%x", seed, bits, a);
            assertEquals(
                    ReferenceSemantics.toLittleEndian(a, bits),
                    runAndReturn(load, Asm.le(3, bits), 3),
                    () -> "le: " + where);
            assertEquals(
                    ReferenceSemantics.swapBytes(a, bits),
                    runAndReturn(load, Asm.be(3, bits), 3),
                    () -> "be: " + where);
            assertEquals(
                    ReferenceSemantics.swapBytes(a, bits),
                    runAndReturn(load, Asm.bswap(3, bits), 3),
                    () -> "bswap: " + where);
        }
    }

    private static long runAndReturn(List<Insn> prologue, Insn insn, int result) {
        List<Insn> insns = new ArrayList<>(prologue);
        insns.add(insn);
        insns.add(MOV.reg(0, result));
        insns.add(exit());
        return Runs.run(insns.toArray(new Insn[0]));
    }
}
