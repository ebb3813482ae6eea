package dev.ebpfjvm.core.facts;

/**
 * What the JIT may rely on about each memory access: the region it hits. The verifier supplies
 * these facts from its path exploration (register types such as {@code PTR_TO_STACK} and
 * {@code PTR_TO_CTX}); without a verifier the JIT infers a conservative subset itself
 * (the jit module's {@code RegionInference}). An access with no fact takes the generic path through
 * {@link dev.ebpfjvm.core.memory.Memory}, which decodes the address on every access.
 */
@FunctionalInterface
public interface MemoryFacts {
    /** Facts that pin down nothing: every access takes the generic path. */
    MemoryFacts NONE = slot -> null;

    /**
     * {@return the region the load, store or atomic at a slot provably accesses, or null when it is
     * unknown}
     */
    RegionHint regionAt(int slot);
}
