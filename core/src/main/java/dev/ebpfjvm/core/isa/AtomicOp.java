package dev.ebpfjvm.core.isa;

/** The operation of a {@code BPF_ATOMIC} store, held in its imm field. */
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
