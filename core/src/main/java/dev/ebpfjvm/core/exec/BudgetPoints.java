package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.PseudoSrc;

/**
 * The counting rule of the instruction budget ({@link ProgramContext#setBudget}), shared by both
 * engines so that one budget stops a program at the same instruction on each: every arrival at a
 * <em>budget point</em> costs one unit, and nothing else costs anything. The budget points are the
 * function entries (slot 0, the target of every local call and every {@code BPF_PSEUDO_FUNC}
 * lddw) and the targets of backward jumps (a jump whose target is at or before itself). Every
 * cycle of the control flow and every call passes a point, so a budget bounds any run, while
 * straight-line code pays nothing.
 */
public final class BudgetPoints {
    private BudgetPoints() {}

    /** {@return for each slot of {@code insns}, whether it is a budget point} */
    public static boolean[] of(Instructions insns) {
        boolean[] points = new boolean[insns.slotCount()];
        if (points.length > 0) {
            points[0] = true;
        }
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.list().get(i);
            int slot = insns.slotOf(i);
            int target = -1;
            if (insn.isLocalCall() || insn.isWide() && insn.pseudoSrc() == PseudoSrc.FUNC) {
                target = slot + 1 + insn.imm32();
            } else if (insn.insnClass().isJump()
                    && (insn.jumpOp() == JumpOp.JA || insn.jumpOp().isConditional())) {
                int t = insn.jumpTarget(slot);
                target = t <= slot ? t : -1;
            }
            if (target >= 0 && target < points.length) {
                points[target] = true;
            }
        }
        return points;
    }
}
