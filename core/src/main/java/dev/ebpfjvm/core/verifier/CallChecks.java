package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.maps.MapType;
import java.util.List;

/**
 * Calls and exits: check_helper_call(), check_func_arg(), check_map_func_compatibility(),
 * check_func_call(), prepare_func_exit() and the exit checks of do_check() in
 * kernel/bpf/verifier.c (v6.18). A {@code bpf_loop} callback is verified as a call in a new
 * frame; at its exit the verifier both returns to the helper's caller and queues another run of
 * the callback from the state it left (the kernel's callback iteration), with the stack bytes the
 * callback changed widened to unknown data so that the iterations converge.
 */
final class CallChecks {
    static final int MAX_FRAMES = 8;

    private CallChecks() {}

    private static String fname(int id) {
        HelperId h = HelperId.ofId(id);
        return (h == null ? (id == 0 ? "bpf_unspec" : "unknown") : "bpf_" + h.kernelName()) + "#" + id;
    }

    static int call(Explorer ex, VerifierState st, Insn insn, int slot) {
        if (insn.isLocalCall()) {
            return localCall(ex, st, insn, slot);
        }
        int id = insn.imm32();
        if (st.lockHeld && id != HelperId.SPIN_UNLOCK.id()) {
            throw Explorer.error(slot, "function calls are not allowed while holding a lock");
        }
        if (id < 0 || id > 211) {
            throw Explorer.error(slot, "invalid func unknown#" + id);
        }
        HelperProto proto = ex.in.helpers().get(id);
        if (proto == null) {
            throw Explorer.error(slot, "program of this type cannot use helper " + fname(id));
        }
        ex.facts.helper(slot, id);
        HelperArgs args = new HelperArgs(ex, st, slot, proto);
        args.check();
        boolean knownNonNull = id == HelperId.MAP_LOOKUP_ELEM.id()
                && args.map != null
                && (args.map.type() == MapType.ARRAY || args.map.type() == MapType.PERCPU_ARRAY)
                && constKeyInRange(st, st.reg(2), args.map);
        mapCompat(proto, args.map, slot);
        if (id == HelperId.TAIL_CALL.id()) {
            if (!st.refs.isEmpty()) {
                throw Explorer.error(slot, "tail_call would lead to reference leak");
            }
            ex.facts.tailCall(slot, args.map.name());
        }
        if (id == HelperId.SPIN_LOCK.id()) {
            if (st.lockHeld) {
                throw Explorer.error(slot, "Locking two bpf_spin_locks are not allowed");
            }
            st.lockHeld = true;
            st.lockMap = args.lock.map;
            st.lockId = args.lock.id;
        } else if (id == HelperId.SPIN_UNLOCK.id()) {
            if (!st.lockHeld) {
                throw Explorer.error(slot, "bpf_spin_unlock without taking a lock");
            }
            if (st.lockMap != args.lock.map || st.lockId != args.lock.id) {
                throw Explorer.error(slot, "bpf_spin_unlock of different lock");
            }
            st.lockHeld = false;
        }
        if (args.releaseId != 0) {
            st.releaseRef(args.releaseId);
        }
        for (int r = 1; r <= 5; r++) {
            st.reg(r).markNotInit();
        }
        RegState r0 = st.reg(0);
        switch (proto.ret()) {
            case INTEGER:
                r0.markUnknown();
                break;
            case VOID:
                r0.markNotInit();
                break;
            case PTR_TO_MAP_VALUE_OR_NULL:
                if (args.map.type().isMapInMap()) {
                    r0.assign(RegState.pointer(RegType.CONST_PTR_TO_MAP_OR_NULL));
                    r0.map = args.map.innerMap();
                } else {
                    r0.assign(RegState.pointer(
                            knownNonNull ? RegType.PTR_TO_MAP_VALUE : RegType.PTR_TO_MAP_VALUE_OR_NULL));
                    r0.map = args.map;
                }
                r0.id = knownNonNull ? 0 : ex.newId();
                break;
            case PTR_TO_RINGBUF_MEM_OR_NULL:
                r0.assign(RegState.pointer(RegType.PTR_TO_MEM_OR_NULL));
                r0.memSize = (int) args.allocSize;
                r0.id = ex.newId();
                r0.refObjId = r0.id;
                st.refs.add(new int[] {r0.id, slot});
                break;
            default:
                throw new AssertionError(proto.ret());
        }
        if (proto.changesPacket()) {
            for (RegState r : st.allRegs()) {
                if (r.type.isPacket() || r.type == RegType.PTR_TO_PACKET_END) {
                    r.markUnknown();
                }
            }
        }
        if (id == HelperId.LOOP.id()) {
            return enterCallback(ex, st, slot, args.callback, args.callbackCtx);
        }
        return slot + 1;
    }

    /**
     * Mirrors can_elide_value_nullness() and get_constant_map_key(): an array lookup with a key
     * the stack holds as a known constant below max_entries cannot fail.
     */
    private static boolean constKeyInRange(VerifierState st, RegState key, MapRef map) {
        if (key.type != RegType.PTR_TO_STACK || !key.isConst() || map.keySize() != 4) {
            return false;
        }
        FuncState f = st.frames.get(key.frameNo);
        int off = (int) (key.off + key.var.value());
        Long v = f.constantAt(off, 4);
        RegState spilled = f.spillAt(off);
        if (v == null && spilled != null && spilled.isScalar() && spilled.isConst()) {
            v = spilled.var.value() & 0xffffffffL;
        }
        return v != null && v >= 0 && v < map.maxEntries();
    }

    /** Mirrors check_map_func_compatibility() for the map kinds tc programs use. */
    private static void mapCompat(HelperProto proto, MapRef map, int slot) {
        if (map == null) {
            return;
        }
        int id = proto.id();
        MapType t = map.type();
        boolean ok;
        switch (t) {
            case PROG_ARRAY:
                ok = id == HelperId.TAIL_CALL.id();
                break;
            case PERF_EVENT_ARRAY:
                ok = id == HelperId.PERF_EVENT_OUTPUT.id()
                        || id == HelperId.PERF_EVENT_READ.id()
                        || id == HelperId.SKB_OUTPUT.id();
                break;
            case RINGBUF:
                ok = id == HelperId.RINGBUF_OUTPUT.id()
                        || id == HelperId.RINGBUF_RESERVE.id()
                        || id == HelperId.RINGBUF_QUERY.id();
                break;
            case CGROUP_ARRAY:
                ok = id == HelperId.SKB_UNDER_CGROUP.id();
                break;
            case QUEUE:
            case STACK:
                ok = id == HelperId.MAP_PEEK_ELEM.id()
                        || id == HelperId.MAP_POP_ELEM.id()
                        || id == HelperId.MAP_PUSH_ELEM.id();
                break;
            default:
                ok = true;
                break;
        }
        if (ok) {
            if (id == HelperId.TAIL_CALL.id()) {
                ok = t == MapType.PROG_ARRAY;
            } else if (id == HelperId.PERF_EVENT_OUTPUT.id()) {
                ok = t == MapType.PERF_EVENT_ARRAY;
            } else if (id == HelperId.RINGBUF_OUTPUT.id()
                    || id == HelperId.RINGBUF_RESERVE.id()
                    || id == HelperId.RINGBUF_QUERY.id()) {
                ok = t == MapType.RINGBUF;
            } else if (id == HelperId.PERF_EVENT_READ.id()) {
                ok = t == MapType.PERF_EVENT_ARRAY;
            } else if (id == HelperId.SKB_UNDER_CGROUP.id()) {
                ok = t == MapType.CGROUP_ARRAY;
            } else if (id == HelperId.MAP_PEEK_ELEM.id()
                    || id == HelperId.MAP_POP_ELEM.id()
                    || id == HelperId.MAP_PUSH_ELEM.id()) {
                ok = t == MapType.QUEUE || t == MapType.STACK;
            }
        }
        if (!ok && id == HelperId.TAIL_CALL.id()) {
            throw Explorer.error(slot, "expected prog array map for tail call");
        }
        if (!ok) {
            throw Explorer.error(slot, "cannot pass map_type " + t.id() + " into func " + fname(id));
        }
    }

    private static int localCall(Explorer ex, VerifierState st, Insn insn, int slot) {
        GlobalFunc global = ex.in.globalAt(insn.jumpTarget(slot));
        if (global != null) {
            return globalCall(ex, st, slot, global);
        }
        if (st.frames.size() >= MAX_FRAMES) {
            // check_func_call(): the frames there are and the one the call would add
            throw Explorer.error(slot, "the call stack of " + (st.frames.size() + 1) + " frames is too deep");
        }
        int target = insn.jumpTarget(slot);
        ex.facts.call(slot, target);
        FuncState caller = st.cur();
        FuncState callee = new FuncState(st.frames.size(), slot, target, false);
        for (int r = 1; r <= 5; r++) {
            callee.regs[r] = caller.regs[r].copy();
        }
        st.frames.add(callee);
        return target;
    }

    /** Mirrors btf_check_subprog_call(): the arguments against the BTF prototype; r0 an unknown scalar. */
    private static int globalCall(Explorer ex, VerifierState st, int slot, GlobalFunc g) {
        if (st.lockHeld) {
            throw Explorer.error(
                    slot,
                    "global function calls are not allowed while holding a lock,\n" + "use static function instead");
        }
        for (int i = 0; i < g.args().size() && i < 5; i++) {
            int regno = i + 1;
            RegState r = Explorer.readReg(st, regno, slot);
            GlobalFunc.Arg a = g.args().get(i);
            switch (a.kind()) {
                case CTX:
                    if (r.type != RegType.PTR_TO_CTX) {
                        throw Explorer.error(slot, "arg#" + i + " expects pointer to ctx");
                    }
                    break;
                case SCALAR:
                    if (!r.isScalar()) {
                        throw Explorer.error(slot, "R" + regno + " is not a scalar");
                    }
                    break;
                default:
                    if (!(r.isScalar() && r.isConst() && r.var.value() == 0)) {
                        new HelperArgs(ex, st, slot, null).memAccess(regno, r, a.size(), false, false);
                    }
                    break;
            }
        }
        ex.facts.call(slot, g.slot());
        ex.calledGlobals.add(g);
        for (int r = 1; r <= 5; r++) {
            st.reg(r).markNotInit();
        }
        st.reg(0).markUnknown();
        return slot + 1;
    }

    private static int enterCallback(Explorer ex, VerifierState st, int slot, RegState fn, RegState ctxArg) {
        if (st.frames.size() >= MAX_FRAMES) {
            throw Explorer.error(slot, "the call stack of " + (st.frames.size() + 1) + " frames is too deep !");
        }
        // zero iterations: continue after the helper call
        VerifierState skip = st.copy();
        ex.push(skip, slot + 1, slot);
        FuncState callee = new FuncState(st.frames.size(), slot, fn.funcSlot, true);
        callee.regs[1] = RegState.unknown();
        callee.regs[2] = ctxArg.copy();
        callee.callbackArg = ctxArg.copy();
        st.frames.add(callee);
        ex.facts.call(slot, fn.funcSlot);
        return fn.funcSlot;
    }

    static int exit(Explorer ex, VerifierState st, int slot) {
        FuncState f = st.cur();
        if (f.callback && st.reg(0).type == RegType.NOT_INIT) {
            throw Explorer.error(slot, "R0 not a scalar value");
        }
        RegState r0 = Explorer.readReg(st, 0, slot);
        if (st.frames.size() > 1 && r0.type == RegType.PTR_TO_STACK) {
            throw Explorer.error(slot, "cannot return stack pointer to the caller");
        }
        if (st.frames.size() == 1) {
            if (f.funcStart != 0 && !r0.isScalar()) {
                throw Explorer.error(
                        slot, "At subprogram exit the register R0 is not a scalar value (" + r0.typeName() + ")");
            }
            if (st.lockHeld) {
                throw Explorer.error(
                        slot, "BPF_EXIT instruction in main prog cannot be used inside " + "bpf_spin_lock-ed region");
            }
            if (!st.refs.isEmpty()) {
                int[] ref = st.refs.get(0);
                throw Explorer.error(slot, "Unreleased reference id=" + ref[0] + " alloc_insn=" + ref[1]);
            }
            return -1;
        }
        if (f.callback) {
            if (!r0.isScalar() || r0.smin < 0 || r0.smax > 1) {
                String has = !r0.isScalar()
                        ? "is not a scalar (" + r0.type.logName() + ")"
                        : "has smin=" + r0.smin + " smax=" + r0.smax;
                throw Explorer.error(slot, "At callback return the register R0 " + has + " should have been in [0, 1]");
            }
        }
        RegState ret = r0.copy();
        st.frames.remove(st.frames.size() - 1);
        FuncState caller = st.cur();
        if (f.callback) {
            // another iteration of the callback, from the state this one left
            VerifierState again = st.copy();
            again.callbackDepth++;
            widenCallerStacks(again);
            FuncState cb = new FuncState(again.frames.size(), f.callSite, f.funcStart, true);
            cb.regs[1] = RegState.unknown();
            cb.regs[2] = f.callbackArg.copy();
            cb.callbackArg = f.callbackArg.copy();
            again.frames.add(cb);
            ex.push(again, f.funcStart, slot);
            ret = RegState.unknown();
        }
        caller.regs[0] = ret;
        for (int r = 1; r <= 5; r++) {
            caller.regs[r].markNotInit();
        }
        return f.callSite + 1;
    }

    /** Replaces every initialised scalar stack byte of the caller frames by unknown data. */
    private static void widenCallerStacks(VerifierState st) {
        List<FuncState> frames = st.frames;
        for (FuncState fr : frames) {
            for (int b = 0; b < FuncState.STACK_SIZE; b++) {
                if (fr.stack[b] == FuncState.ZERO || fr.stack[b] == FuncState.KNOWN) {
                    fr.stack[b] = FuncState.MISC;
                }
            }
            for (int s = 0; s < fr.spills.length; s++) {
                RegState sp = fr.spills[s];
                if (sp != null && sp.isScalar()) {
                    sp.markUnknown();
                }
            }
        }
    }
}
