package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.facts.AccessFact;
import dev.ebpfjvm.core.facts.AccessRegion;

/**
 * The argument checks of one helper call against its prototype: check_func_arg(),
 * check_helper_mem_access(), check_mem_size_reg() and check_reg_const_str() of
 * kernel/bpf/verifier.c (v6.18), collecting what the call needs afterwards (the map, the reference
 * released, the size allocated, the callback).
 */
final class HelperArgs {
    private static final String MEM_TYPES = "fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf";

    private final Explorer ex;
    private final VerifierState st;
    private final int slot;
    private final HelperProto proto;
    MapRef map;
    int releaseId;
    long allocSize;
    RegState callback;
    RegState callbackCtx;
    RegState lock;

    HelperArgs(Explorer ex, VerifierState st, int slot, HelperProto proto) {
        this.ex = ex;
        this.st = st;
        this.slot = slot;
        this.proto = proto;
    }

    private VerifyError typeError(int regno, RegState r, String expected) {
        return Explorer.error(slot, "R" + regno + " type=" + r.typeName() + " expected=" + expected);
    }

    void check() {
        for (int i = 0; i < 5; i++) {
            ArgType t = proto.arg(i);
            if (t == ArgType.NONE) {
                continue;
            }
            int regno = i + 1;
            RegState r = Explorer.readReg(st, regno, slot);
            checkArg(t, regno, r);
        }
    }

    private static boolean isNull(RegState r) {
        return r.isScalar() && r.isConst() && r.var.value() == 0;
    }

    private void checkArg(ArgType t, int regno, RegState r) {
        switch (t) {
            case ANYTHING:
                return;
            case CONST_MAP_PTR:
                if (r.type != RegType.CONST_PTR_TO_MAP) {
                    throw typeError(regno, r, "map_ptr");
                }
                map = r.map;
                return;
            case PTR_TO_MAP_KEY:
            case PTR_TO_MAP_VALUE:
                if (map == null) {
                    throw Explorer.error(
                            slot, "invalid map_ptr to access map->" + (t == ArgType.PTR_TO_MAP_KEY ? "key" : "value"));
                }
                requireMem(regno, r);
                int sz = t == ArgType.PTR_TO_MAP_KEY ? map.keySize() : map.valueSize();
                if (sz == 0) {
                    throw Explorer.error(slot, "R" + regno + " invalid zero-sized read");
                }
                memAccess(regno, r, sz, false, false);
                return;
            case PTR_TO_MEM:
            case PTR_TO_UNINIT_MEM:
                requireMem(regno, r);
                return;
            case PTR_TO_MEM_OR_NULL:
                if (!isNull(r)) {
                    requireMem(regno, r);
                }
                return;
            case CONST_SIZE:
            case CONST_SIZE_OR_ZERO:
                sizeArg(regno, r, t == ArgType.CONST_SIZE_OR_ZERO);
                return;
            case CONST_ALLOC_SIZE_OR_ZERO:
                if (!r.isScalar()) {
                    throw typeError(regno, r, "scalar");
                }
                if (!r.isConst()) {
                    throw Explorer.error(slot, "R" + regno + " is not a known constant'");
                }
                allocSize = r.var.value();
                return;
            case PTR_TO_CTX:
                if (r.type != RegType.PTR_TO_CTX) {
                    throw typeError(regno, r, "ctx");
                }
                if (r.off != 0 || !r.isConst() || r.var.value() != 0) {
                    throw Explorer.error(
                            slot, "dereference of modified ctx ptr R" + regno + " off=" + r.off + " disallowed");
                }
                return;
            case PTR_TO_SPIN_LOCK:
                if (r.type != RegType.PTR_TO_MAP_VALUE) {
                    throw typeError(regno, r, "map_value");
                }
                if (!r.isConst()) {
                    throw Explorer.error(
                            slot,
                            "R" + regno + " doesn't have constant offset. bpf_spin_lock has to be "
                                    + "at the constant offset");
                }
                if (r.map.spinLock() < 0) {
                    throw Explorer.error(slot, "map '" + r.map.name() + "' has no valid bpf_spin_lock");
                }
                if (r.off + r.var.value() != r.map.spinLock()) {
                    throw Explorer.error(
                            slot,
                            "off " + (r.off + r.var.value()) + " doesn't point to 'struct "
                                    + "bpf_spin_lock' that is at " + r.map.spinLock());
                }
                lock = r.copy();
                return;
            case PTR_TO_RINGBUF_MEM:
                if (r.type != RegType.PTR_TO_MEM || r.refObjId == 0) {
                    throw typeError(regno, r, "ringbuf_mem");
                }
                if (r.off != 0 || !r.isConst() || r.var.value() != 0) {
                    throw Explorer.error(slot, "R" + regno + " must have zero offset when passed to release func");
                }
                if (!st.holdsRef(r.refObjId)) {
                    throw Explorer.error(slot, "R" + regno + " must be referenced when passed to release function");
                }
                releaseId = r.refObjId;
                return;
            case PTR_TO_LONG:
                requireMem(regno, r);
                memAccess(regno, r, 8, true, false);
                return;
            case PTR_TO_CONST_STR:
                constString(regno, r);
                return;
            case PTR_TO_FUNC:
                if (r.type != RegType.PTR_TO_FUNC) {
                    throw typeError(regno, r, "func");
                }
                callback = r.copy();
                return;
            case PTR_TO_STACK_OR_NULL:
                if (!isNull(r) && r.type != RegType.PTR_TO_STACK) {
                    throw typeError(regno, r, "fp");
                }
                callbackCtx = r.copy();
                return;
            default:
                throw new AssertionError(t);
        }
    }

    private void requireMem(int regno, RegState r) {
        switch (r.type) {
            case PTR_TO_STACK:
            case PTR_TO_PACKET:
            case PTR_TO_PACKET_META:
            case PTR_TO_MAP_VALUE:
            case PTR_TO_MEM:
                return;
            default:
                throw typeError(regno, r, MEM_TYPES);
        }
    }

    /** Mirrors check_mem_size_reg(): the size argument bounds the memory argument before it. */
    private void sizeArg(int regno, RegState size, boolean zeroOk) {
        if (!size.isScalar()) {
            throw typeError(regno, size, "scalar");
        }
        RegState mem = st.reg(regno - 1);
        ArgType memType = proto.arg(regno - 2);
        if (size.smin < 0) {
            throw Explorer.error(slot, "R" + regno + " min value is negative, either use unsigned or 'var &= const'");
        }
        if (size.umin == 0 && !zeroOk) {
            throw Explorer.error(
                    slot, "R" + regno + " invalid zero-sized read: u64=[" + size.umin + "," + size.umax + "]");
        }
        if (Long.compareUnsigned(size.umax, Explorer.MAX_VAR_OFF) >= 0) {
            throw Explorer.error(
                    slot, "R" + regno + " unbounded memory access, use 'var &= const' or 'if (var < const)'");
        }
        if (isNull(mem) && memType == ArgType.PTR_TO_MEM_OR_NULL) {
            if (size.umax != 0) {
                throw typeError(regno - 1, mem, MEM_TYPES);
            }
            return;
        }
        memAccess(
                regno - 1,
                mem,
                size.umax,
                memType == ArgType.PTR_TO_UNINIT_MEM || proto.id() == 165 && regno == 2,
                size.umin == 0);
    }

    /** Mirrors check_helper_mem_access() for a fixed size (the size argument's maximum). */
    void memAccess(int regno, RegState r, long size, boolean write, boolean zeroOk) {
        if (size == 0) {
            return;
        }
        int n = (int) size;
        switch (r.type) {
            case PTR_TO_STACK:
                stackRange(regno, r, n, write);
                return;
            case PTR_TO_PACKET:
            case PTR_TO_PACKET_META:
            case PTR_TO_MAP_VALUE:
            case PTR_TO_MEM:
                MemoryChecks.access(ex, st, slot, regno, 0, n, write, RegState.unknown(), false);
                return;
            default:
                throw typeError(regno, r, MEM_TYPES);
        }
    }

    /** Mirrors check_stack_range_initialized() for a privileged loader: bounds only; helper writes mark bytes. */
    private void stackRange(int regno, RegState r, int size, boolean write) {
        FuncState f = st.frames.get(r.frameNo);
        long min = r.off + r.smin;
        long max = r.off + r.smax + size;
        if (r.smin == Long.MIN_VALUE || min < -FuncState.STACK_SIZE || max > 0) {
            if (r.isConst()) {
                throw Explorer.error(
                        slot,
                        "invalid " + (write ? "write to" : "read from") + " stack R" + regno + " off="
                                + (r.off + r.var.value()) + " size=" + size);
            }
            throw Explorer.error(
                    slot,
                    "invalid variable-offset indirect access to stack R" + regno + " var_off=" + r.var + " size="
                            + size);
        }
        f.touch((int) min);
        ex.noteDepth(f);
        if (write) {
            f.writeBytes((int) min, (int) (max - min), FuncState.MISC);
        }
    }

    private void constString(int regno, RegState r) {
        if (r.type != RegType.PTR_TO_MAP_VALUE) {
            throw typeError(regno, r, "map_value");
        }
        MapRef m = r.map;
        if (!m.isReadOnlyForProgram() || !m.isFrozen()) {
            throw Explorer.error(slot, "R" + regno + " does not point to a readonly map'");
        }
        if (!r.isConst()) {
            throw Explorer.error(slot, "R" + regno + " is not a constant address'");
        }
        long off = r.off + r.var.value();
        for (long i = off; i < m.valueSize(); i++) {
            if (m.frozenByte((int) i) == 0) {
                ex.noteAccess(slot, new AccessFact(AccessRegion.GLOBAL_DATA, m.name(), off, off, (int) (i - off + 1)));
                return;
            }
        }
        throw Explorer.error(slot, "string is not zero-terminated");
    }
}
