package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which constants go to the class's constant pool ({@code ldc}, 3 bytes) and which are built
 * from short pushes (up to {@value #SYNTH_INT_BYTES} bytes for an {@code int},
 * {@value #SYNTH_LONG_BYTES} for a {@code long}). A class file holds at most 65,535 pool entries,
 * and a program of up to a million instructions can use more distinct immediates than that; the
 * most frequent ones are pooled up to a budget, so that small programs pool everything.
 */
public final class ConstantPlan {
    /** Bytes of an {@code int} built without the pool: {@code sipush hi; bipush 16; ishl; sipush lo; i2c; ior}. */
    public static final int SYNTH_INT_BYTES = 11;
    /** Bytes of a {@code long} built without the pool from two such ints. */
    public static final int SYNTH_LONG_BYTES = 30;

    private final boolean poolAll;
    private final Set<Integer> ints;
    private final Set<Long> longs;

    private ConstantPlan(boolean poolAll, Set<Integer> ints, Set<Long> longs) {
        this.poolAll = poolAll;
        this.ints = ints;
        this.longs = longs;
    }

    /** {@return a plan that pools every constant} */
    public static ConstantPlan poolAll() {
        return new ConstantPlan(true, Set.of(), Set.of());
    }

    /** {@return a plan that pools no constant (the worst case the size estimates start from)} */
    public static ConstantPlan poolNone() {
        return new ConstantPlan(false, Set.of(), Set.of());
    }

    /**
     * Chooses the pooled constants of a program: all of them when they fit in {@code slots} pool
     * entries (a long takes two), else the most frequent, ties broken by value.
     */
    public static ConstantPlan of(Instructions insns, int slots) {
        Map<Long, Integer> intCounts = new HashMap<>();
        Map<Long, Integer> longCounts = new HashMap<>();
        for (Insn insn : insns.list()) {
            Constants.Kind kind = Constants.kind(insn);
            long v = Constants.value(insn);
            if (kind == Constants.Kind.INT && !fitsShort((int) v)) {
                intCounts.merge((long) (int) v, 1, Integer::sum);
            } else if (kind == Constants.Kind.LONG && !fitsShort(v)) {
                longCounts.merge(v, 1, Integer::sum);
            }
        }
        if (intCounts.size() + 2L * longCounts.size() <= slots) {
            return poolAll();
        }
        List<long[]> all = new ArrayList<>();
        intCounts.forEach((v, n) -> all.add(new long[] {n, 0, v}));
        longCounts.forEach((v, n) -> all.add(new long[] {n, 1, v}));
        all.sort((a, b) -> a[0] != b[0]
                ? Long.compare(b[0], a[0])
                : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        Set<Integer> ints = new HashSet<>();
        Set<Long> longs = new HashSet<>();
        int used = 0;
        for (long[] c : all) {
            int cost = c[1] == 0 ? 1 : 2;
            if (used + cost > slots) {
                continue;
            }
            used += cost;
            if (c[1] == 0) {
                ints.add((int) c[2]);
            } else {
                longs.add(c[2]);
            }
        }
        return new ConstantPlan(false, ints, longs);
    }

    /** {@return true when an int constant is loaded with ldc} */
    public boolean isPooled(int v) {
        return poolAll || ints.contains(v);
    }

    /** {@return true when a long constant is loaded with ldc2_w} */
    public boolean isPooled(long v) {
        return poolAll || longs.contains(v);
    }

    /** {@return the bytecode bytes that push an int} */
    public int intBytes(int v) {
        if (v >= -1 && v <= 5) {
            return 1;
        }
        if (fitsShort(v)) {
            return v == (byte) v ? 2 : 3;
        }
        return isPooled(v) ? 3 : SYNTH_INT_BYTES;
    }

    /** {@return the bytecode bytes that push a long} */
    public int longBytes(long v) {
        if (v == 0 || v == 1) {
            return 1;
        }
        if (fitsShort(v)) {
            return intBytes((int) v) + 1;
        }
        if (isPooled(v)) {
            return 3;
        }
        return v == (int) v ? SYNTH_INT_BYTES + 1 : SYNTH_LONG_BYTES;
    }

    /** {@return the bytes that push the instruction's constant, 0 when it has none} */
    public int constantBytes(Insn insn) {
        switch (Constants.kind(insn)) {
            case INT:
                return intBytes((int) Constants.value(insn));
            case LONG:
                return longBytes(Constants.value(insn));
            default:
                return 0;
        }
    }

    /** {@return true when v fits sipush} */
    public static boolean fitsShort(long v) {
        return v == (short) v;
    }
}
