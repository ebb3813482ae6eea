package dev.ebpfjvm.jit.plan;

import java.util.List;

/**
 * One generated method: a whole function, or one chunk of a function too large for one method.
 * A chunk covers the slots {@code [start, end)} and is entered at any of its entry slots (its start,
 * and every slot a jump from another chunk of the function targets).
 *
 * @param index the chunk's number within its function (0 for an unsplit function)
 * @param start the first slot
 * @param end one past the last slot
 * @param entries the entry slots, by ascending slot; entry {@code i} has local code {@code i}
 */
public record MethodPlan(int index, int start, int end, List<Integer> entries) {
    public MethodPlan {
        entries = List.copyOf(entries);
        if (start >= end || entries.isEmpty() || entries.get(0) != start) {
            throw new IllegalArgumentException("chunk " + index + " [" + start + ", " + end + ") entries " + entries);
        }
    }

    /** {@return true when the slot lies in this method} */
    public boolean contains(int slot) {
        return slot >= start && slot < end;
    }

    /** {@return the code a split function's dispatcher uses to enter this chunk at entry {@code local}} */
    public int entryCode(int local) {
        return FunctionPlan.entryCode(index, local);
    }
}
