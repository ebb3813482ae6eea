package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.facts.MemoryFacts;
import dev.ebpfjvm.core.facts.RegionHint;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Reg;
import dev.ebpfjvm.core.isa.Source;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The JIT's own memory facts, for programs that come without a verifier's: a forward dataflow over
 * each function that tracks registers holding r10 or the entry r1 plus a known constant (through
 * {@code mov}, {@code add} and {@code sub} with immediates), or plus an amount it cannot follow
 * (a register added, a pointer moved in a loop). Accesses through the former get
 * {@link RegionHint#STACK} or {@link RegionHint#ENTRY_R1}, through the latter
 * {@link RegionHint#STACK_CHECKED} or {@link RegionHint#ENTRY_R1_CHECKED}, whose code checks the
 * region at run time.
 *
 * <p>Why the direct access is exact: the engines compute the same 32-bit index from the same
 * low half of the address, so they agree whenever the address stays in the base's region. The
 * constant is kept within ±{@value #MAX_DELTA}, so leaving the region means going below offset 0,
 * which faults in both engines. (An entry r1 more than 2 GiB into its region, which no caller
 * passes, is the one case that could differ.)
 */
public final class RegionInference implements MemoryFacts {
    /** The largest constant distance from the base that still counts as derived from it. */
    static final int MAX_DELTA = 1 << 20;

    private static final int UNKNOWN = 0;
    private static final int FP = 1;
    private static final int R1 = 2;
    private static final int KIND_SHIFT = 24;
    private static final int BIAS = 1 << 22;
    /** The delta field of a register derived from its base by unknown amounts. */
    private static final int ANY = (1 << KIND_SHIFT) - 1;

    private final RegionHint[] hints;

    private RegionInference(RegionHint[] hints) {
        this.hints = hints;
    }

    /** Infers the facts of every function of a program. */
    public static RegionInference of(Instructions insns, Functions functions) {
        RegionHint[] hints = new RegionHint[insns.slotCount()];
        for (FunctionRange f : functions.ranges()) {
            new Solver(insns, f, hints).run();
        }
        return new RegionInference(hints);
    }

    @Override
    public RegionHint regionAt(int slot) {
        return hints[slot];
    }

    private static int value(int kind, long delta) {
        if (delta < -MAX_DELTA || delta > MAX_DELTA) {
            return any(kind);
        }
        return kind << KIND_SHIFT | (int) (delta + BIAS);
    }

    /** {@return a register derived from the base of a kind by amounts not followed; UNKNOWN for no kind} */
    private static int any(int kind) {
        return kind == UNKNOWN ? UNKNOWN : kind << KIND_SHIFT | ANY;
    }

    private static boolean isExact(int value) {
        return (value & ANY) != ANY;
    }

    /** {@return the least value both are: equal values stay, the same base becomes "any", else unknown} */
    private static int join(int a, int b) {
        if (a == b) {
            return a;
        }
        return kind(a) == kind(b) ? any(kind(a)) : UNKNOWN;
    }

    private static int kind(int value) {
        return value >>> KIND_SHIFT;
    }

    private static long delta(int value) {
        return (value & ((1 << KIND_SHIFT) - 1)) - BIAS;
    }

    /**
     * The worklist solver for one function; states are kept per block entry. Blocks are taken in
     * slot order, sweep after sweep, so that a program without backward jumps is solved in one.
     */
    private static final class Solver {
        private final Instructions insns;
        private final FunctionRange f;
        private final RegionHint[] hints;
        private final int[][] entry;

        Solver(Instructions insns, FunctionRange f, RegionHint[] hints) {
            this.insns = insns;
            this.f = f;
            this.hints = hints;
            this.entry = new int[f.end() - f.start()][];
        }

        void run() {
            BitSet leaders = leaders();
            int[] init = new int[Reg.COUNT];
            init[Reg.R1] = value(R1, 0);
            init[Reg.R10] = value(FP, 0);
            entry[0] = init;
            BitSet work = new BitSet();
            work.set(f.start());
            while (!work.isEmpty()) {
                for (int start = work.nextSetBit(0); start >= 0; start = work.nextSetBit(start + 1)) {
                    work.clear(start);
                    walk(start, entry[start - f.start()].clone(), leaders, work, false);
                }
            }
            for (int s = leaders.nextSetBit(f.start()); s >= 0 && s < f.end(); s = leaders.nextSetBit(s + 1)) {
                if (entry[s - f.start()] != null) {
                    walk(s, entry[s - f.start()].clone(), leaders, null, true);
                }
            }
        }

        private BitSet leaders() {
            BitSet leaders = new BitSet();
            leaders.set(f.start());
            for (int slot = f.start(); slot < f.end(); slot++) {
                Insn insn = insns.atSlot(slot);
                if (insn == null) {
                    continue;
                }
                int target = Flow.branchTarget(insn, slot);
                if (target >= 0) {
                    leaders.set(target);
                    leaders.set(slot + 1);
                } else if (!Flow.fallsThrough(insn)) {
                    leaders.set(slot + 1);
                }
            }
            return leaders;
        }

        /** Runs one block; propagates to successors, or records the facts when {@code record}. */
        private void walk(int slot, int[] state, BitSet leaders, BitSet work, boolean record) {
            while (true) {
                Insn insn = insns.atSlot(slot);
                if (record) {
                    hints[slot] = hint(insn, state);
                }
                transfer(insn, state);
                int target = Flow.branchTarget(insn, slot);
                if (!record && target >= 0) {
                    merge(target, state, work);
                }
                if (!Flow.fallsThrough(insn)) {
                    return;
                }
                slot += insn.slots();
                if (leaders.get(slot)) {
                    if (!record) {
                        merge(slot, state, work);
                    }
                    return;
                }
            }
        }

        private void merge(int slot, int[] state, BitSet work) {
            int[] old = entry[slot - f.start()];
            if (old == null) {
                entry[slot - f.start()] = state.clone();
                work.set(slot);
                return;
            }
            boolean changed = false;
            for (int r = 0; r < Reg.COUNT; r++) {
                int joined = join(old[r], state[r]);
                if (joined != old[r]) {
                    old[r] = joined;
                    changed = true;
                }
            }
            if (changed) {
                work.set(slot);
            }
        }
    }

    private static RegionHint hint(Insn insn, int[] state) {
        int base;
        switch (insn.insnClass()) {
            case LDX:
                base = insn.src();
                break;
            case ST:
            case STX:
                base = insn.dst();
                break;
            default:
                return null;
        }
        int v = state[base];
        switch (kind(v)) {
            case FP:
                return isExact(v) ? RegionHint.STACK : RegionHint.STACK_CHECKED;
            case R1:
                return isExact(v) ? RegionHint.ENTRY_R1 : RegionHint.ENTRY_R1_CHECKED;
            default:
                return null;
        }
    }

    private static void transfer(Insn insn, int[] state) {
        InsnClass c = insn.insnClass();
        AluOp op = c == InsnClass.ALU64 ? insn.aluOp() : null;
        if (op == AluOp.MOV && insn.source() == Source.X) {
            state[insn.dst()] = state[insn.src()];
            return;
        }
        boolean addOrSub = op == AluOp.ADD || op == AluOp.SUB;
        if (addOrSub && insn.source() == Source.K) {
            int v = state[insn.dst()];
            long d = op == AluOp.ADD ? insn.imm() : -insn.imm();
            state[insn.dst()] = v == UNKNOWN || !isExact(v) ? v : value(kind(v), delta(v) + d);
            return;
        }
        if (addOrSub) {
            int kind = kind(state[insn.dst()]);
            state[insn.dst()] = any(kind != UNKNOWN || op == AluOp.SUB ? kind : kind(state[insn.src()]));
            return;
        }
        if (c.isJump() && insn.jumpOp() == JumpOp.CALL) {
            Arrays.fill(state, Reg.R0, Reg.R5 + 1, UNKNOWN);
            return;
        }
        int defs = RegUse.defs(insn);
        for (int r = 0; r < Reg.COUNT; r++) {
            if ((defs & (1 << r)) != 0) {
                state[r] = UNKNOWN;
            }
        }
    }

    @Override
    public String toString() {
        return "RegionInference" + Arrays.toString(hints);
    }
}
