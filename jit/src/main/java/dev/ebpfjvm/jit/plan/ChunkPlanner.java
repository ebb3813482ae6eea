package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts a function into methods under a byte budget. A function that fits stays one method; a
 * larger one is cut greedily, in slot order, into chunks whose estimated size (instructions, one
 * stub per distinct target outside the chunk, entry-switch cases and fixed overhead) stays within
 * the budget. A jump ahead costs a stub only while its target is not yet in the chunk: the check
 * before each instruction counts the stubs a cut right there would need. Cuts may fall anywhere between instructions: a straight-line block of 10,000
 * instructions is cut too, and falling through a cut is just one more way to leave a chunk.
 */
final class ChunkPlanner {
    /** A chunk's cost before its first instruction: fixed overhead, the fall-through stub, its first entry. */
    private static final int OPEN = SizeModel.CHUNK_FIXED + SizeModel.STUB + SizeModel.ENTRY;

    private final Instructions insns;
    private final int[] bytes;
    private final int budget;

    ChunkPlanner(Instructions insns, SizeModel size, int budget) {
        this.insns = insns;
        this.budget = budget;
        this.bytes = new int[insns.slotCount()];
        for (int i = 0; i < insns.size(); i++) {
            int slot = insns.slotOf(i);
            bytes[slot] = size.bytes(insns.list().get(i), slot);
        }
    }

    /** {@return the estimated bytes of the function as one method} */
    long wholeBytes(FunctionRange f) {
        long total = SizeModel.FUNCTION_FIXED;
        for (int slot = f.start(); slot < f.end(); slot++) {
            total += bytes[slot];
        }
        return total;
    }

    /** {@return the function's plan: one method when it fits the budget, else its chunks} */
    FunctionPlan plan(FunctionRange f) {
        if (wholeBytes(f) <= budget) {
            return new FunctionPlan(f, List.of());
        }
        List<int[]> ranges = cut(f);
        List<TreeSet<Integer>> entries = new ArrayList<>();
        int[] starts = new int[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            starts[i] = ranges.get(i)[0];
            TreeSet<Integer> set = new TreeSet<>();
            set.add(starts[i]);
            entries.add(set);
        }
        for (int slot = f.start(); slot < f.end(); slot++) {
            Insn insn = insns.atSlot(slot);
            int target = insn == null ? -1 : Flow.branchTarget(insn, slot);
            if (target >= 0) {
                int to = chunkIndex(starts, target);
                if (to != chunkIndex(starts, slot)) {
                    entries.get(to).add(target);
                }
            }
        }
        List<MethodPlan> chunks = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            chunks.add(new MethodPlan(i, ranges.get(i)[0], ranges.get(i)[1], new ArrayList<>(entries.get(i))));
        }
        return new FunctionPlan(f, chunks);
    }

    private List<int[]> cut(FunctionRange f) {
        BitSet targets = new BitSet();
        for (int slot = f.start(); slot < f.end(); slot++) {
            Insn insn = insns.atSlot(slot);
            if (insn != null && Flow.branchTarget(insn, slot) >= 0) {
                targets.set(Flow.branchTarget(insn, slot));
            }
        }
        List<int[]> ranges = new ArrayList<>();
        int start = f.start();
        long est = OPEN;
        Set<Integer> behind = new HashSet<>();
        Set<Integer> ahead = new HashSet<>();
        for (int slot = f.start(); slot < f.end(); slot++) {
            Insn insn = insns.atSlot(slot);
            if (insn == null) {
                continue;
            }
            int cost = bytes[slot] + (targets.get(slot) ? SizeModel.ENTRY : 0);
            int target = Flow.branchTarget(insn, slot);
            if (slot > start && est + cost + stubs(target, start, slot, behind, ahead) > budget) {
                ranges.add(new int[] {start, slot});
                start = slot;
                est = OPEN;
                behind.clear();
                ahead.clear();
            }
            ahead.remove(slot);
            if (target >= 0 && target < start && behind.add(target)) {
                est += SizeModel.STUB;
            } else if (target > slot) {
                ahead.add(target);
            }
            est += cost;
        }
        ranges.add(new int[] {start, f.end()});
        return ranges;
    }

    /**
     * {@return the stubs the chunk would need if it were cut after this instruction: one per
     * distinct target before the chunk not yet counted, and one per distinct target from this slot
     * on (a target at this very slot would be outside if the cut came before it, and is counted too)}
     */
    private static long stubs(int target, int start, int slot, Set<Integer> behind, Set<Integer> ahead) {
        boolean newBehind = target >= 0 && target < start && !behind.contains(target);
        boolean newAhead = target > slot && !ahead.contains(target);
        return (long) SizeModel.STUB * ((newBehind ? 1 : 0) + ahead.size() + (newAhead ? 1 : 0));
    }

    private static int chunkIndex(int[] starts, int slot) {
        int i = java.util.Arrays.binarySearch(starts, slot);
        return i >= 0 ? i : -i - 2;
    }
}
