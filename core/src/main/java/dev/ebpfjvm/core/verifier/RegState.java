package dev.ebpfjvm.core.verifier;

import java.util.Objects;

/**
 * The abstract value of one register or spilled slot on one path ({@code struct bpf_reg_state}):
 * a type, for pointers a fixed offset {@link #off} plus a variable part, for every value the
 * variable part as a {@link Tnum} and signed/unsigned 64- and 32-bit ranges, kept consistent by
 * {@link #sync()} (the kernel's reg_bounds_sync()). Mutable, copied when paths fork.
 */
final class RegState {
    static final long S32_MIN = Integer.MIN_VALUE;
    static final long S32_MAX = Integer.MAX_VALUE;
    static final long U32_MAX = 0xffffffffL;

    RegType type = RegType.NOT_INIT;
    int off;
    Tnum var = Tnum.UNKNOWN;
    long smin = Long.MIN_VALUE;
    long smax = Long.MAX_VALUE;
    long umin;
    long umax = -1L;
    long s32min = S32_MIN;
    long s32max = S32_MAX;
    long u32min;
    long u32max = U32_MAX;
    /** Shared by copies of one pointer (NULL checks, packet ranges) or of one scalar (bounds). */
    int id;
    /** The acquired reference (ring-buffer reservation) this pointer is, 0 when none. */
    int refObjId;
    /** Packet pointers: bytes past the pointer proven inside the packet. */
    int range;
    /** Map pointers and map values: the map. */
    MapRef map;
    /** PTR_TO_MEM: the size of the memory. */
    int memSize;
    /** PTR_TO_STACK: the frame the pointer points into. */
    int frameNo;
    /** PTR_TO_FUNC: the slot of the callback. */
    int funcSlot;

    RegState copy() {
        RegState r = new RegState();
        r.type = type;
        r.off = off;
        r.var = var;
        r.smin = smin;
        r.smax = smax;
        r.umin = umin;
        r.umax = umax;
        r.s32min = s32min;
        r.s32max = s32max;
        r.u32min = u32min;
        r.u32max = u32max;
        r.id = id;
        r.refObjId = refObjId;
        r.range = range;
        r.map = map;
        r.memSize = memSize;
        r.frameNo = frameNo;
        r.funcSlot = funcSlot;
        return r;
    }

    void assign(RegState o) {
        type = o.type;
        off = o.off;
        var = o.var;
        smin = o.smin;
        smax = o.smax;
        umin = o.umin;
        umax = o.umax;
        s32min = o.s32min;
        s32max = o.s32max;
        u32min = o.u32min;
        u32max = o.u32max;
        id = o.id;
        refObjId = o.refObjId;
        range = o.range;
        map = o.map;
        memSize = o.memSize;
        frameNo = o.frameNo;
        funcSlot = o.funcSlot;
    }

    static RegState notInit() {
        return new RegState();
    }

    static RegState unknown() {
        RegState r = new RegState();
        r.type = RegType.SCALAR;
        return r;
    }

    static RegState constant(long v) {
        RegState r = new RegState();
        r.type = RegType.SCALAR;
        r.setConst(v);
        return r;
    }

    static RegState pointer(RegType type) {
        RegState r = new RegState();
        r.type = type;
        r.setConst(0);
        return r;
    }

    void markUnknown() {
        RegState u = unknown();
        assign(u);
    }

    void markNotInit() {
        assign(notInit());
    }

    /** Makes the variable part the constant v (for a scalar, its value). */
    void setConst(long v) {
        var = Tnum.constant(v);
        smin = smax = v;
        umin = umax = v;
        s32min = s32max = (int) v;
        u32min = u32max = v & U32_MAX;
    }

    void setUnbounded() {
        var = Tnum.UNKNOWN;
        unbound64();
        unbound32();
    }

    void unbound64() {
        smin = Long.MIN_VALUE;
        smax = Long.MAX_VALUE;
        umin = 0;
        umax = -1L;
    }

    void unbound32() {
        s32min = S32_MIN;
        s32max = S32_MAX;
        u32min = 0;
        u32max = U32_MAX;
    }

    boolean isConst() {
        return var.isConst();
    }

    boolean isScalar() {
        return type == RegType.SCALAR;
    }

    /** Bounds of a value known to fit in {@code bytes} unsigned bytes (a narrow load). */
    void setUnknownOfSize(int bytes) {
        markUnknown();
        if (bytes < 8) {
            var = Tnum.UNKNOWN.cast(bytes);
            sync();
        }
    }

    /** Zero-extends the low 32 bits into the whole register, as every 32-bit ALU result is. */
    void zext32() {
        var = var.subreg();
        if (u32min <= u32max) {
            umin = u32min;
            umax = u32max;
            smin = u32min;
            smax = u32max;
        } else {
            umin = 0;
            umax = U32_MAX;
            smin = 0;
            smax = U32_MAX;
        }
        s32min = Math.max(s32min, S32_MIN);
        sync();
    }

    /** Mirrors reg_bounds_sync(): var_off → ranges, ranges across widths, ranges → var_off. */
    void sync() {
        updateBounds();
        deduce32();
        deduce64();
        deduceMixed();
        deduce32();
        boundOffset();
        updateBounds();
    }

    private void updateBounds() {
        Tnum v32 = var.subreg();
        s32min = Math.max(s32min, (int) (v32.value() | (v32.mask() & 0x80000000L)));
        s32max = Math.min(s32max, (int) (v32.value() | (v32.mask() & 0x7fffffffL)));
        u32min = Math.max(u32min, v32.value());
        u32max = Math.min(u32max, v32.value() | v32.mask());
        smin = Math.max(smin, var.value() | (var.mask() & Long.MIN_VALUE));
        smax = Math.min(smax, var.value() | (var.mask() & Long.MAX_VALUE));
        umin = umaxOf(umin, var.value());
        umax = uminOf(umax, var.value() | var.mask());
    }

    private void deduce32() {
        if ((umin >>> 32) == (umax >>> 32)) {
            u32min = Math.max(u32min, umin & U32_MAX);
            u32max = Math.min(u32max, umax & U32_MAX);
            if ((int) umin <= (int) umax) {
                s32min = Math.max(s32min, (int) umin);
                s32max = Math.min(s32max, (int) umax);
            }
        }
        if ((smin >> 32) == (smax >> 32)) {
            if ((smin & U32_MAX) <= (smax & U32_MAX)) {
                u32min = Math.max(u32min, smin & U32_MAX);
                u32max = Math.min(u32max, smax & U32_MAX);
            }
            if ((int) smin <= (int) smax) {
                s32min = Math.max(s32min, (int) smin);
                s32max = Math.min(s32max, (int) smax);
            }
        }
        if ((int) u32min <= (int) u32max) {
            s32min = Math.max(s32min, (int) u32min);
            s32max = Math.min(s32max, (int) u32max);
        }
        if ((s32min & U32_MAX) <= (s32max & U32_MAX)) {
            u32min = Math.max(u32min, s32min & U32_MAX);
            u32max = Math.min(u32max, s32max & U32_MAX);
        }
    }

    private void deduce64() {
        if (umin <= umax) {
            smin = Math.max(smin, umin);
            smax = Math.min(smax, umax);
        }
        if (Long.compareUnsigned(smin, smax) <= 0) {
            umin = umaxOf(umin, smin);
            umax = uminOf(umax, smax);
        } else if (Long.compareUnsigned(umax, smin) < 0) {
            // the signed range crosses zero; the unsigned range overlaps only its non-negative end
            smin = umin;
            umax = uminOf(umax, smax);
        } else if (Long.compareUnsigned(smax, umin) < 0) {
            // ... or only its negative end
            smax = umax;
            umin = umaxOf(umin, smin);
        }
    }

    private void deduceMixed() {
        long newUmin = (umin & ~U32_MAX) | u32min;
        long newUmax = (umax & ~U32_MAX) | u32max;
        umin = umaxOf(umin, newUmin);
        umax = uminOf(umax, newUmax);
        long newSmin = (smin & ~U32_MAX) | u32min;
        long newSmax = (smax & ~U32_MAX) | u32max;
        smin = Math.max(smin, newSmin);
        smax = Math.min(smax, newSmax);
        if ((s32min & U32_MAX) <= (s32max & U32_MAX)) {
            newUmin = (umin & ~U32_MAX) | (s32min & U32_MAX);
            newUmax = (umax & ~U32_MAX) | (s32max & U32_MAX);
            umin = umaxOf(umin, newUmin);
            umax = uminOf(umax, newUmax);
            newSmin = (smin & ~U32_MAX) | (s32min & U32_MAX);
            newSmax = (smax & ~U32_MAX) | (s32max & U32_MAX);
            smin = Math.max(smin, newSmin);
            smax = Math.min(smax, newSmax);
        }
    }

    private void boundOffset() {
        Tnum v64 = var.intersect(Tnum.range(umin, umax));
        Tnum v32 = var.subreg().intersect(Tnum.range(u32min, u32max));
        var = v64.clearSubreg().or(v32);
    }

    static long umaxOf(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    static long uminOf(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /** {@return true when the ranges contradict each other (a branch that cannot be taken)} */
    boolean isEmpty() {
        return smin > smax || Long.compareUnsigned(umin, umax) > 0 || s32min > s32max || u32min > u32max;
    }

    /** {@return the kernel's name of the register's type (ring-buffer memory is {@code ringbuf_mem})} */
    String typeName() {
        if ((type == RegType.PTR_TO_MEM || type == RegType.PTR_TO_MEM_OR_NULL) && refObjId != 0) {
            return "ringbuf_" + type.logName();
        }
        return type.logName();
    }

    /** {@return the register as the kernel's log prints it after {@code R<n>=}} */
    String describe() {
        switch (type) {
            case NOT_INIT:
                return "?";
            case SCALAR:
                return isConst() ? Long.toString(var.value()) : "scalar(" + bounds() + ")";
            case PTR_TO_STACK:
                return "fp" + (off + (isConst() ? var.value() : 0));
            case PTR_TO_CTX:
            case PTR_TO_PACKET_END:
                return type.logName() + "()";
            default:
                StringBuilder b = new StringBuilder(typeName()).append('(');
                String sep = "";
                if (id != 0) {
                    b.append("id=").append(id);
                    sep = ",";
                }
                if (refObjId != 0) {
                    b.append(sep).append("ref_obj_id=").append(refObjId);
                    sep = ",";
                }
                if (off != 0) {
                    b.append(sep).append("off=").append(off);
                    sep = ",";
                }
                if (type.isPacket()) {
                    b.append(sep).append("r=").append(range);
                    sep = ",";
                }
                if (map != null) {
                    b.append(sep)
                            .append("map=")
                            .append(map.name())
                            .append(",ks=")
                            .append(map.keySize())
                            .append(",vs=")
                            .append(map.valueSize());
                    sep = ",";
                }
                if (type == RegType.PTR_TO_MEM || type == RegType.PTR_TO_MEM_OR_NULL) {
                    b.append(sep).append("sz=").append(memSize);
                    sep = ",";
                }
                if (!isConst()) {
                    b.append(sep).append(bounds());
                }
                return b.append(')').toString();
        }
    }

    private String bounds() {
        StringBuilder b = new StringBuilder();
        if (id != 0 && type == RegType.SCALAR) {
            b.append("id=").append(id).append(',');
        }
        if (smin != Long.MIN_VALUE && smin != umin) {
            b.append("smin=").append(smin).append(',');
        }
        if (smax != Long.MAX_VALUE && smax != umax) {
            b.append("smax=").append(smax).append(',');
        }
        if (umin != 0) {
            b.append("umin=").append(Long.toUnsignedString(umin)).append(',');
        }
        if (umax != -1L) {
            b.append("umax=").append(Long.toUnsignedString(umax)).append(',');
        }
        if (s32min != S32_MIN && s32min != u32min) {
            b.append("smin32=").append(s32min).append(',');
        }
        if (s32max != S32_MAX && s32max != u32max) {
            b.append("smax32=").append(s32max).append(',');
        }
        if (u32min != 0 && u32min != umin) {
            b.append("umin32=").append(u32min).append(',');
        }
        if (u32max != U32_MAX && u32max != umax) {
            b.append("umax32=").append(u32max).append(',');
        }
        if (!var.isUnknown()) {
            b.append("var_off=").append(var).append(',');
        }
        if (b.length() > 0) {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RegState)) {
            return false;
        }
        RegState r = (RegState) o;
        return type == r.type
                && off == r.off
                && var.equals(r.var)
                && smin == r.smin
                && smax == r.smax
                && umin == r.umin
                && umax == r.umax
                && s32min == r.s32min
                && s32max == r.s32max
                && u32min == r.u32min
                && u32max == r.u32max
                && id == r.id
                && refObjId == r.refObjId
                && range == r.range
                && map == r.map
                && memSize == r.memSize
                && frameNo == r.frameNo
                && funcSlot == r.funcSlot;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, off, var, smin, umax, id);
    }

    @Override
    public String toString() {
        return describe();
    }
}
