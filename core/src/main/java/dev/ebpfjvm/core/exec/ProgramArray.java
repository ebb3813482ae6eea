package dev.ebpfjvm.core.exec;

/**
 * The view of a {@code BPF_MAP_TYPE_PROG_ARRAY} that tail calls need. The map that implements it
 * is registered as the owner of a {@link dev.ebpfjvm.core.memory.RegionKind#MAP} region, so the
 * map pointer a program passes to {@code bpf_tail_call} resolves to it.
 */
public interface ProgramArray {
    /** {@return the executable in a slot, or null when the index is out of range or the slot empty} */
    Executable target(long index);
}
