package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.facts.RegionHint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.jit.testing.Asm;
import org.junit.jupiter.api.Test;

class RegionInferenceTest {
    private static RegionInference infer(Asm asm) {
        Instructions insns = asm.instructions();
        return RegionInference.of(insns, Functions.of(insns));
    }

    @Test
    void infer_stackThroughR10AndConstantAdds() {
        RegionInference facts = infer(new Asm()
                .stx(Size.DW, 10, -8, 1)            // 0: r10
                .movReg(2, 10).add(2, -16)          // 1, 2
                .ldx(Size.W, 3, 2, 4)               // 3: r10 - 16
                .alu(InsnClass.ALU64, dev.ebpfjvm.core.isa.AluOp.MUL, 2, 2)
                .ldx(Size.W, 3, 2, 0)               // 5: r2 no longer derived
                .mov(0, 0).exit());
        assertEquals(RegionHint.STACK, facts.regionAt(0));
        assertEquals(RegionHint.STACK, facts.regionAt(3));
        assertNull(facts.regionAt(5));
    }

    @Test
    void infer_entryR1UntilOverwrittenOrCall() {
        RegionInference facts = infer(new Asm()
                .ldx(Size.W, 0, 1, 0)               // 0: entry r1
                .movReg(6, 1)                       // 1
                .call(5)                            // 2: clobbers r1-r5 (the verifier's view)
                .ldx(Size.W, 0, 1, 0)               // 3: r1 unknown
                .ldx(Size.W, 0, 6, 4)               // 4: r6 still entry r1
                .ldx(Size.DW, 6, 10, -8)            // 5: r6 reloaded from the stack
                .ldx(Size.W, 0, 6, 0)               // 6: unknown
                .exit());
        assertEquals(RegionHint.ENTRY_R1, facts.regionAt(0));
        assertNull(facts.regionAt(3));
        assertEquals(RegionHint.ENTRY_R1, facts.regionAt(4));
        assertEquals(RegionHint.STACK, facts.regionAt(5));
        assertNull(facts.regionAt(6));
    }

    @Test
    void infer_joinOfDifferentBasesIsUnknown() {
        RegionInference facts = infer(new Asm()
                .movReg(2, 10).add(2, -8)                               // 0, 1
                .jump(InsnClass.JMP, JumpOp.JEQ, 3, 0, "join")          // 2
                .movReg(2, 1)                                           // 3: now entry r1
                .label("join").ldx(Size.B, 0, 2, 0)                     // 4: stack or ctx: unknown
                .movReg(4, 10).add(4, -4)                               // 5, 6
                .jump(InsnClass.JMP, JumpOp.JEQ, 3, 0, "join2")         // 7
                .add(4, 0)                                              // 8: same value on both paths
                .label("join2").ldx(Size.B, 0, 4, 0)                    // 9
                .exit());
        assertNull(facts.regionAt(4));
        assertEquals(RegionHint.STACK, facts.regionAt(9));
    }

    @Test
    void infer_loopWithMovingPointerIsChecked() {
        RegionInference facts = infer(new Asm()
                .movReg(2, 10).add(2, -64).mov(3, 8)                   // 0, 1, 2
                .label("loop").st(Size.B, 2, 0, 1)                     // 3: r2 moves every iteration
                .add(2, 1).add(3, -1)
                .jump(InsnClass.JMP, JumpOp.JNE, 3, 0, "loop")
                .st(Size.B, 10, -1, 1)                                 // 7
                .mov(0, 0).exit());
        assertEquals(RegionHint.STACK_CHECKED, facts.regionAt(3));
        assertEquals(RegionHint.STACK, facts.regionAt(7));
    }

    @Test
    void infer_calleeGetsItsOwnR1AndR10() {
        RegionInference facts = infer(new Asm()
                .movReg(1, 10).add(1, -8).callLocal("f").exit()        // 0-3
                .label("f").ldx(Size.DW, 0, 1, 0)                      // 4: the callee's entry r1
                .stx(Size.DW, 10, -8, 0)                               // 5: the callee's r10
                .exit());
        assertEquals(RegionHint.ENTRY_R1, facts.regionAt(4));
        assertEquals(RegionHint.STACK, facts.regionAt(5));
    }

    @Test
    void infer_farOffsetsAndAddedRegistersAreChecked() {
        RegionInference facts = infer(new Asm()
                .movReg(2, 10).add(2, 0x7fffffff).add(2, 0x7fffffff)
                .ldx(Size.B, 0, 2, 0)                                  // 3
                .movReg(3, 1).aluReg(InsnClass.ALU64, dev.ebpfjvm.core.isa.AluOp.ADD, 3, 0)
                .ldx(Size.B, 0, 3, 0)                                  // 6: entry r1 plus a register
                .mov(4, 8).aluReg(InsnClass.ALU64, dev.ebpfjvm.core.isa.AluOp.ADD, 4, 10)
                .stx(Size.B, 4, -16, 0)                                // 9: a scalar plus r10
                .alu(InsnClass.ALU, dev.ebpfjvm.core.isa.AluOp.ADD, 4, 0)
                .stx(Size.B, 4, -16, 0)                                // 11: a 32-bit result is no pointer
                .exit());
        assertEquals(RegionHint.STACK_CHECKED, facts.regionAt(3));
        assertEquals(RegionHint.ENTRY_R1_CHECKED, facts.regionAt(6));
        assertEquals(RegionHint.STACK_CHECKED, facts.regionAt(9));
        assertNull(facts.regionAt(11));
    }
}
