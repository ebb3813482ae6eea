package dev.ebpfjvm.core.facts;

import java.util.Objects;

/**
 * What the verifier proved about one load, store or atomic over every path that reaches it: the
 * region, for map values which map, and the byte range of the access inside the region
 * ({@code [minOffset, maxOffset + size)}; for the stack, offsets are negative from the frame
 * pointer; for packets, from {@code data}).
 *
 * @param region the region kind, {@link AccessRegion#MIXED} when paths disagree
 * @param map the map's name for MAP_VALUE and GLOBAL_DATA, else null
 * @param minOffset the lowest offset any path accesses
 * @param maxOffset the highest start offset any path accesses
 * @param size the access size in bytes
 */
public record AccessFact(AccessRegion region, String map, long minOffset, long maxOffset, int size) {
    public AccessFact {
        Objects.requireNonNull(region, "region");
    }

    /** {@return the fact covering both this and another path's access} */
    public AccessFact join(AccessFact o) {
        boolean same = region == o.region && Objects.equals(map, o.map);
        return new AccessFact(
                same ? region : AccessRegion.MIXED,
                same ? map : null,
                Math.min(minOffset, o.minOffset),
                Math.max(maxOffset, o.maxOffset),
                size);
    }

    /** {@return the JIT hint this fact justifies, or null} */
    public RegionHint hint() {
        switch (region) {
            case STACK:
                return RegionHint.STACK;
            case CONTEXT:
                return RegionHint.CONTEXT;
            default:
                return null;
        }
    }
}
