package dev.ebpfjvm.jit.plan;

import static dev.ebpfjvm.core.asm.Asm.call;
import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.st;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.facts.RegionHint;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Size;
import org.junit.jupiter.api.Test;

class RegionInferenceTest {
    private static RegionInference infer(InsnList asm) {
        Instructions insns = asm.instructions();
        return RegionInference.of(insns, Functions.of(insns));
    }

    @Test
    void infer_stackThroughR10AndConstantAdds() {
        RegionInference facts = infer(new InsnList()
                .add(stx(Size.DW, 10, 1, -8)) // 0: r10
                .add(MOV.reg(2, 10), ADD.imm(2, -16)) // 1, 2
                .add(ldx(Size.W, 3, 2, 4)) // 3: r10 - 16
                .add(dev.ebpfjvm.core.isa.AluOp.MUL.imm(2, 2), ldx(Size.W, 3, 2, 0)) // 5: r2 no longer derived
                .add(MOV.imm(0, 0), exit()));
        assertEquals(RegionHint.STACK, facts.regionAt(0));
        assertEquals(RegionHint.STACK, facts.regionAt(3));
        assertNull(facts.regionAt(5));
    }

    @Test
    void infer_entryR1UntilOverwrittenOrCall() {
        RegionInference facts = infer(new InsnList()
                .add(ldx(Size.W, 0, 1, 0)) // 0: entry r1
                .add(MOV.reg(6, 1)) // 1
                .add(call(5)) // 2: clobbers r1-r5 (the verifier's view)
                .add(ldx(Size.W, 0, 1, 0)) // 3: r1 unknown
                .add(ldx(Size.W, 0, 6, 4)) // 4: r6 still entry r1
                .add(ldx(Size.DW, 6, 10, -8)) // 5: r6 reloaded from the stack
                .add(ldx(Size.W, 0, 6, 0)) // 6: unknown
                .add(exit()));
        assertEquals(RegionHint.ENTRY_R1, facts.regionAt(0));
        assertNull(facts.regionAt(3));
        assertEquals(RegionHint.ENTRY_R1, facts.regionAt(4));
        assertEquals(RegionHint.STACK, facts.regionAt(5));
        assertNull(facts.regionAt(6));
    }

    @Test
    void infer_joinOfDifferentBasesIsUnknown() {
        RegionInference facts = infer(new InsnList()
                .add(MOV.reg(2, 10), ADD.imm(2, -8)) // 0, 1
                .add(JumpOp.JEQ.imm(3, 0, "join")) // 2
                .add(MOV.reg(2, 1)) // 3: now entry r1
                .label("join")
                .add(ldx(Size.B, 0, 2, 0)) // 4: stack or ctx: unknown
                .add(MOV.reg(4, 10), ADD.imm(4, -4)) // 5, 6
                .add(JumpOp.JEQ.imm(3, 0, "join2")) // 7
                .add(ADD.imm(4, 0)) // 8: same value on both paths
                .label("join2")
                .add(ldx(Size.B, 0, 4, 0)) // 9
                .add(exit()));
        assertNull(facts.regionAt(4));
        assertEquals(RegionHint.STACK, facts.regionAt(9));
    }

    @Test
    void infer_loopWithMovingPointerIsChecked() {
        RegionInference facts = infer(new InsnList()
                .add(MOV.reg(2, 10), ADD.imm(2, -64), MOV.imm(3, 8)) // 0, 1, 2
                .label("loop")
                .add(st(Size.B, 2, 0, 1)) // 3: r2 moves every iteration
                .add(ADD.imm(2, 1), ADD.imm(3, -1), JumpOp.JNE.imm(3, 0, "loop"), st(Size.B, 10, -1, 1)) // 7
                .add(MOV.imm(0, 0), exit()));
        assertEquals(RegionHint.STACK_CHECKED, facts.regionAt(3));
        assertEquals(RegionHint.STACK, facts.regionAt(7));
    }

    @Test
    void infer_calleeGetsItsOwnR1AndR10() {
        RegionInference facts = infer(new InsnList()
                .add(MOV.reg(1, 10), ADD.imm(1, -8), callLocal("f"), exit()) // 0-3
                .label("f")
                .add(ldx(Size.DW, 0, 1, 0)) // 4: the callee's entry r1
                .add(stx(Size.DW, 10, 0, -8)) // 5: the callee's r10
                .add(exit()));
        assertEquals(RegionHint.ENTRY_R1, facts.regionAt(4));
        assertEquals(RegionHint.STACK, facts.regionAt(5));
    }

    @Test
    void infer_farOffsetsAndAddedRegistersAreChecked() {
        RegionInference facts = infer(new InsnList()
                .add(MOV.reg(2, 10), ADD.imm(2, 0x7fffffff), ADD.imm(2, 0x7fffffff), ldx(Size.B, 0, 2, 0)) // 3
                .add(
                        MOV.reg(3, 1),
                        dev.ebpfjvm.core.isa.AluOp.ADD.reg(3, 0),
                        ldx(Size.B, 0, 3, 0)) // 6: entry r1 plus a register
                .add(
                        MOV.imm(4, 8),
                        dev.ebpfjvm.core.isa.AluOp.ADD.reg(4, 10),
                        stx(Size.B, 4, 0, -16)) // 9: a scalar plus r10
                .add(
                        dev.ebpfjvm.core.isa.AluOp.ADD.imm32(4, 0),
                        stx(Size.B, 4, 0, -16)) // 11: a 32-bit result is no pointer
                .add(exit()));
        assertEquals(RegionHint.STACK_CHECKED, facts.regionAt(3));
        assertEquals(RegionHint.ENTRY_R1_CHECKED, facts.regionAt(6));
        assertEquals(RegionHint.STACK_CHECKED, facts.regionAt(9));
        assertNull(facts.regionAt(11));
    }
}
