package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.JumpOp;

/**
 * Control flow inside one function: where execution can go after an instruction. A local call
 * ({@code call local}) is not a branch here: it returns to the next slot.
 */
public final class Flow {
    private Flow() {}

    /** {@return true when execution can continue at the next instruction (everything but exit and ja/gotol)} */
    public static boolean fallsThrough(Insn insn) {
        if (insn.isExit()) {
            return false;
        }
        return !(insn.insnClass().isJump() && insn.jumpOp() == JumpOp.JA);
    }

    /**
     * {@return the slot a conditional jump, {@code ja} or {@code gotol} at {@code slot} branches to,
     * or -1 when the instruction does not branch}
     */
    public static int branchTarget(Insn insn, int slot) {
        if (!insn.insnClass().isJump()) {
            return -1;
        }
        JumpOp op = insn.jumpOp();
        return op == JumpOp.JA || op.isConditional() ? insn.jumpTarget(slot) : -1;
    }
}
