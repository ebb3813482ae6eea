package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramArray;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.Objects;

/**
 * {@code BPF_MAP_TYPE_PROG_ARRAY} (kernel/bpf/arraymap.c): slots of programs for
 * {@code bpf_tail_call}, which resolves the map through its address ({@link ProgramArray},
 * {@link dev.ebpfjvm.core.exec.TailCalls}). User space fills slots with {@link #set} (the kernel
 * takes a program fd as the value); programs can neither look up nor change slots, which the
 * verifier enforces (at run time the map helpers return NULL or {@code -ENOTSUPP}).
 *
 * <p>The kernel's check that every program in the array has the same type and JIT state
 * (bpf_prog_map_compatible()) is not modelled: executables carry no program type yet.
 */
public final class ProgArrayMap extends FdArrayMap<Executable> implements ProgramArray {

    ProgArrayMap(MapSpec spec, int cpus, RegionTable regions) {
        super(spec, cpus, regions);
    }

    @Override
    public Kind kind() {
        return Kind.PROG_ARRAY;
    }

    /** {@return the program in a slot, or null when the index is out of range or the slot empty} */
    @Override
    public Executable target(long index) {
        return slot(index);
    }

    /**
     * Puts a program into a slot, replacing what was there.
     *
     * @throws MapException E2BIG when the index is out of range, EPERM when frozen or read-only
     */
    public void set(int index, Executable program) {
        long i = checkedSlot(index);
        replace(i, Objects.requireNonNull(program, "program"));
    }
}
