package dev.ebpfjvm.core.interp;

import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.asm.Asm;
import dev.ebpfjvm.core.isa.AluOp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ALU rules the kernel pins down, one example each (the property tests cover the rest):
 * division and modulo by zero (do_misc_fixups() in kernel/bpf/verifier.c), signed overflow,
 * masked shift counts, zero-extension of 32-bit results and sign-extension of 64-bit immediates.
 */
class AluTest {

    @ParameterizedTest(name = "{0}{1} 0x{2}, reg 0x{3} = 0x{4}")
    @CsvSource({
        // op, width, dst, src, expected (hex)
        "DIV, 64, 1234, 0, 0",
        "DIV, 32, ffffffff00001234, 0, 0",
        "MOD, 64, 1234, 0, 1234",
        "MOD, 32, ffffffff00001234, 0, 1234",
        "MOD, 32, ffffffff00001234, ffffffff00000000, 1234",
        "SDIV, 64, 8000000000000000, ffffffffffffffff, 8000000000000000",
        "SMOD, 64, 8000000000000000, ffffffffffffffff, 0",
        "SDIV, 32, 80000000, ffffffff, 80000000",
        "SMOD, 32, 80000000, ffffffff, 0",
        "SDIV, 64, fffffffffffffff9, 2, fffffffffffffffd",
        "SMOD, 64, fffffffffffffff9, 2, ffffffffffffffff",
        "SMOD, 32, ffffffff00000007, 0, 7",
        "DIV, 32, 10, 100000002, 8",
        "LSH, 64, 1, 41, 2",
        "LSH, 32, 1, 21, 2",
        "RSH, 32, ffffffff80000000, 1f, 1",
        "ARSH, 32, 80000000, 1f, ffffffff",
        "ARSH, 64, 8000000000000000, 3f, ffffffffffffffff",
        "ADD, 32, ffffffff, 1, 0",
        "SUB, 32, 0, 1, ffffffff",
        "MUL, 32, 10000, 10000, 0",
        "MOV, 32, 0, ffffffffffffffff, ffffffff",
        "AND, 32, ffffffffffffffff, ffffffffffffffff, ffffffff",
    })
    void registerOperand(AluOp op, int width, String dst, String src, String expected) {
        long result = Runs.run(
                lddw(1, Long.parseUnsignedLong(dst, 16)),
                lddw(2, Long.parseUnsignedLong(src, 16)),
                width == 64 ? op.reg(1, 2) : op.reg32(1, 2),
                MOV.reg(0, 1),
                exit());
        assertEquals(Long.parseUnsignedLong(expected, 16), result);
    }

    @ParameterizedTest(name = "{0}{1} 0x{2}, {3} = 0x{4}")
    @CsvSource({
        // op, width, dst, imm, expected (hex)
        "MOV, 64, 0, -1, ffffffffffffffff",
        "MOV, 32, 1234567800000000, -1, ffffffff",
        "ADD, 64, 1, -2, ffffffffffffffff",
        "ADD, 32, 1, -2, ffffffff",
        "OR, 64, 0, -2147483648, ffffffff80000000",
        "LSH, 64, 1, 65, 2",
        "LSH, 64, 1, -1, 8000000000000000",
        "RSH, 32, 80000000, 33, 40000000",
        "ARSH, 32, 80000000, -1, ffffffff",
        "DIV, 64, ffffffffffffffff, -1, 1",
        "DIV, 32, ffffffff, -1, 1",
        "MOD, 64, 7, 0, 7",
        "SDIV, 32, fffffff9, 2, fffffffd",
        "SMOD, 32, fffffff9, 2, ffffffff",
    })
    void immediateOperand(AluOp op, int width, String dst, int imm, String expected) {
        long result = Runs.run(
                lddw(1, Long.parseUnsignedLong(dst, 16)),
                width == 64 ? op.imm(1, imm) : op.imm32(1, imm),
                MOV.reg(0, 1),
                exit());
        assertEquals(Long.parseUnsignedLong(expected, 16), result);
    }

    @ParameterizedTest(name = "bits {0}")
    @CsvSource({
        "16, 8877665544332211, 2211, 1122",
        "32, 8877665544332211, 44332211, 11223344",
        "64, 8877665544332211, 8877665544332211, 1122334455667788",
    })
    void byteOrder(int bits, String value, String little, String big) {
        long v = Long.parseUnsignedLong(value, 16);
        assertEquals(Long.parseUnsignedLong(little, 16), Runs.run(lddw(0, v), Asm.le(0, bits), exit()));
        assertEquals(Long.parseUnsignedLong(big, 16), Runs.run(lddw(0, v), Asm.be(0, bits), exit()));
        assertEquals(Long.parseUnsignedLong(big, 16), Runs.run(lddw(0, v), Asm.bswap(0, bits), exit()));
    }

    @ParameterizedTest(name = "movsx{1} wide={0}")
    @CsvSource({
        "true, 8, 1234567890abcd80, ffffffffffffff80",
        "true, 16, 1234567890ab8000, ffffffffffff8000",
        "true, 32, 1234567880000000, ffffffff80000000",
        "false, 8, 1234567890abcd80, ffffff80",
        "false, 16, 1234567890ab8000, ffff8000",
        "true, 8, ffffffffffffff7f, 7f",
    })
    void movsx(boolean wide, int bits, String value, String expected) {
        assertEquals(
                Long.parseUnsignedLong(expected, 16),
                Runs.run(
                        lddw(1, Long.parseUnsignedLong(value, 16)),
                        wide ? Asm.movsx(0, 1, bits) : Asm.movsx32(0, 1, bits),
                        exit()));
    }

    @ParameterizedTest(name = "neg wide={0}")
    @CsvSource({
        "true, 1, ffffffffffffffff",
        "false, 1, ffffffff",
        "false, 80000000, 80000000",
        "true, 8000000000000000, 8000000000000000"
    })
    void neg(boolean wide, String value, String expected) {
        assertEquals(
                Long.parseUnsignedLong(expected, 16),
                Runs.run(lddw(0, Long.parseUnsignedLong(value, 16)), wide ? Asm.neg(0) : Asm.neg32(0), exit()));
    }
}
