package dev.ebpfjvm.jit.emit;

import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.asm.Asm.movsx;
import static dev.ebpfjvm.core.asm.Asm.movsx32;
import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.AND;
import static dev.ebpfjvm.core.isa.AluOp.ARSH;
import static dev.ebpfjvm.core.isa.AluOp.BSWAP;
import static dev.ebpfjvm.core.isa.AluOp.DIV;
import static dev.ebpfjvm.core.isa.AluOp.END;
import static dev.ebpfjvm.core.isa.AluOp.LSH;
import static dev.ebpfjvm.core.isa.AluOp.MOD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static dev.ebpfjvm.core.isa.AluOp.MOVSX;
import static dev.ebpfjvm.core.isa.AluOp.MUL;
import static dev.ebpfjvm.core.isa.AluOp.NEG;
import static dev.ebpfjvm.core.isa.AluOp.OR;
import static dev.ebpfjvm.core.isa.AluOp.RSH;
import static dev.ebpfjvm.core.isa.AluOp.SDIV;
import static dev.ebpfjvm.core.isa.AluOp.SMOD;
import static dev.ebpfjvm.core.isa.AluOp.SUB;
import static dev.ebpfjvm.core.isa.AluOp.XOR;
import static dev.ebpfjvm.core.isa.InsnClass.ALU;
import static dev.ebpfjvm.core.isa.InsnClass.ALU64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.jit.testing.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ALU operation, 64- and 32-bit, register and immediate forms, against results worked out by
 * hand from the kernel's rules (division by zero, zero-extension of 32-bit results, masked shift
 * counts, sign-extending moves, byte swaps). Each case runs in every {@link Variant}.
 */
class AluEmitterTest {
    private static final long MIN = Long.MIN_VALUE;

    /** One case: {@code dst = a; op dst, b} (b a register, or an immediate when {@code imm}). */
    record Case(InsnClass cls, AluOp op, boolean imm, long a, long b, int off, long expected) {
        @Override
        public String toString() {
            return (cls == ALU ? op + "32" : op.toString()) + (imm ? " imm " : " reg ") + Long.toHexString(a) + ", "
                    + Long.toHexString(b) + (off != 0 ? " off " + off : "") + " = " + Long.toHexString(expected);
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        reg(c, ALU64, ADD, Long.MAX_VALUE, 1, MIN);
        reg(c, ALU64, SUB, 0, 1, -1);
        reg(c, ALU64, MUL, 0x100000001L, 0x100000001L, 0x200000001L);
        reg(c, ALU64, DIV, -1, 2, Long.MAX_VALUE);
        reg(c, ALU64, DIV, 77, 0, 0);
        reg(c, ALU64, MOD, -1, 10, 5);
        reg(c, ALU64, MOD, 77, 0, 77);
        reg(c, ALU64, SDIV, -7, 2, -3);
        reg(c, ALU64, SDIV, MIN, -1, MIN);
        reg(c, ALU64, SDIV, 5, 0, 0);
        reg(c, ALU64, SMOD, -7, 2, -1);
        reg(c, ALU64, SMOD, MIN, -1, 0);
        reg(c, ALU64, SMOD, -5, 0, -5);
        reg(c, ALU64, OR, 0xf0, 0x0f, 0xff);
        reg(c, ALU64, AND, 0xf0f0, 0xff00, 0xf000);
        reg(c, ALU64, XOR, -1, 0xff, ~0xffL);
        reg(c, ALU64, LSH, 1, 63, MIN);
        reg(c, ALU64, LSH, 1, 64, 1);
        reg(c, ALU64, RSH, MIN, 63, 1);
        reg(c, ALU64, ARSH, MIN, 63, -1);
        reg(c, ALU64, MOV, 3, 0x1234_5678_9abcL, 0x1234_5678_9abcL);
        imm(c, ALU64, ADD, 1, -2, -1);
        imm(c, ALU64, MOV, 99, -1, -1);
        imm(c, ALU64, AND, -1, 0x80000000, 0xffffffff80000000L);
        imm(c, ALU64, DIV, 100, 0, 0);
        imm(c, ALU64, MOD, 100, 0, 100);
        imm(c, ALU64, MUL, 3, 0x12345678, 3L * 0x12345678);
        imm(c, ALU64, LSH, 1, 65, 2);
        imm(c, ALU64, ARSH, -16, 2, -4);
        imm(c, ALU64, NEG, 5, 0, -5);
        imm(c, ALU64, BSWAP, 0xffff_1234L, 16, 0x3412);
        imm(c, ALU64, BSWAP, 0x12345678L, 32, 0x78563412L);
        imm(c, ALU64, BSWAP, 0x0102030405060708L, 64, 0x0807060504030201L);
        c.add(new Case(ALU64, MOVSX, false, 0, 0x80, 8, -128));
        c.add(new Case(ALU64, MOVSX, false, 0, 0x8000, 16, -32768));
        c.add(new Case(ALU64, MOVSX, false, 0, 0x80000000L, 32, Integer.MIN_VALUE));

        reg(c, ALU, ADD, 0xffffffffL, 1, 0);
        reg(c, ALU, ADD, 0x1_0000_0005L, 1, 6);
        reg(c, ALU, SUB, 0, 1, 0xffffffffL);
        reg(c, ALU, MUL, 0x10000, 0x10000, 0);
        reg(c, ALU, DIV, 0xffffffffL, 2, 0x7fffffff);
        reg(c, ALU, DIV, 0x1_0000_0008L, 2, 4);
        reg(c, ALU, DIV, 9, 0x1_0000_0000L, 0);
        reg(c, ALU, MOD, 0x1_0000_0007L, 0, 7);
        reg(c, ALU, MOD, 0xffffffffL, 10, 5);
        reg(c, ALU, SDIV, -7, 2, 0xfffffffdL);
        reg(c, ALU, SDIV, 0x80000000L, -1, 0x80000000L);
        reg(c, ALU, SMOD, -7, 2, 0xffffffffL);
        reg(c, ALU, SMOD, -7, 0, 0xfffffff9L);
        reg(c, ALU, OR, 0xffffffff_00000000L, 1, 1);
        reg(c, ALU, LSH, 1, 31, 0x80000000L);
        reg(c, ALU, LSH, 1, 32, 1);
        reg(c, ALU, RSH, 0xffffffff_80000000L, 31, 1);
        reg(c, ALU, ARSH, 0x80000000L, 31, 0xffffffffL);
        reg(c, ALU, MOV, 0, 0xffffffff_00000005L, 5);
        imm(c, ALU, MOV, 0, -1, 0xffffffffL);
        imm(c, ALU, ADD, 0xffffffff_fffffffeL, 1, 0xffffffffL);
        imm(c, ALU, XOR, 0, 0x80000000, 0x80000000L);
        imm(c, ALU, DIV, 10, 0, 0);
        imm(c, ALU, SDIV, -8, -2, 4);
        imm(c, ALU, NEG, 1, 0, 0xffffffffL);
        imm(c, ALU, ARSH, 0xf0000000L, 4, 0xff000000L);
        imm(c, ALU, END, 0x12345678L, 16, 0x5678);
        imm(c, ALU, END, 0x1_2345_6789L, 32, 0x23456789);
        imm(c, ALU, END, 0x1_2345_6789L, 64, 0x1_2345_6789L);
        c.add(new Case(ALU, END, false, 0x1234, 0, 16, 0x3412));
        c.add(new Case(ALU, END, false, 0x12345678L, 0, 32, 0x78563412L));
        c.add(new Case(ALU, END, false, 0x0102030405060708L, 0, 64, 0x0807060504030201L));
        c.add(new Case(ALU, MOVSX, false, 0, 0x80, 8, 0xffffff80L));
        c.add(new Case(ALU, MOVSX, false, 0, 0x8000, 16, 0xffff8000L));
        return c;
    }

    static Stream<Arguments> casesAndVariants() {
        return cases().stream().flatMap(c -> Stream.of(Variant.values()).map(v -> Arguments.of(c, v)));
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("casesAndVariants")
    void emit_matchesKernelRules(Case c, Variant variant) {
        InsnList asm = new InsnList().add(lddw(1, c.a), lddw(2, c.b));
        if (c.op == END && !c.imm) {
            asm.add(dev.ebpfjvm.core.isa.Insn.of(ALU.code() | END.code() | 0x08, 1, 0, 0, c.off));
        } else if (c.op == MOVSX) {
            asm.add(c.cls == ALU64 ? movsx(1, 2, c.off) : movsx32(1, 2, c.off));
        } else if (c.imm) {
            asm.add(c.op.imm(c.cls, 1, (int) c.b));
        } else {
            asm.add(c.op.reg(c.cls, 1, 2));
        }
        asm.add(MOV.reg(0, 1), exit());
        long r0 = variant.compile(asm.program("alu")).run(new ProgramContext());
        assertEquals(c.expected, r0, () -> c + ": got " + Long.toHexString(r0));
    }

    private static void reg(List<Case> c, InsnClass cls, AluOp op, long a, long b, long expected) {
        c.add(new Case(cls, op, false, a, b, 0, expected));
    }

    private static void imm(List<Case> c, InsnClass cls, AluOp op, long a, int b, long expected) {
        c.add(new Case(cls, op, true, a, b, 0, expected));
    }
}
