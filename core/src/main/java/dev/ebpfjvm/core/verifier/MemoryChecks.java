package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.facts.AccessFact;
import dev.ebpfjvm.core.facts.AccessRegion;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.core.maps.MapType;

/**
 * Loads, stores and atomics: check_mem_access(), check_stack_read/write(), check_ctx_access(),
 * check_packet_access(), check_map_access() and check_atomic() of kernel/bpf/verifier.c (v6.18),
 * with the kernel's messages. Reads of a frozen read-only map at a constant offset yield the
 * value as a constant (bpf_map_direct_read()).
 */
final class MemoryChecks {
    private MemoryChecks() {}

    static void check(Explorer ex, VerifierState st, Insn insn, int slot) {
        InsnClass cls = insn.insnClass();
        int size = insn.size().bytes();
        if (cls == InsnClass.LDX) {
            Explorer.readReg(st, insn.src(), slot);
            RegState v = access(ex, st, slot, insn.src(), insn.off(), size, false, null, insn.mode() == MemMode.MEMSX);
            st.reg(insn.dst()).assign(v);
            if (v.isScalar() && v.isConst()) {
                ex.facts.constant(slot, v.var.value());
            } else {
                ex.facts.notConstant(slot);
            }
            return;
        }
        if (cls == InsnClass.ST) {
            Explorer.readReg(st, insn.dst(), slot);
            access(ex, st, slot, insn.dst(), insn.off(), size, true, RegState.constant(insn.imm()), false);
            return;
        }
        if (insn.mode() == MemMode.ATOMIC) {
            atomic(ex, st, insn, slot, size);
            return;
        }
        Explorer.readReg(st, insn.src(), slot);
        Explorer.readReg(st, insn.dst(), slot);
        access(
                ex,
                st,
                slot,
                insn.dst(),
                insn.off(),
                size,
                true,
                st.reg(insn.src()).copy(),
                false);
    }

    private static void atomic(Explorer ex, VerifierState st, Insn insn, int slot, int size) {
        AtomicOp op = insn.atomicOp();
        Explorer.readReg(st, insn.src(), slot);
        RegState ptr = Explorer.readReg(st, insn.dst(), slot);
        if (op == AtomicOp.CMPXCHG) {
            Explorer.readReg(st, 0, slot);
        }
        switch (ptr.type) {
            case PTR_TO_CTX:
            case PTR_TO_PACKET:
            case PTR_TO_PACKET_META:
            case PTR_TO_SOCK_COMMON:
                throw Explorer.error(
                        slot, "BPF_ATOMIC stores into R" + insn.dst() + " " + ptr.type.logName() + " is not allowed");
            default:
                break;
        }
        RegState loaded = access(ex, st, slot, insn.dst(), insn.off(), size, false, null, false);
        access(ex, st, slot, insn.dst(), insn.off(), size, true, RegState.unknown(), false);
        if (op.isFetch()) {
            int target = op == AtomicOp.CMPXCHG ? 0 : insn.src();
            RegState r = loaded.isScalar() ? loaded : RegState.unknown();
            if (!r.isScalar() || size < 8) {
                r = RegState.unknown();
                r.setUnknownOfSize(size);
            }
            st.reg(target).assign(r);
        }
    }

    /** Legacy packet loads ({@code BPF_LD | BPF_ABS/IND}): check_ld_abs(). */
    static void ldAbs(Explorer ex, VerifierState st, Insn insn, int slot) {
        if (ex.in.type() != dev.ebpfjvm.core.elf.ProgramType.SCHED_CLS
                && ex.in.type() != dev.ebpfjvm.core.elf.ProgramType.SCHED_ACT
                && ex.in.type() != dev.ebpfjvm.core.elf.ProgramType.SOCKET_FILTER) {
            throw Explorer.error(slot, "BPF_LD_[ABS|IND] instructions not allowed for this program type");
        }
        RegState r6 = Explorer.readReg(st, 6, slot);
        if (insn.mode() == MemMode.IND) {
            Explorer.readReg(st, insn.src(), slot);
        }
        if (r6.type != RegType.PTR_TO_CTX) {
            throw Explorer.error(slot, "at the time of BPF_LD_ABS|IND R6 != pointer to skb");
        }
        if (st.lockHeld) {
            throw Explorer.error(slot, "BPF_LD_[ABS|IND] cannot be used inside bpf_spin_lock-ed region");
        }
        for (int r = 1; r <= 5; r++) {
            st.reg(r).markNotInit();
        }
        RegState v = RegState.unknown();
        v.setUnknownOfSize(insn.size().bytes());
        st.reg(0).assign(v);
    }

    /** {@return the value a read gives (for writes, the written register's state)} */
    static RegState access(
            Explorer ex,
            VerifierState st,
            int slot,
            int regno,
            int off,
            int size,
            boolean write,
            RegState value,
            boolean signExt) {
        RegState ptr = st.reg(regno);
        ex.facts.pointerType(slot, ptr.type);
        RegState result;
        switch (ptr.type) {
            case PTR_TO_STACK:
                result = stack(ex, st, slot, regno, ptr, off, size, write, value);
                break;
            case PTR_TO_CTX:
                result = ctx(ex, slot, regno, ptr, off, size, write);
                break;
            case PTR_TO_PACKET:
            case PTR_TO_PACKET_META:
                result = packet(ex, slot, regno, ptr, off, size);
                break;
            case PTR_TO_MAP_VALUE:
                result = mapValue(ex, slot, regno, ptr, off, size, write);
                break;
            case PTR_TO_MEM:
                result = mem(ex, slot, regno, ptr, off, size);
                break;
            case PTR_TO_SOCK_COMMON:
                // bpf_sock_common_is_valid_access(): the leading bpf_sock fields, read only
                if (write) {
                    throw Explorer.error(slot, "R" + regno + " cannot write into " + ptr.type.logName());
                }
                if (ptr.off != 0 || !ptr.isConst() || off < 0 || off + size > 80 || off % size != 0 || size > 4) {
                    throw Explorer.error(
                            slot,
                            "R" + regno + " invalid " + ptr.type.logName() + " access off=" + off + " size=" + size);
                }
                result = RegState.unknown();
                break;
            case CONST_PTR_TO_MAP:
                // map_direct_value / bpf_map_btf_access: programs may read struct bpf_map fields
                if (write) {
                    throw Explorer.error(slot, "only read from bpf_array is supported");
                }
                result = RegState.unknown();
                break;
            case NOT_INIT:
                throw Explorer.error(slot, "R" + regno + " !read_ok");
            default:
                throw Explorer.error(slot, "R" + regno + " invalid mem access '" + ptr.typeName() + "'");
        }
        if (write) {
            return value;
        }
        if (result.isScalar() && size < 8 && !result.isConst()) {
            RegState r = RegState.unknown();
            r.setUnknownOfSize(size);
            if (signExt) {
                signExtend(r, size);
            }
            return r;
        }
        if (result.isScalar() && result.isConst() && signExt && size < 8) {
            long v = result.var.value();
            return RegState.constant(size == 1 ? (byte) v : size == 2 ? (short) v : (int) v);
        }
        return result;
    }

    private static void signExtend(RegState r, int size) {
        r.markUnknown();
        long half = 1L << (size * 8 - 1);
        r.smin = -half;
        r.smax = half - 1;
        r.sync();
    }

    private static String tn(Tnum t) {
        return t.toString();
    }

    private static RegState stack(
            Explorer ex,
            VerifierState st,
            int slot,
            int regno,
            RegState ptr,
            int off,
            int size,
            boolean write,
            RegState value) {
        FuncState f = st.frames.get(ptr.frameNo);
        long base = (long) ptr.off + off;
        String dir = write ? "write to" : "read from";
        Tnum at0 = ptr.var.add(Tnum.constant(base));
        if (((at0.value() | at0.mask()) & (size - 1)) != 0) {
            // stack accesses are always checked strictly (check_ptr_alignment())
            throw Explorer.error(
                    slot, "misaligned stack access off " + tn(ptr.var) + "+" + ptr.off + "+" + off + " size " + size);
        }
        if (!ptr.isConst()) {
            long min = base + ptr.smin;
            long max = base + ptr.smax + size;
            if (ptr.smin == Long.MIN_VALUE || min < -FuncState.STACK_SIZE || max > 0) {
                throw Explorer.error(
                        slot,
                        "invalid variable-offset " + (write ? "write to" : "read from") + " stack R" + regno
                                + " var_off=" + tn(ptr.var) + " off=" + off + " size=" + size);
            }
            for (long o = min; o < max; o++) {
                f.touch((int) o);
            }
            ex.noteDepth(f);
            ex.noteAccess(slot, new AccessFact(AccessRegion.STACK, null, min, max - size, size));
            if (write) {
                f.writeBytes((int) min, (int) (max - min), FuncState.MISC);
                return value;
            }
            return RegState.unknown();
        }
        long at = base + ptr.var.value();
        if (at < -FuncState.STACK_SIZE || at + size > 0) {
            throw Explorer.error(slot, "invalid " + dir + " stack R" + regno + " off=" + at + " size=" + size);
        }
        int o = (int) at;
        f.touch(o);
        ex.noteDepth(f);
        ex.noteAccess(slot, new AccessFact(AccessRegion.STACK, null, o, o, size));
        if (write) {
            if (size == 8 && value != null && (value.type.isPointer() || value.isScalar())) {
                f.spill(o, value.copy());
                return value;
            }
            if (value != null && value.type.isPointer()) {
                throw Explorer.error(slot, "invalid size of register spill");
            }
            // a narrow constant is tracked only at an 8-aligned slot (save_register_state() in
            // check_stack_write_fixed_off()); zero is STACK_ZERO anywhere
            if (value != null
                    && value.isScalar()
                    && value.isConst()
                    && ((o & 7) == 0 || (value.var.value() & ((1L << (size * 8)) - 1)) == 0)) {
                f.writeConst(o, size, value.var.value());
            } else {
                f.writeBytes(o, size, FuncState.MISC);
            }
            return value;
        }
        RegState spilled = f.spillAt(o & ~7);
        int b = FuncState.byteOf(o);
        if (f.stack[b] == FuncState.SPILL && spilled != null) {
            if (size == 8) {
                return spilled.copy();
            }
            if (!spilled.isScalar()) {
                throw Explorer.error(slot, "invalid size of register fill");
            }
            if (spilled.isConst() && (o & 7) == 0) {
                long v = spilled.var.value();
                long mask = (1L << (size * 8)) - 1;
                return RegState.constant(v & mask);
            }
            return RegState.unknown();
        }
        Long known = f.constantAt(o, size);
        return known != null ? RegState.constant(known) : RegState.unknown();
    }

    private static RegState ctx(Explorer ex, int slot, int regno, RegState ptr, int off, int size, boolean write) {
        if (ptr.off != 0 || !ptr.isConst() || ptr.var.value() != 0) {
            if (!ptr.isConst()) {
                throw Explorer.error(slot, "variable ctx access var_off=" + tn(ptr.var) + " disallowed");
            }
            throw Explorer.error(
                    slot,
                    "dereference of modified ctx ptr R" + regno + " off=" + (ptr.off + ptr.var.value())
                            + " disallowed");
        }
        RegType t = CtxAccess.check(ex.in.type(), off, size, write);
        if (t == null) {
            throw Explorer.error(slot, "invalid bpf_context access off=" + off + " size=" + size);
        }
        ex.noteAccess(slot, new AccessFact(AccessRegion.CONTEXT, null, off, off, size));
        if (t == RegType.SCALAR) {
            return RegState.unknown();
        }
        RegState r = RegState.pointer(t);
        if (t.isOrNull()) {
            r.id = ex.newId();
        }
        return r;
    }

    private static RegState packet(Explorer ex, int slot, int regno, RegState ptr, int off, int size) {
        if (ptr.smin < 0) {
            throw Explorer.error(
                    slot,
                    "R" + regno + " min value is negative, either use unsigned index or do a if "
                            + "(index >=0) check.");
        }
        // the proven range counts from the pointer's variable part, so only the fixed offset adds
        long start = (long) ptr.off + off;
        long end = start + size;
        if (start < 0 || end > ptr.range) {
            throw Explorer.error(
                    slot,
                    "invalid access to packet, off=" + start + " size=" + size + ", R" + regno + "(id=" + ptr.id
                            + ",off=" + ptr.off + ",r=" + ptr.range + ")\nR" + regno
                            + " offset is outside of the packet");
        }
        if (ptr.umax >= Explorer.MAX_VAR_OFF || ptr.umax < 0) {
            throw Explorer.error(
                    slot, "R" + regno + " unbounded memory access, make sure to bounds check any such access");
        }
        AccessRegion region = ptr.type == RegType.PTR_TO_PACKET ? AccessRegion.PACKET : AccessRegion.PACKET_META;
        ex.noteAccess(slot, new AccessFact(region, null, start + ptr.umin, start + ptr.umax, size));
        return RegState.unknown();
    }

    private static RegState mapValue(Explorer ex, int slot, int regno, RegState ptr, int off, int size, boolean write) {
        MapRef map = ptr.map;
        if (write && map.isReadOnlyForProgram()) {
            throw Explorer.error(
                    slot,
                    "write into map forbidden, value_size=" + map.valueSize() + " off=" + (ptr.off + off) + " size="
                            + size);
        }
        long[] range = region(slot, regno, ptr, off, size, map.valueSize(), "map value", "value_size");
        if (map.spinLock() >= 0 && range[0] < map.spinLock() + 4 && range[1] + size > map.spinLock()) {
            throw Explorer.error(slot, "bpf_spin_lock cannot be accessed directly by load/store");
        }
        boolean global = map.type() == MapType.ARRAY
                && map.maxEntries() == 1
                && map.name().startsWith(".");
        ex.noteAccess(
                slot,
                new AccessFact(
                        global ? AccessRegion.GLOBAL_DATA : AccessRegion.MAP_VALUE,
                        map.name(),
                        range[0],
                        range[1],
                        size));
        if (!write && map.isFrozen() && ptr.isConst() && range[0] + size <= map.valueSize()) {
            long v = 0;
            for (int i = size - 1; i >= 0; i--) {
                v = (v << 8) | map.frozenByte((int) range[0] + i);
            }
            return RegState.constant(v);
        }
        return RegState.unknown();
    }

    private static RegState mem(Explorer ex, int slot, int regno, RegState ptr, int off, int size) {
        long[] range = region(slot, regno, ptr, off, size, ptr.memSize, "memory", "mem_size");
        ex.noteAccess(slot, new AccessFact(AccessRegion.RINGBUF_MEM, null, range[0], range[1], size));
        return RegState.unknown();
    }

    /** Mirrors check_mem_region_access(): both ends of the variable offset within [0, memSize). */
    static long[] region(
            int slot, int regno, RegState ptr, int off, int size, int memSize, String what, String sizeName) {
        long fixed = (long) ptr.off + off;
        if (ptr.smin < 0 && (ptr.smin == Long.MIN_VALUE || fixed + ptr.smin < 0)) {
            throw Explorer.error(
                    slot,
                    "R" + regno + " min value is negative, either use unsigned index or do a if "
                            + "(index >=0) check.");
        }
        long lo = fixed + ptr.smin;
        if (lo < 0 || lo + size > memSize) {
            throw Explorer.error(
                    slot,
                    "invalid access to " + what + ", " + sizeName + "=" + memSize + " off=" + lo
                            + " size=" + size
                            + (ptr.isConst()
                                    ? ""
                                    : "\nR" + regno + " min value is outside of the allowed memory range"));
        }
        if (Long.compareUnsigned(ptr.umax, Explorer.MAX_VAR_OFF) >= 0) {
            throw Explorer.error(
                    slot, "R" + regno + " unbounded memory access, make sure to bounds check any such access");
        }
        long hi = fixed + ptr.umax;
        if (hi + size > memSize) {
            throw Explorer.error(
                    slot,
                    "invalid access to " + what + ", " + sizeName + "=" + memSize + " off=" + hi + " size=" + size
                            + "\nR" + regno + " max value is outside of the allowed memory range");
        }
        return new long[] {lo, hi};
    }
}
