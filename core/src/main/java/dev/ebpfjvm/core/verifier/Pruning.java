package dev.ebpfjvm.core.verifier;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether an explored state covers the current one, so that the current path need not go on:
 * states_equal(), regsafe() and stacksafe() of kernel/bpf/verifier.c (v6.18). Registers not live
 * at the prune point are ignored in the current frame; an uninitialised register of the old state
 * covers anything (the old path never read it); scalars are compared by range and tnum inclusion
 * (every scalar counts as precise: there is no precision tracking); ids must map one to one.
 * Stack bytes the old state left uninitialised or {@code STACK_MISC} cover anything, as they do
 * for a privileged loader. The exact mode (loop detection) asks for equality instead.
 */
final class Pruning {
    private Pruning() {}

    static boolean covers(VerifierState old, VerifierState cur, int liveMask, boolean exact) {
        if (old.frames.size() != cur.frames.size()
                || old.lockHeld != cur.lockHeld
                || old.refs.size() != cur.refs.size()) {
            return false;
        }
        Map<Integer, Integer> ids = new HashMap<>();
        Map<Integer, Integer> back = new HashMap<>();
        for (int i = 0; i < old.frames.size(); i++) {
            FuncState of = old.frames.get(i);
            FuncState cf = cur.frames.get(i);
            if (of.callSite != cf.callSite || of.funcStart != cf.funcStart) {
                return false;
            }
            boolean top = i == old.frames.size() - 1;
            for (int r = 0; r < 10; r++) {
                if (top && (liveMask & (1 << r)) == 0) {
                    continue;
                }
                if (!regsafe(of.regs[r], cf.regs[r], ids, back, exact)) {
                    return false;
                }
            }
            if (!stacksafe(of, cf, ids, back, exact)) {
                return false;
            }
        }
        for (int i = 0; i < old.refs.size(); i++) {
            if (!mapIds(old.refs.get(i)[0], cur.refs.get(i)[0], ids, back)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapIds(int o, int c, Map<Integer, Integer> ids, Map<Integer, Integer> back) {
        if (o == 0 && c == 0) {
            return true;
        }
        if (o == 0 || c == 0) {
            return o == 0;
        }
        Integer m = ids.get(o);
        Integer b = back.get(c);
        if (m == null && b == null) {
            ids.put(o, c);
            back.put(c, o);
            return true;
        }
        return m != null && m == c && b != null && b == o;
    }

    private static boolean rangeWithin(RegState o, RegState c) {
        return o.smin <= c.smin
                && o.smax >= c.smax
                && Long.compareUnsigned(o.umin, c.umin) <= 0
                && Long.compareUnsigned(o.umax, c.umax) >= 0
                && o.s32min <= c.s32min
                && o.s32max >= c.s32max
                && o.u32min <= c.u32min
                && o.u32max >= c.u32max
                && o.var.contains(c.var);
    }

    static boolean regsafe(
            RegState o, RegState c, Map<Integer, Integer> ids, Map<Integer, Integer> back, boolean exact) {
        if (exact) {
            return o.type == c.type
                    && (o.type == RegType.NOT_INIT
                            || sameShape(o, c)
                                    && o.var.equals(c.var)
                                    && o.smin == c.smin
                                    && o.smax == c.smax
                                    && o.umin == c.umin
                                    && o.umax == c.umax
                                    && o.s32min == c.s32min
                                    && o.s32max == c.s32max
                                    && o.u32min == c.u32min
                                    && o.u32max == c.u32max
                                    && mapIds(o.id, c.id, ids, back));
        }
        if (o.type == RegType.NOT_INIT) {
            return true;
        }
        if (o.type != c.type) {
            return false;
        }
        switch (o.type) {
            case SCALAR:
                // a scalar without id is linked to nothing: give it a fresh one (check_scalar_ids())
                int cid = c.id != 0 ? c.id : Integer.MIN_VALUE + back.size();
                if (o.id != 0 && (!mapIds(o.id, cid, ids, back) || o.off != c.off)) {
                    return false;
                }
                return rangeWithin(o, c);
            case PTR_TO_PACKET:
            case PTR_TO_PACKET_META:
                return o.range <= c.range && o.off == c.off && mapIds(o.id, c.id, ids, back) && rangeWithin(o, c);
            default:
                return sameShape(o, c)
                        && rangeWithin(o, c)
                        && mapIds(o.id, c.id, ids, back)
                        && mapIds(o.refObjId, c.refObjId, ids, back);
        }
    }

    private static boolean sameShape(RegState o, RegState c) {
        return o.off == c.off
                && o.map == c.map
                && o.memSize == c.memSize
                && o.frameNo == c.frameNo
                && o.funcSlot == c.funcSlot
                && o.range == c.range;
    }

    private static boolean stacksafe(
            FuncState o, FuncState c, Map<Integer, Integer> ids, Map<Integer, Integer> back, boolean exact) {
        for (int b = 0; b < FuncState.STACK_SIZE; b++) {
            byte ok = o.stack[b];
            byte ck = c.stack[b];
            if (exact) {
                if (ok != ck) {
                    return false;
                }
                continue;
            }
            if (ok == FuncState.INVALID || ok == FuncState.MISC) {
                continue;
            }
            if (ok == FuncState.KNOWN) {
                if (ck != FuncState.KNOWN || o.known[b] != c.known[b]) {
                    return false;
                }
                continue;
            }
            if (ok == FuncState.ZERO) {
                if (ck != FuncState.ZERO) {
                    RegState s = c.spills[b / 8];
                    if (!(ck == FuncState.SPILL && s != null && s.isScalar() && s.isConst() && s.var.value() == 0)) {
                        return false;
                    }
                }
                continue;
            }
            // a spill: compare once per slot
            if (ck != FuncState.SPILL) {
                return false;
            }
        }
        for (int s = 0; s < o.spills.length; s++) {
            RegState os = o.spills[s];
            if (os == null) {
                if (exact && c.spills[s] != null) {
                    return false;
                }
                continue;
            }
            RegState cs = c.spills[s];
            if (cs == null || !regsafe(os, cs, ids, back, exact)) {
                return false;
            }
        }
        return true;
    }
}
