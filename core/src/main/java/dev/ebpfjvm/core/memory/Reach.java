package dev.ebpfjvm.core.memory;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The long-lived regions one program may reach: those of the maps its object references (global
 * data included), those of the maps it obtains through a map-in-map it references, and its own
 * function region. Every address a run resolves outside the per-run regions (stack, context,
 * packet) goes through the reach of the program that runs, so a forged or stale address into any
 * other region, of this runtime or another, resolves to nothing and faults.
 *
 * <p>Regions are matched by their owner (the map or executable), and a region of a direct owner
 * found allowed is remembered by identity: an id released and reused by another owner is checked
 * afresh.
 * Thread-safe: programs run on many threads at once.
 */
public final class Reach {
    /** A region owner that holds other owners, as a map-in-map holds its inner maps. */
    public interface Holder {
        /** {@return true when the owner is one of those this holder currently holds} */
        boolean holds(Object owner);
    }

    private final RegionTable table;
    private volatile Set<Object> owners;
    private final List<Holder> holders;
    private volatile Region[] allowed = new Region[0];

    /** Reaches nothing: what a memory resolves through before a program runs on it. Immutable. */
    static final Reach NOTHING = new Reach(null, Set.of(), List.of());

    private Reach(RegionTable table, Set<Object> owners, List<Holder> holders) {
        this.table = table;
        this.owners = owners;
        this.holders = holders;
    }

    /**
     * {@return the reach of a program whose object references the given owners (maps)} Owners that
     * are {@link Holder}s also admit what they hold at the time of each access.
     */
    public static Reach of(RegionTable table, Collection<?> owners) {
        Objects.requireNonNull(table, "table");
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(owners);
        List<Holder> holders = set.stream()
                .filter(Holder.class::isInstance)
                .map(Holder.class::cast)
                .toList();
        return new Reach(table, Collections.unmodifiableSet(set), holders);
    }

    /** {@return a reach of nothing but the per-run regions and what is later {@linkplain #admit admitted}} */
    public static Reach isolated(RegionTable table) {
        return of(table, List.of());
    }

    /** {@return the table the regions are registered in (null for the reach of nothing a fresh memory has)} */
    public RegionTable table() {
        return table;
    }

    /** Adds an owner: the engine's own executable, whose function region the program names. */
    public synchronized void admit(Object owner) {
        if (table == null) {
            throw new IllegalStateException("the reach of nothing admits nothing");
        }
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(owners);
        set.add(owner);
        owners = Collections.unmodifiableSet(set);
    }

    /** {@return the region of an id if this reach includes it, else null} */
    public Region region(int id) {
        if (table == null) {
            return null;
        }
        Region region = table.get(id);
        if (region == null) {
            return null;
        }
        Region[] known = allowed;
        if (id < known.length && known[id] == region) {
            return region;
        }
        if (owners.contains(region.owner())) {
            remember(region);
            return region;
        }
        return isHeld(region.owner()) ? region : null;
    }

    /** Inner maps are checked on every access: one taken out of its outer map is out of reach. */
    private boolean isHeld(Object owner) {
        for (Holder holder : holders) {
            if (holder.holds(owner)) {
                return true;
            }
        }
        return false;
    }

    private synchronized void remember(Region region) {
        Region[] known = allowed;
        if (region.id() >= known.length) {
            known = Arrays.copyOf(known, Math.max(region.id() + 1, known.length * 2));
        } else {
            known = known.clone();
        }
        known[region.id()] = region;
        allowed = known;
    }
}
