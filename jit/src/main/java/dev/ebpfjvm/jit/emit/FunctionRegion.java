package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Reach;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.memory.RegionTable;

/**
 * The {@link RegionKind#PROGRAM} region that identifies the functions of a program whose code takes
 * their address ({@code lddw} with {@code BPF_PSEUDO_FUNC}, for callbacks): a function's address is
 * {@code Address.of(region, its slot)}, and the region's owner is the executable, as in the
 * interpreter; the executable implements {@link dev.ebpfjvm.core.exec.Callback}, so that helpers
 * such as {@code bpf_loop} can call the function. The generated class holds this object as a
 * class-data constant; the region is registered in the program's region table, and admitted to its reach, once the executable exists and released when it
 * is closed.
 */
public final class FunctionRegion {
    private volatile Region region;
    private volatile RegionTable table;

    /** Registers the region, owned by the executable that was just defined. */
    public void register(Executable owner) {
        if (region != null) {
            throw new IllegalStateException("function region registered twice");
        }
        Reach reach = owner.program().reach();
        table = reach.table();
        region = table.register(RegionKind.PROGRAM, new byte[0], false, owner);
        reach.admit(owner);
    }

    /** {@return the address of slot 0 of the program; called by generated code} */
    public long base() {
        return Address.of(region.id(), 0);
    }

    /** Releases the region; called by the generated class's {@code close()}. */
    public void close() {
        Region r = region;
        if (r != null) {
            table.release(r);
        }
    }
}
