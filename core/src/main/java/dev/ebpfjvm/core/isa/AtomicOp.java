package dev.ebpfjvm.core.isa;

import java.util.Locale;

/**
 * The operation of a {@code BPF_ATOMIC} store, held in its imm field. Each builds its instruction:
 * {@code FETCH_ADD.mem(Size.DW, R10, R1, -8)} is {@code lock fetch add [r10-8], r1}.
 */
public enum AtomicOp {
    /** {@code BPF_ADD}: *ptr += src. */
    ADD(0x00, false),
    /** {@code BPF_OR}: *ptr |= src. */
    OR(0x40, false),
    /** {@code BPF_AND}: *ptr &amp;= src. */
    AND(0x50, false),
    /** {@code BPF_XOR}: *ptr ^= src. */
    XOR(0xa0, false),
    /** {@code BPF_ADD | BPF_FETCH}: src = atomic_fetch_add(ptr, src). */
    FETCH_ADD(0x01, true),
    /** {@code BPF_OR | BPF_FETCH}: src = atomic_fetch_or(ptr, src). */
    FETCH_OR(0x41, true),
    /** {@code BPF_AND | BPF_FETCH}: src = atomic_fetch_and(ptr, src). */
    FETCH_AND(0x51, true),
    /** {@code BPF_XOR | BPF_FETCH}: src = atomic_fetch_xor(ptr, src). */
    FETCH_XOR(0xa1, true),
    /** {@code BPF_XCHG}: src = xchg(ptr, src). */
    XCHG(0xe1, true),
    /** {@code BPF_CMPXCHG}: r0 = cmpxchg(ptr, r0, src). */
    CMPXCHG(0xf1, true);

    private final int code;
    private final boolean fetch;

    AtomicOp(int code, boolean fetch) {
        this.code = code;
        this.fetch = fetch;
    }

    /** {@return the imm value that encodes this operation} */
    public int code() {
        return code;
    }

    /** {@return true when the old value is returned (in src, or r0 for cmpxchg)} */
    public boolean isFetch() {
        return fetch;
    }

    /**
     * {@return the atomic operation on {@code [dst + off]} with {@code src}}
     *
     * @param size {@link Size#W} or {@link Size#DW}, the only sizes atomics have
     * @throws IllegalArgumentException for a byte or half-word size
     */
    public Insn mem(Size size, int dst, int src, int off) {
        if (size != Size.W && size != Size.DW) {
            throw new IllegalArgumentException("atomic " + name().toLowerCase(Locale.ROOT) + " has no " + size.bytes()
                    + "-byte form (only W and DW)");
        }
        return Insn.of(InsnClass.STX.code() | MemMode.ATOMIC.code() | size.code(), dst, src, off, code);
    }

    /** {@return the operation an imm encodes, or null if it encodes none} */
    public static AtomicOp of(int imm) {
        for (AtomicOp op : values()) {
            if (op.code == imm) {
                return op;
            }
        }
        return null;
    }
}
