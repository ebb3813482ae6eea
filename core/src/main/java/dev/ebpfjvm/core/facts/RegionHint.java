package dev.ebpfjvm.core.facts;

/**
 * The region a load, store or atomic provably accesses, so that the JIT can index that region's
 * {@code byte[]} directly with {@code (int) ptr + off} instead of decoding the address. In every
 * case the array's own bounds check still guards the access.
 */
public enum RegionHint {
    /**
     * The stack ({@link dev.ebpfjvm.core.memory.Memory#STACK_REGION}): the pointer is r10, or
     * derived from it by constant adds. Both the verifier and the JIT's own inference produce it.
     */
    STACK,
    /**
     * The context ({@link dev.ebpfjvm.core.memory.Memory#CONTEXT_REGION}), as the verifier proves
     * for {@code PTR_TO_CTX} accesses. Writes use the context only when it is writable.
     */
    CONTEXT,
    /**
     * The region that r1 pointed into when the current function was entered: the pointer is that
     * r1 plus a constant. This is what the JIT's own inference proves for "context through r1"
     * without a verifier; it is exact for every entry value, including pointers that are not the
     * context and NULL (whose accesses fault, as in the interpreter).
     */
    ENTRY_R1,
    /**
     * Most likely the stack: the pointer was derived from r10 by additions the JIT cannot follow (a
     * loop moving it, a register added). The code checks the address's region at run time and uses
     * the stack's array when it is the stack, {@link dev.ebpfjvm.core.memory.Memory} otherwise; only
     * the JIT's own inference produces it.
     */
    STACK_CHECKED,
    /**
     * Most likely the entry r1's region, reached by additions the JIT cannot follow; checked at run
     * time like {@link #STACK_CHECKED}.
     */
    ENTRY_R1_CHECKED;

    /** {@return true for the hints whose region the code checks at run time} */
    public boolean isChecked() {
        return this == STACK_CHECKED || this == ENTRY_R1_CHECKED;
    }
}
