package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;

/**
 * Which registers are live (may be read before being written) at the start of each slot, from a
 * backward dataflow over each function. A split function passes only these between its methods.
 */
public final class Liveness {
    private final int[] liveIn;

    private Liveness(int[] liveIn) {
        this.liveIn = liveIn;
    }

    /** Computes liveness for every function of a program. */
    public static Liveness of(Instructions insns, Functions functions) {
        int[] in = new int[insns.slotCount()];
        for (FunctionRange f : functions.ranges()) {
            solve(insns, f, in);
        }
        return new Liveness(in);
    }

    /** {@return the registers live at the start of a slot, as a mask (bit n = rn)} */
    public int liveIn(int slot) {
        return liveIn[slot];
    }

    private static void solve(Instructions insns, FunctionRange f, int[] in) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int slot = f.end() - 1; slot >= f.start(); slot--) {
                Insn insn = insns.atSlot(slot);
                if (insn == null) {
                    continue;
                }
                int out = 0;
                if (Flow.fallsThrough(insn)) {
                    out = in[slot + insn.slots()];
                }
                int target = Flow.branchTarget(insn, slot);
                if (target >= 0) {
                    out |= in[target];
                }
                int live = RegUse.uses(insn) | (out & ~RegUse.defs(insn));
                if (live != in[slot]) {
                    in[slot] = live;
                    changed = true;
                }
            }
        }
    }
}
