package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramArray;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.testing.TestRegions;

/**
 * A minimal {@code BPF_MAP_TYPE_PROG_ARRAY} for tail-call tests: fixed slots, registered as the
 * owner of a MAP region so that {@link #address()} is the map pointer a program passes in r2.
 */
final class TestProgramArray implements ProgramArray, AutoCloseable {
    private final Executable[] slots;
    private final Region region;

    TestProgramArray(int size) {
        this.slots = new Executable[size];
        this.region = TestRegions.register(RegionKind.MAP, new byte[0], false, this);
    }

    /** Puts a program into a slot (null empties it). */
    void set(int index, Executable program) {
        slots[index] = program;
    }

    /** {@return the map's address, as lddw with a map reference would load it} */
    long address() {
        return region.address(0);
    }

    @Override
    public Executable target(long index) {
        return index >= 0 && index < slots.length ? slots[(int) index] : null;
    }

    @Override
    public void close() {
        TestRegions.release(region);
    }
}
