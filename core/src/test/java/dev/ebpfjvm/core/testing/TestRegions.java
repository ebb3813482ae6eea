package dev.ebpfjvm.core.testing;

import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.memory.Reach;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The region table of the engine and helper unit tests, which build programs by hand and hand them
 * regions and maps made on the spot: everything registered here is in the reach of the programs
 * the test helpers build ({@link #reach()}). Isolation itself is tested with runtimes, which share
 * nothing with this table.
 */
public final class TestRegions {
    /** The tests' table. */
    public static final RegionTable TABLE = new RegionTable();

    private static final Set<Object> OWNERS = ConcurrentHashMap.newKeySet();
    private static final Reach.Holder LIVE = OWNERS::contains;

    private TestRegions() {}

    /** Registers a region, owned by {@code owner} or, when null, by an owner of its own, within reach. */
    public static Region register(RegionKind kind, byte[] bytes, boolean writable, Object owner) {
        Object o = owner != null ? owner : new Object();
        OWNERS.add(o);
        return TABLE.register(kind, bytes, writable, o);
    }

    /** Releases a region registered here. */
    public static void release(Region region) {
        OWNERS.remove(region.owner());
        TABLE.release(region);
    }

    /** {@return a new map in the tests' table, within reach} */
    public static BpfMap map(MapSpec spec, int cpus) {
        BpfMap map = BpfMap.create(spec, cpus, TABLE);
        OWNERS.add(map);
        return map;
    }

    /** {@return a new map with one simulated CPU per core, within reach} */
    public static BpfMap map(MapSpec spec) {
        return map(spec, Runtime.getRuntime().availableProcessors());
    }

    /** {@return the owner of the region an address points into, if of the given kind, else null} */
    public static Object ownerAt(long address, RegionKind kind) {
        Region region = TABLE.get(Address.region(address));
        return region != null && region.kind() == kind ? region.owner() : null;
    }

    /** {@return a reach of everything registered here, now and later} */
    public static Reach reach() {
        return Reach.of(TABLE, List.of(LIVE));
    }

    /** {@return a context whose memory reaches everything registered here, for helpers called without a program} */
    public static ProgramContext context(Environment environment) {
        ProgramContext ctx = new ProgramContext(new Memory(), environment);
        ctx.memory().setReach(reach());
        return ctx;
    }
}
