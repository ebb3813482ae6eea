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
 * stub per distinct outside target, entry-switch cases and fixed overhead) stays within the
 * budget. Cuts may fall anywhere between instructions: a straight-line block of 10,000
 * instructions is cut too, and falling through a cut is just one more way to leave a chunk.
 */
final class ChunkPlanner {
    private final Instructions insns;
    private final SizeModel size;
    private final int budget;

    ChunkPlanner(Instructions insns, SizeModel size, int budget) {
        this.insns = insns;
        this.size = size;
        this.budget = budget;
    }

    /** {@return the estimated bytes of the function as one method} */
    long wholeBytes(FunctionRange f) {
        long bytes = SizeModel.FUNCTION_FIXED;
        for (int slot = f.start(); slot < f.end(); slot++) {
            Insn insn = insns.atSlot(slot);
            if (insn != null) {
                bytes += size.bytes(insn, slot);
            }
        }
        return bytes;
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
        long est = SizeModel.CHUNK_FIXED + SizeModel.STUB + SizeModel.ENTRY;
        Set<Integer> stubbed = new HashSet<>();
        for (int slot = f.start(); slot < f.end(); slot++) {
            Insn insn = insns.atSlot(slot);
            if (insn == null) {
                continue;
            }
            int cost = size.bytes(insn, slot) + (targets.get(slot) ? SizeModel.ENTRY : 0);
            int target = Flow.branchTarget(insn, slot);
            if (slot > start && est + cost + stubCost(target, start, slot, stubbed) > budget) {
                ranges.add(new int[] {start, slot});
                start = slot;
                est = SizeModel.CHUNK_FIXED + SizeModel.STUB + SizeModel.ENTRY;
                stubbed.clear();
            }
            int stub = stubCost(target, start, slot, stubbed);
            if (stub > 0) {
                stubbed.add(target);
            }
            est += cost + stub;
        }
        ranges.add(new int[] {start, f.end()});
        return ranges;
    }

    /** A jump to a slot outside {@code [start, slot]} may need a stub; later-internal targets are overcounted. */
    private static int stubCost(int target, int start, int slot, Set<Integer> stubbed) {
        if (target < 0 || (target >= start && target <= slot) || stubbed.contains(target)) {
            return 0;
        }
        return SizeModel.STUB;
    }

    private static int chunkIndex(int[] starts, int slot) {
        int i = java.util.Arrays.binarySearch(starts, slot);
        return i >= 0 ? i : -i - 2;
    }
}
