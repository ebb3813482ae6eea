package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;

/**
 * ALU operations with a pointer operand: adjust_ptr_min_max_vals() and the pointer cases of
 * adjust_reg_min_max_vals() in kernel/bpf/verifier.c (v6.18). Only 64-bit add and subtract of a
 * scalar move a pointer; a constant goes into the fixed offset, anything else into the variable
 * part (a packet pointer then gets a new id and no range); pointer minus pointer gives a scalar
 * (privileged); everything else is rejected in the kernel's words.
 */
final class PointerAlu {
    private PointerAlu() {}

    static String opString(AluOp op) {
        switch (op) {
            case ADD:
                return "+=";
            case SUB:
                return "-=";
            case MUL:
                return "*=";
            case DIV:
            case SDIV:
                return "/=";
            case OR:
                return "|=";
            case AND:
                return "&=";
            case LSH:
                return "<<=";
            case RSH:
                return ">>=";
            case MOD:
            case SMOD:
                return "%=";
            case XOR:
                return "^=";
            case ARSH:
                return "s>>=";
            default:
                return "?=";
        }
    }

    static void apply(
            Explorer ex, VerifierState st, Insn insn, AluOp op, RegState dst, RegState src, boolean is32, int slot) {
        int d = insn.dst();
        if (dst.type.isPointer() && src.type.isPointer()) {
            if (op == AluOp.SUB && !is32) {
                dst.markUnknown();
                return;
            }
            throw Explorer.error(slot, "R" + d + " pointer " + opString(op) + " pointer prohibited");
        }
        RegState ptr;
        RegState off;
        if (dst.type.isPointer()) {
            ptr = dst;
            off = src;
        } else {
            ptr = src;
            off = dst;
            if (op == AluOp.SUB) {
                throw Explorer.error(slot, "R" + d + " tried to subtract pointer from scalar");
            }
        }
        if (is32) {
            throw Explorer.error(slot, "R" + d + " 32-bit pointer arithmetic prohibited");
        }
        if (op == AluOp.SUB && ptr.type == RegType.PTR_TO_STACK) {
            throw Explorer.error(slot, "R" + d + " subtraction from stack pointer prohibited");
        }
        if (ptr.type.isOrNull()) {
            throw Explorer.error(
                    slot,
                    "R" + d + " pointer arithmetic on " + ptr.type.logName() + " prohibited, null-check it first");
        }
        switch (ptr.type) {
            case CONST_PTR_TO_MAP:
            case PTR_TO_PACKET_END:
            case PTR_TO_SOCK_COMMON:
            case PTR_TO_FUNC:
                throw Explorer.error(slot, "R" + d + " pointer arithmetic on " + ptr.type.logName() + " prohibited");
            default:
                break;
        }
        if (op == AluOp.AND || op == AluOp.OR || op == AluOp.XOR) {
            throw Explorer.error(slot, "R" + d + " bitwise operator " + opString(op) + " on pointer prohibited");
        }
        if (op != AluOp.ADD && op != AluOp.SUB) {
            throw Explorer.error(slot, "R" + d + " pointer arithmetic with " + opString(op) + " operator prohibited");
        }
        saneOffset(off, ptr, slot);
        RegState res = ptr.copy();
        boolean known = off.isConst();
        long val = off.var.value();
        if (known) {
            long sum = op == AluOp.ADD ? ptr.off + val : ptr.off - val;
            if (sum == (int) sum) {
                res.off = (int) sum;
                finish(ex, st, d, res, ptr, slot);
                return;
            }
        }
        RegState v = RegState.unknown();
        v.var = ptr.var;
        v.smin = ptr.smin;
        v.smax = ptr.smax;
        v.umin = ptr.umin;
        v.umax = ptr.umax;
        v.s32min = ptr.s32min;
        v.s32max = ptr.s32max;
        v.u32min = ptr.u32min;
        v.u32max = ptr.u32max;
        ScalarAlu.apply(op, v, off, false);
        res.var = v.var;
        res.smin = v.smin;
        res.smax = v.smax;
        res.umin = v.umin;
        res.umax = v.umax;
        res.s32min = v.s32min;
        res.s32max = v.s32max;
        res.u32min = v.u32min;
        res.u32max = v.u32max;
        if (res.type.isPacket()) {
            res.id = ex.newId();
            res.range = 0;
        }
        finish(ex, st, d, res, ptr, slot);
    }

    private static void finish(Explorer ex, VerifierState st, int d, RegState res, RegState ptr, int slot) {
        if (res.off >= Explorer.MAX_VAR_OFF || res.off <= -Explorer.MAX_VAR_OFF) {
            throw Explorer.error(
                    slot, "value " + res.off + " makes " + ptr.type.logName() + " pointer be out of bounds");
        }
        st.reg(d).assign(res);
    }

    /** Mirrors check_reg_sane_offset() for the scalar operand. */
    private static void saneOffset(RegState off, RegState ptr, int slot) {
        String type = ptr.type.logName();
        if (off.isConst()) {
            long val = off.var.value();
            if (val >= Explorer.MAX_VAR_OFF || val <= -Explorer.MAX_VAR_OFF) {
                throw Explorer.error(slot, "math between " + type + " pointer and " + val + " is not allowed");
            }
            return;
        }
        if (off.smin == Long.MIN_VALUE) {
            throw Explorer.error(
                    slot, "math between " + type + " pointer and register with unbounded min value is not allowed");
        }
        if (off.smin >= Explorer.MAX_VAR_OFF || off.smin <= -Explorer.MAX_VAR_OFF) {
            throw Explorer.error(slot, "value " + off.smin + " makes " + type + " pointer be out of bounds");
        }
    }
}
