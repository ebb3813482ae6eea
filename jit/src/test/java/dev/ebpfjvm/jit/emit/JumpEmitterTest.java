package dev.ebpfjvm.jit.emit;

import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.gotol;
import static dev.ebpfjvm.core.asm.Asm.ja;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static dev.ebpfjvm.core.isa.AluOp.OR;
import static dev.ebpfjvm.core.isa.InsnClass.JMP;
import static dev.ebpfjvm.core.isa.InsnClass.JMP32;
import static dev.ebpfjvm.core.isa.JumpOp.JEQ;
import static dev.ebpfjvm.core.isa.JumpOp.JGE;
import static dev.ebpfjvm.core.isa.JumpOp.JGT;
import static dev.ebpfjvm.core.isa.JumpOp.JLE;
import static dev.ebpfjvm.core.isa.JumpOp.JLT;
import static dev.ebpfjvm.core.isa.JumpOp.JNE;
import static dev.ebpfjvm.core.isa.JumpOp.JSET;
import static dev.ebpfjvm.core.isa.JumpOp.JSGE;
import static dev.ebpfjvm.core.isa.JumpOp.JSGT;
import static dev.ebpfjvm.core.isa.JumpOp.JSLE;
import static dev.ebpfjvm.core.isa.JumpOp.JSLT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.jit.testing.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conditional jumps of JMP and JMP32 with register and immediate operands, on values where
 * signed and unsigned order disagree and where only the upper half differs; plus ja, gotol and
 * backward jumps (a loop).
 */
class JumpEmitterTest {
    /** One case: is the jump {@code op a, b} taken? */
    record Case(InsnClass cls, JumpOp op, boolean imm, long a, long b, boolean taken) {
        @Override
        public String toString() {
            return op + (cls == JMP32 ? "32" : "") + (imm ? " imm " : " reg ") + Long.toHexString(a) + ", "
                    + Long.toHexString(b) + (taken ? " taken" : " not taken");
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        long[][] pairs = {{-1, 1}, {1, -1}, {5, 5}, {0x1_0000_0000L, 0}, {0x7fffffff, 0x80000000L}, {0, 0}};
        for (JumpOp op : new JumpOp[] {JEQ, JNE, JGT, JGE, JLT, JLE, JSGT, JSGE, JSLT, JSLE, JSET}) {
            for (long[] p : pairs) {
                c.add(new Case(JMP, op, false, p[0], p[1], taken(op, p[0], p[1])));
                c.add(new Case(JMP32, op, false, p[0], p[1], taken(op, (int) p[0], (int) p[1])));
                c.add(new Case(JMP, op, true, p[0], (int) p[1], taken(op, p[0], (int) p[1])));
                c.add(new Case(JMP32, op, true, p[0], (int) p[1], taken(op, (int) p[0], (int) p[1])));
            }
        }
        return c;
    }

    /** The rule, written out per operation: 32-bit operands arrive sign-extended to long. */
    private static boolean taken(JumpOp op, long a, long b) {
        switch (op) {
            case JEQ:
                return a == b;
            case JNE:
                return a != b;
            case JGT:
                return Long.compareUnsigned(a, b) > 0;
            case JGE:
                return Long.compareUnsigned(a, b) >= 0;
            case JLT:
                return Long.compareUnsigned(a, b) < 0;
            case JLE:
                return Long.compareUnsigned(a, b) <= 0;
            case JSGT:
                return a > b;
            case JSGE:
                return a >= b;
            case JSLT:
                return a < b;
            case JSLE:
                return a <= b;
            case JSET:
                return (a & b) != 0;
            default:
                throw new AssertionError(op);
        }
    }

    static Stream<Arguments> opsAndVariants() {
        return Stream.of(JEQ, JNE, JGT, JGE, JLT, JLE, JSGT, JSGE, JSLT, JSLE, JSET)
                .flatMap(op -> Stream.of(Variant.values()).map(v -> Arguments.of(op, v)));
    }

    /** All cases of one operation run in one program, each setting its bit of r0 when its jump is taken. */
    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("opsAndVariants")
    void emit_takesJumpExactlyWhenTheKernelDoes(JumpOp op, Variant variant) {
        List<Case> cases = cases().stream().filter(c -> c.op == op).collect(Collectors.toList());
        InsnList asm = new InsnList().add(MOV.imm(0, 0));
        long expected = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            asm.add(lddw(1, c.a), lddw(2, c.b));
            if (c.imm) {
                asm.add(c.op.imm(c.cls, 1, (int) c.b, "taken" + i));
            } else {
                asm.add(c.op.reg(c.cls, 1, 2, "taken" + i));
            }
            asm.add(ja("next" + i))
                    .label("taken" + i)
                    .add(lddw(3, 1L << i), OR.reg(0, 3))
                    .label("next" + i);
            expected |= c.taken ? 1L << i : 0;
        }
        asm.add(exit());
        long r0 = variant.compile(asm.program("jump")).run(new ProgramContext());
        StringBuilder wrong = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            if (((r0 ^ expected) >>> i & 1) != 0) {
                wrong.append("\n  ").append(cases.get(i));
            }
        }
        assertEquals(expected, r0, () -> "wrong:" + wrong);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void emit_loopAndGotol(Variant variant) {
        // r0 = sum of 1..100 with a backward conditional jump, then gotol over a poison instruction.
        InsnList asm = new InsnList()
                .add(MOV.imm(0, 0), MOV.imm(1, 100))
                .label("loop")
                .add(
                        dev.ebpfjvm.core.isa.AluOp.ADD.reg(0, 1),
                        ADD.imm(1, -1),
                        JNE.imm(1, 0, "loop"),
                        gotol("end"),
                        MOV.imm(0, -1))
                .label("end")
                .add(ja("exit"), MOV.imm(0, -2))
                .label("exit")
                .add(exit());
        assertEquals(5050, variant.compile(asm.program("loop")).run(new ProgramContext()));
    }

    @Test
    void emit_deadCodeAfterExitStillVerifies() {
        InsnList asm = new InsnList().add(MOV.imm(0, 7), exit(), MOV.imm(0, 8), exit());
        for (Variant v : Variant.values()) {
            assertEquals(7, v.compile(asm.program("dead")).run(new ProgramContext()));
        }
    }
}
