package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.exec.BudgetPoints;
import dev.ebpfjvm.core.facts.MemoryFacts;
import dev.ebpfjvm.core.isa.Instructions;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the code generator needs to know before it emits: the functions and how each is cut
 * into methods, register liveness, the memory facts and which constants are pooled.
 *
 * @param insns the program's instructions
 * @param functions the functions, each with its method plan
 * @param liveness live registers per slot
 * @param facts the region of each memory access, where known
 * @param constants which constants are pooled
 */
public record ProgramPlan(
        Instructions insns,
        List<FunctionPlan> functions,
        Liveness liveness,
        MemoryFacts facts,
        ConstantPlan constants) {
    /** Pool entries kept for everything but instruction constants (names, helper constants, ...). */
    static final int RESERVED_POOL = 3000;
    /** Pool entries one generated method needs: a method ref, its name and type, its name. */
    static final int POOL_PER_METHOD = 4;
    /** The constant pool's capacity. */
    static final int POOL_CAPACITY = 65535;
    /** The most bytes one instruction, its budget check and a stub for it can take, for the quick pool bound. */
    private static final int QUICK_INSN_BYTES = 235;

    public ProgramPlan {
        functions = List.copyOf(functions);
    }

    /**
     * Plans a program.
     *
     * @param insns the instructions, validated
     * @param facts the memory facts, or null to infer them ({@link RegionInference})
     * @param budget the most estimated bytecode bytes per method
     */
    public static ProgramPlan of(Instructions insns, MemoryFacts facts, int budget) {
        Functions functions = Functions.of(insns);
        MemoryFacts known = facts != null ? facts : RegionInference.of(insns, functions);
        ConstantPlan constants = ConstantPlan.of(insns, poolSlots(insns, functions, known, budget));
        boolean[] points = BudgetPoints.of(insns);
        ChunkPlanner planner = new ChunkPlanner(insns, new SizeModel(constants, known, points), budget);
        List<FunctionPlan> plans = new ArrayList<>();
        for (FunctionRange f : functions.ranges()) {
            plans.add(planner.plan(f));
        }
        return new ProgramPlan(insns, plans, Liveness.of(insns, functions), known, constants);
    }

    /** {@return the function starting at a slot (a local call's target)} */
    public FunctionPlan functionAt(int start) {
        int lo = 0;
        int hi = functions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int s = functions.get(mid).range().start();
            if (s == start) {
                return functions.get(mid);
            }
            if (s < start) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        throw new IllegalArgumentException("no function starts at slot " + start);
    }

    /**
     * The pool entries left for instruction constants once the methods are counted. A quick bound
     * (every instruction at its largest, a stub each) settles small programs; larger ones bound the
     * method count by planning with no constant pooled (every constant at its largest).
     */
    private static int poolSlots(Instructions insns, Functions functions, MemoryFacts facts, int budget) {
        long perChunk = Math.max(1, (budget - SizeModel.CHUNK_FIXED - SizeModel.STUB) / QUICK_INSN_BYTES);
        long quick = 3L * functions.ranges().size() + insns.slotCount() / perChunk + insns.slotCount() / 256 + 1;
        if (quick * POOL_PER_METHOD + RESERVED_POOL + 2L * insns.size() <= POOL_CAPACITY) {
            return POOL_CAPACITY;
        }
        ChunkPlanner worst =
                new ChunkPlanner(insns, new SizeModel(ConstantPlan.poolNone(), facts, BudgetPoints.of(insns)), budget);
        long methods = 1;
        for (FunctionRange f : functions.ranges()) {
            long bytes = worst.wholeBytes(f);
            if (bytes <= budget) {
                methods++;
                continue;
            }
            long chunks = worst.plan(f).chunks().size();
            methods += 1 + chunks + chunks / 256 + 2;
        }
        return (int) Math.max(0, POOL_CAPACITY - RESERVED_POOL - POOL_PER_METHOD * methods);
    }
}
