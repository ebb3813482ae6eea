package dev.ebpfjvm.core.interp;

import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.JumpOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every conditional jump of JMP and JMP32, in both operand forms, on random operands (immediates
 * sign-extended to 64 bits for JMP, only the low halves compared for JMP32), against
 * {@link ReferenceSemantics}.
 */
class JumpPropertyTest {
    private static final int CASES = 300;

    static Stream<Arguments> conditions() {
        List<Arguments> out = new ArrayList<>();
        for (JumpOp op : JumpOp.values()) {
            if (!op.isConditional()) {
                continue;
            }
            for (boolean wide : new boolean[] {true, false}) {
                out.add(Arguments.of(op, wide, true));
                out.add(Arguments.of(op, wide, false));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} wide={1} register={2}")
    @MethodSource("conditions")
    void condition_matchesReference(JumpOp op, boolean wide, boolean register) {
        long seed = Operands.seed();
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            long a = Operands.next(random);
            long b = register ? (random.nextInt(8) == 0 ? a : Operands.next(random)) : Operands.nextImm(random);
            if (random.nextInt(8) == 0) {
                b = (b & 0xffff_ffff_0000_0000L) | (a & 0xffff_ffffL); // equal low halves
            }
            long src = register ? b : (int) b;
            List<Insn> insns = new ArrayList<>(List.of(lddw(6, a), lddw(7, src), MOV.imm(0, 1)));
            InsnClass cls = wide ? InsnClass.JMP : InsnClass.JMP32;
            insns.add(register ? op.reg(cls, 6, 7, 1) : op.imm(cls, 6, (int) src, 1));
            insns.add(MOV.imm(0, 0));
            insns.add(exit());
            long expected = ReferenceSemantics.jumps(wide, op, a, src) ? 1 : 0;
            long actual = Runs.run(insns.toArray(new Insn[0]));
            assertEquals(
                    expected,
                    actual,
                    () -> String.format("seed %d: %s%s 0x%x, 0x%x", seed, op, wide ? "" : "32", a, src));
        }
    }
}
