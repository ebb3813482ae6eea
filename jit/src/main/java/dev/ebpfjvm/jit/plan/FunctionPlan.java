package dev.ebpfjvm.jit.plan;

import java.util.List;

/**
 * How one function becomes JVM methods: one method when it fits the budget, else chunks entered
 * through a driver that loops over a dispatcher. Chunks return the code of the next entry
 * ({@code chunk << 16 | local}) or {@link #EXIT_CODE}.
 *
 * @param range the function's slots
 * @param chunks its chunks, by ascending start; empty when the function is one method
 */
public record FunctionPlan(FunctionRange range, List<MethodPlan> chunks) {
    /** What a chunk returns when the function exits (r0 is then in the register array). */
    public static final int EXIT_CODE = -1;
    /** The most chunks a function may have, so that entry codes stay positive ints. */
    public static final int MAX_CHUNKS = 1 << 15;

    public FunctionPlan {
        chunks = List.copyOf(chunks);
        if (chunks.size() > MAX_CHUNKS) {
            throw new IllegalArgumentException("function " + range.index() + ": " + chunks.size() + " chunks");
        }
    }

    /** {@return true when the function is split into chunks} */
    public boolean isSplit() {
        return !chunks.isEmpty();
    }

    /** {@return the chunk holding a slot} */
    public MethodPlan chunkAt(int slot) {
        int lo = 0;
        int hi = chunks.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (chunks.get(mid).start() <= slot) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return chunks.get(lo);
    }

    /**
     * {@return the entry code that enters the function at a slot, which must be an entry of its chunk}
     */
    public int entryCodeOf(int slot) {
        MethodPlan chunk = chunkAt(slot);
        int local = java.util.Collections.binarySearch(chunk.entries(), slot);
        if (local < 0) {
            throw new IllegalStateException("slot " + slot + " is no entry of chunk " + chunk);
        }
        return entryCode(chunk.index(), local);
    }

    /** {@return the entry code of a chunk's local entry} */
    static int entryCode(int chunk, int local) {
        return chunk << 16 | local;
    }
}
