package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Source;

/**
 * Conditional jumps: whether the outcome is already known (is_branch_taken()), and what each side
 * learns (reg_set_min_max(), the NULL checks of mark_ptr_or_null_regs() and the packet ranges of
 * try_match_pkt_pointers() in kernel/bpf/verifier.c, v6.18). Scalar refinements are propagated to
 * every register sharing the scalar's id (sync_linked_regs()).
 */
final class Branches {
    private Branches() {}

    /** {@return TRUE or FALSE when the jump always or never goes, null when both sides are possible} */
    static Boolean decide(JumpOp op, RegState dst, RegState src, boolean is32) {
        if (dst.isScalar() && src.isScalar()) {
            if (op == JumpOp.JSET) {
                Tnum a = is32 ? dst.var.subreg() : dst.var;
                Tnum b = is32 ? src.var.subreg() : src.var;
                if ((a.value() & b.value()) != 0) {
                    return Boolean.TRUE;
                }
                if (((a.value() | a.mask()) & (b.value() | b.mask())) == 0) {
                    return Boolean.FALSE;
                }
                return null;
            }
            boolean canTrue = !constrained(op, dst, src, is32).isEmpty();
            boolean canFalse = !constrained(negate(op), dst, src, is32).isEmpty();
            if (canTrue && !canFalse) {
                return Boolean.TRUE;
            }
            if (canFalse && !canTrue) {
                return Boolean.FALSE;
            }
            return null;
        }
        // a pointer that cannot be NULL compared with 0
        RegState ptr = dst.type.isPointer() ? dst : src;
        RegState other = ptr == dst ? src : dst;
        if (ptr.type.isPointer()
                && !ptr.type.isOrNull()
                && other.isScalar()
                && other.isConst()
                && other.var.value() == 0
                && !is32
                && ptr.type != RegType.PTR_TO_FUNC) {
            if (op == JumpOp.JEQ) {
                return Boolean.FALSE;
            }
            if (op == JumpOp.JNE) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    private static RegState constrained(JumpOp op, RegState dst, RegState src, boolean is32) {
        RegState d = dst.copy();
        RegState s = src.copy();
        apply(op, d, s, is32);
        if (d.isEmpty() || s.isEmpty()) {
            return d.isEmpty() ? d : s;
        }
        return d;
    }

    static JumpOp negate(JumpOp op) {
        switch (op) {
            case JEQ:
                return JumpOp.JNE;
            case JNE:
                return JumpOp.JEQ;
            case JGT:
                return JumpOp.JLE;
            case JLE:
                return JumpOp.JGT;
            case JGE:
                return JumpOp.JLT;
            case JLT:
                return JumpOp.JGE;
            case JSGT:
                return JumpOp.JSLE;
            case JSLE:
                return JumpOp.JSGT;
            case JSGE:
                return JumpOp.JSLT;
            case JSLT:
                return JumpOp.JSGE;
            default:
                return op;
        }
    }

    /**
     * Refines one side of a jump in place.
     *
     * @return false when that side is impossible
     */
    static boolean refine(Explorer ex, VerifierState st, Insn insn, JumpOp op, boolean taken, boolean is32) {
        RegState dst = st.reg(insn.dst());
        boolean regSrc = insn.source() == Source.X;
        RegState src = regSrc ? st.reg(insn.src()) : RegState.constant(is32 ? insn.imm() & 0xffffffffL : insn.imm());
        if (dst.isScalar() && src.isScalar()) {
            JumpOp eff = taken ? op : negate(op);
            if (op == JumpOp.JSET) {
                refineJset(dst, src, taken, is32);
            } else {
                apply(eff, dst, src, is32);
            }
            if (dst.isEmpty() || src.isEmpty()) {
                return false;
            }
            syncLinked(st, dst);
            if (regSrc) {
                syncLinked(st, src);
            }
            return true;
        }
        if (!is32 && !regSrc && (op == JumpOp.JEQ || op == JumpOp.JNE)) {
            RegState ptr = dst.type.isOrNull() ? dst : src.type.isOrNull() ? src : null;
            RegState zero = ptr == dst ? src : dst;
            if (ptr != null && zero.isScalar() && zero.isConst() && zero.var.value() == 0) {
                boolean isNull = (op == JumpOp.JEQ) == taken;
                markPtrOrNull(st, ptr.id, isNull);
                return true;
            }
        }
        packetCompare(st, dst, src, op, taken);
        return true;
    }

    private static void markPtrOrNull(VerifierState st, int id, boolean isNull) {
        int ref = 0;
        for (RegState r : st.allRegs()) {
            if (r.type.isOrNull() && r.id == id) {
                ref = r.refObjId != 0 ? r.refObjId : ref;
                if (isNull) {
                    r.assign(RegState.constant(0));
                } else {
                    r.type = r.type.nonNull();
                    // ids stay where they still mean something: references and spin-lock identity
                    if (r.type != RegType.PTR_TO_MEM && !(r.map != null && r.map.spinLock() >= 0)) {
                        r.id = 0;
                    }
                }
            }
        }
        if (isNull && ref != 0) {
            // a NULL reservation holds nothing to release (release_reference_nomark)
            final int gone = ref;
            st.refs.removeIf(x -> x[0] == gone);
        }
    }

    /** Mirrors try_match_pkt_pointers() and find_good_pkt_pointers(). */
    private static void packetCompare(VerifierState st, RegState dst, RegState src, JumpOp op, boolean taken) {
        RegState pkt;
        boolean pktIsDst;
        if (dst.type == RegType.PTR_TO_PACKET && src.type == RegType.PTR_TO_PACKET_END
                || dst.type == RegType.PTR_TO_PACKET_META && src.type == RegType.PTR_TO_PACKET) {
            pkt = dst;
            pktIsDst = true;
        } else if (src.type == RegType.PTR_TO_PACKET && dst.type == RegType.PTR_TO_PACKET_END
                || src.type == RegType.PTR_TO_PACKET_META && dst.type == RegType.PTR_TO_PACKET) {
            pkt = src;
            pktIsDst = false;
        } else {
            return;
        }
        // normalise to "pkt REL end" and to this side's truth
        JumpOp rel = pktIsDst ? op : swap(op);
        if (!taken) {
            rel = negate(rel);
        }
        if (rel == JumpOp.JLE) {
            goodPackets(st, pkt, false);
        } else if (rel == JumpOp.JLT) {
            goodPackets(st, pkt, true);
        }
    }

    private static JumpOp swap(JumpOp op) {
        switch (op) {
            case JGT:
                return JumpOp.JLT;
            case JLT:
                return JumpOp.JGT;
            case JGE:
                return JumpOp.JLE;
            case JLE:
                return JumpOp.JGE;
            default:
                return op;
        }
    }

    private static void goodPackets(VerifierState st, RegState pkt, boolean rightOpen) {
        if (pkt.off < 0 || (pkt.off == 0 && rightOpen)) {
            return;
        }
        if (Long.compareUnsigned(pkt.umax, 0xffff) > 0 || pkt.umax + pkt.off > 0xffff) {
            return;
        }
        int range = pkt.off + (rightOpen ? 1 : 0);
        RegType type = pkt.type;
        int id = pkt.id;
        for (RegState r : st.allRegs()) {
            if (r.type == type && r.id == id) {
                r.range = Math.max(r.range, range);
            }
        }
    }

    private static void syncLinked(VerifierState st, RegState reg) {
        if (reg.id == 0) {
            return;
        }
        for (RegState r : st.allRegs()) {
            if (r != reg && r.isScalar() && r.id == reg.id) {
                int off = r.off;
                RegState v = reg.copy();
                if (off != reg.off) {
                    ScalarAlu.apply(dev.ebpfjvm.core.isa.AluOp.ADD, v, RegState.constant((long) off - reg.off), false);
                }
                v.id = reg.id;
                v.off = off;
                r.assign(v);
            }
        }
    }

    private static void refineJset(RegState dst, RegState src, boolean taken, boolean is32) {
        if (!src.isConst()) {
            return;
        }
        long v = src.var.value();
        if (taken) {
            if (Long.bitCount(is32 ? v & 0xffffffffL : v) == 1) {
                dst.var = dst.var.or(Tnum.constant(v));
            }
        } else {
            dst.var = dst.var.and(Tnum.constant(is32 ? ~v & 0xffffffffL | 0xffffffff00000000L : ~v));
        }
        dst.sync();
    }

    /** Applies "dst op src" holds, narrowing both (regs_refine_cond_op()). */
    static void apply(JumpOp op, RegState d, RegState s, boolean is32) {
        if (is32) {
            apply32(op, d, s);
        } else {
            apply64(op, d, s);
        }
        d.sync();
        s.sync();
    }

    private static void apply64(JumpOp op, RegState d, RegState s) {
        switch (op) {
            case JEQ: {
                boolean clash = ((d.var.value() ^ s.var.value()) & ~d.var.mask() & ~s.var.mask()) != 0;
                Tnum t = d.var.intersect(s.var);
                d.var = t;
                s.var = t;
                long umin = RegState.umaxOf(d.umin, s.umin);
                long umax = RegState.uminOf(d.umax, s.umax);
                long smin = Math.max(d.smin, s.smin);
                long smax = Math.min(d.smax, s.smax);
                d.umin = s.umin = umin;
                d.umax = s.umax = umax;
                d.smin = s.smin = smin;
                d.smax = s.smax = smax;
                if (clash) {
                    d.umin = 1;
                    d.umax = 0;
                }
                break;
            }
            case JNE:
                if (s.isConst()) {
                    long v = s.var.value();
                    if (d.isConst() && d.var.value() == v) {
                        d.umin = 1;
                        d.umax = 0;
                        break;
                    }
                    if (d.umin == v) {
                        d.umin++;
                    }
                    if (d.umax == v) {
                        d.umax--;
                    }
                    if (d.smin == v) {
                        d.smin++;
                    }
                    if (d.smax == v) {
                        d.smax--;
                    }
                } else if (d.isConst()) {
                    apply64(JumpOp.JNE, s, d);
                }
                break;
            case JGT:
                if (Long.compareUnsigned(d.umax, 0) == 0 || s.umin == -1L) {
                    d.umin = 1;
                    d.umax = 0;
                    break;
                }
                d.umin = RegState.umaxOf(d.umin, s.umin + 1);
                s.umax = RegState.uminOf(s.umax, d.umax - 1);
                break;
            case JGE:
                d.umin = RegState.umaxOf(d.umin, s.umin);
                s.umax = RegState.uminOf(s.umax, d.umax);
                break;
            case JLT:
                apply64(JumpOp.JGT, s, d);
                break;
            case JLE:
                apply64(JumpOp.JGE, s, d);
                break;
            case JSGT:
                if (d.smax == Long.MIN_VALUE || s.smin == Long.MAX_VALUE) {
                    d.smin = 1;
                    d.smax = 0;
                    break;
                }
                d.smin = Math.max(d.smin, s.smin + 1);
                s.smax = Math.min(s.smax, d.smax - 1);
                break;
            case JSGE:
                d.smin = Math.max(d.smin, s.smin);
                s.smax = Math.min(s.smax, d.smax);
                break;
            case JSLT:
                apply64(JumpOp.JSGT, s, d);
                break;
            case JSLE:
                apply64(JumpOp.JSGE, s, d);
                break;
            default:
                break;
        }
    }

    private static void apply32(JumpOp op, RegState d, RegState s) {
        switch (op) {
            case JEQ: {
                Tnum t = d.var.subreg().intersect(s.var.subreg());
                if (((d.var.value() ^ s.var.value()) & ~d.var.mask() & ~s.var.mask() & 0xffffffffL) != 0) {
                    d.u32min = 1;
                    d.u32max = 0;
                    break;
                }
                d.var = d.var.withSubreg(t);
                s.var = s.var.withSubreg(t);
                long umin = Math.max(d.u32min, s.u32min);
                long umax = Math.min(d.u32max, s.u32max);
                long smin = Math.max(d.s32min, s.s32min);
                long smax = Math.min(d.s32max, s.s32max);
                d.u32min = s.u32min = umin;
                d.u32max = s.u32max = umax;
                d.s32min = s.s32min = smin;
                d.s32max = s.s32max = smax;
                break;
            }
            case JNE:
                if (s.var.subreg().isConst()) {
                    long v = s.var.value() & 0xffffffffL;
                    if (d.var.subreg().isConst() && (d.var.value() & 0xffffffffL) == v) {
                        d.u32min = 1;
                        d.u32max = 0;
                        break;
                    }
                    if (d.u32min == v) {
                        d.u32min++;
                    }
                    if (d.u32max == v) {
                        d.u32max--;
                    }
                    if (d.s32min == (int) v) {
                        d.s32min++;
                    }
                    if (d.s32max == (int) v) {
                        d.s32max--;
                    }
                } else if (d.var.subreg().isConst()) {
                    apply32(JumpOp.JNE, s, d);
                }
                break;
            case JGT:
                if (d.u32max == 0 || s.u32min == RegState.U32_MAX) {
                    d.u32min = 1;
                    d.u32max = 0;
                    break;
                }
                d.u32min = Math.max(d.u32min, s.u32min + 1);
                s.u32max = Math.min(s.u32max, d.u32max - 1);
                break;
            case JGE:
                d.u32min = Math.max(d.u32min, s.u32min);
                s.u32max = Math.min(s.u32max, d.u32max);
                break;
            case JLT:
                apply32(JumpOp.JGT, s, d);
                break;
            case JLE:
                apply32(JumpOp.JGE, s, d);
                break;
            case JSGT:
                if (d.s32max == RegState.S32_MIN || s.s32min == RegState.S32_MAX) {
                    d.s32min = 1;
                    d.s32max = 0;
                    break;
                }
                d.s32min = Math.max(d.s32min, s.s32min + 1);
                s.s32max = Math.min(s.s32max, d.s32max - 1);
                break;
            case JSGE:
                d.s32min = Math.max(d.s32min, s.s32min);
                s.s32max = Math.min(s.s32max, d.s32max);
                break;
            case JSLT:
                apply32(JumpOp.JSGT, s, d);
                break;
            case JSLE:
                apply32(JumpOp.JSGE, s, d);
                break;
            default:
                break;
        }
    }
}
