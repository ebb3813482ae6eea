package dev.ebpfjvm.jit.plan;

/**
 * One BPF function (the entry program or a bpf-to-bpf callee): the slots {@code [start, end)}.
 * Functions are contiguous and ordered by start, as the kernel lays out subprograms.
 *
 * @param index the function's number, 0 for the entry
 * @param start the first slot
 * @param end one past the last slot
 */
public record FunctionRange(int index, int start, int end) {
    public FunctionRange {
        if (index < 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException("function " + index + " [" + start + ", " + end + ")");
        }
    }

    /** {@return true when the slot lies in this function} */
    public boolean contains(int slot) {
        return slot >= start && slot < end;
    }
}
