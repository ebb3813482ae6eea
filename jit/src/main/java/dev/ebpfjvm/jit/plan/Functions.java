package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Splits a program into its functions and checks the layout rules that make each one a JVM
 * method: jumps stay inside their function and no function falls through into the next.
 * Mirrors add_subprog() and check_subprogs() in kernel/bpf/verifier.c, including their messages.
 */
public final class Functions {
    private final List<FunctionRange> ranges;
    private final int[] indexOfStart;

    private Functions(List<FunctionRange> ranges, int slotCount) {
        this.ranges = List.copyOf(ranges);
        this.indexOfStart = new int[slotCount];
        Arrays.fill(indexOfStart, -1);
        for (FunctionRange f : ranges) {
            indexOfStart[f.start()] = f.index();
        }
    }

    /**
     * Finds the functions of a program: slot 0 and every local call target start one.
     *
     * @throws InvalidProgramException when a jump leaves its function or a function's last
     *     instruction can fall through
     */
    public static Functions of(Instructions insns) {
        int slots = insns.slotCount();
        BitSet starts = new BitSet(slots);
        starts.set(0);
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.list().get(i);
            if (insn.isLocalCall()) {
                starts.set(insn.jumpTarget(insns.slotOf(i)));
            }
        }
        List<FunctionRange> ranges = new ArrayList<>();
        for (int s = starts.nextSetBit(0); s >= 0; ) {
            int next = starts.nextSetBit(s + 1);
            int end = next < 0 ? slots : next;
            FunctionRange range = new FunctionRange(ranges.size(), s, end);
            check(insns, range);
            ranges.add(range);
            s = next;
        }
        return new Functions(ranges, slots);
    }

    /** {@return the functions, by ascending start} */
    public List<FunctionRange> ranges() {
        return ranges;
    }

    /** {@return the function starting at a slot (the target of a local call)} */
    public FunctionRange startingAt(int slot) {
        int index = slot >= 0 && slot < indexOfStart.length ? indexOfStart[slot] : -1;
        if (index < 0) {
            throw new IllegalArgumentException("no function starts at slot " + slot);
        }
        return ranges.get(index);
    }

    private static void check(Instructions insns, FunctionRange range) {
        int last = -1;
        for (int slot = range.start(); slot < range.end(); slot++) {
            Insn insn = insns.atSlot(slot);
            if (insn == null) {
                continue;
            }
            last = slot;
            int target = Flow.branchTarget(insn, slot);
            if (target >= 0 && !range.contains(target)) {
                throw new InvalidProgramException(slot, "jump out of range from insn " + slot + " to " + target);
            }
        }
        if (Flow.fallsThrough(insns.atSlot(last))) {
            throw new InvalidProgramException(last, "last insn is not an exit or jmp");
        }
    }
}
