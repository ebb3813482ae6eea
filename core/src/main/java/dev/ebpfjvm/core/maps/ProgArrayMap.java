package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramArray;
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
public final class ProgArrayMap extends BpfMap implements ProgramArray {
    private final ObjectSlots<Executable> slots;

    ProgArrayMap(MapSpec spec, int cpus) {
        super(spec, spec.maxEntries(), cpus);
        this.slots = new ObjectSlots<>(spec.maxEntries());
    }

    @Override
    public Kind kind() {
        return Kind.PROG_ARRAY;
    }

    /** {@return the program in a slot, or null when the index is out of range or the slot empty} */
    @Override
    public Executable target(long index) {
        return slots.get(index);
    }

    /**
     * Puts a program into a slot, replacing what was there.
     *
     * @throws MapException E2BIG when the index is out of range, EPERM when frozen or read-only
     */
    public void set(int index, Executable program) {
        checkWritable("update");
        Objects.requireNonNull(program, "program");
        int err = slots.checkUpdate(Integer.toUnsignedLong(index), ANY);
        if (err != 0) {
            throw error("update", err, "index " + Integer.toUnsignedLong(index));
        }
        slots.swap(index, program);
    }

    /** {@return the program in a slot, or null} */
    public Executable get(int index) {
        checkOpen("lookup");
        return slots.get(Integer.toUnsignedLong(index));
    }

    /** Empties a slot. {@return false when it was empty} @throws MapException E2BIG out of range */
    public boolean clear(int index) {
        return delete(u32(index));
    }

    /** The value of a slot is a program, not bytes: use {@link #get}. */
    @Override
    int doLookup(byte[] key, byte[] out) {
        return (int) Errno.ENOTSUPP.negative();
    }

    /** The value of a slot is a program, not bytes: use {@link #set}. */
    @Override
    int doUpdate(byte[] key, byte[] value, long flags) {
        return (int) Errno.ENOTSUPP.negative();
    }

    @Override
    int doDelete(byte[] key) {
        return slots.delete(ArrayIndex.of(key, 0), program -> { });
    }

    @Override
    int doNextKey(byte[] key, byte[] next) {
        return ArrayIndex.nextKey(key, next, maxEntries());
    }

    @Override
    void releaseValues() {
        slots.clear(program -> { });
    }
}
