package dev.ebpfjvm.core.load;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.maps.ArrayOfMapsMap;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.HashOfMapsMap;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.maps.PinRegistry;
import dev.ebpfjvm.core.maps.Pinning;
import dev.ebpfjvm.core.maps.ProgArrayMap;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The maps of one loaded object, by name, in the object's order. Mirrors
 * bpf_object__create_maps() in libbpf's src/libbpf.c: a {@code LIBBPF_PIN_BY_NAME} map is reused
 * when one is pinned under its name (and then not initialised again), else created and pinned;
 * {@code .rodata} maps are frozen once initialised, so user space cannot change them after load.
 */
final class LoadedMaps implements AutoCloseable {
    private final Map<String, BpfMap> byName = new LinkedHashMap<>();
    private final Set<String> reused = new HashSet<>();

    private LoadedMaps() {}

    static LoadedMaps create(ObjectSpec spec, PinRegistry pins, int cpus, RegionTable regions) {
        LoadedMaps maps = new LoadedMaps();
        try {
            for (MapSpec m : spec.maps()) {
                maps.byName.put(m.name(), maps.open(m, pins, cpus, regions));
                if (spec.isReadOnlyData(m.name())) {
                    maps.byName.get(m.name()).freeze();
                }
            }
        } catch (RuntimeException e) {
            maps.close();
            throw e;
        }
        return maps;
    }

    private BpfMap open(MapSpec declared, PinRegistry pins, int cpus, RegionTable regions) {
        MapSpec m = withDefaultMaxEntries(declared, cpus);
        if (m.pinning() != Pinning.BY_NAME) {
            return BpfMap.create(m, cpus, regions);
        }
        String path = PinRegistry.pinPath(m);
        if (pins.isPinned(path)) {
            reused.add(m.name());
        }
        return pins.openOrCreate(m, path, cpus);
    }

    /**
     * {@return the spec with libbpf's default capacity}: a perf event array declared with
     * max_entries 0 gets one slot per possible CPU, as map_set_def_max_entries() in libbpf.c does
     * before creating (or reusing a pinned) map; the kernel itself rejects 0 with EINVAL.
     */
    static MapSpec withDefaultMaxEntries(MapSpec m, int cpus) {
        if (m.type() != MapType.PERF_EVENT_ARRAY || m.maxEntries() != 0) {
            return m;
        }
        return new MapSpec(
                m.name(),
                m.type(),
                m.keySize(),
                m.valueSize(),
                cpus,
                m.flags(),
                m.pinning(),
                m.innerMap(),
                m.contents());
    }

    BpfMap get(String name) {
        return byName.get(name);
    }

    Map<String, BpfMap> all() {
        return Collections.unmodifiableMap(byName);
    }

    /**
     * Puts the programs and maps the object names in its {@code values} initialisers into the
     * slots of its prog arrays and map-in-maps (libbpf's init_prog_array_slots() and
     * init_map_in_map_slots()); maps reused from a pin are left as they are.
     */
    void fillSlots(ObjectSpec spec, Map<String, Executable> programs) {
        for (MapSpec m : spec.maps()) {
            if (reused.contains(m.name())) {
                continue;
            }
            for (MapSpec.Init init : m.contents()) {
                if (init.symbol() != null) {
                    fill(byName.get(m.name()), init, programs);
                }
            }
        }
    }

    private void fill(BpfMap map, MapSpec.Init init, Map<String, Executable> programs) {
        byte[] key = init.key();
        int index = key.length == 4 ? (int) LittleEndian.getU32(key, 0) : -1;
        switch (map.kind()) {
            case PROG_ARRAY:
                ((ProgArrayMap) map).set(index, require(programs.get(init.symbol()), map, init));
                break;
            case ARRAY_OF_MAPS:
                ((ArrayOfMapsMap) map).set(index, require(byName.get(init.symbol()), map, init));
                break;
            case HASH_OF_MAPS:
                ((HashOfMapsMap) map).set(key, require(byName.get(init.symbol()), map, init), BpfMap.ANY);
                break;
            default:
                throw new EbpfException("map '" + map.name() + "': a "
                        + map.type().kernelName() + " map cannot hold '" + init.symbol() + "'");
        }
    }

    private static <T> T require(T target, BpfMap map, MapSpec.Init init) {
        if (target == null) {
            throw new EbpfException("map '" + map.name() + "': initial slot names '" + init.symbol()
                    + "', which the object does not define");
        }
        return target;
    }

    /** Drops this object's reference to every map; pinned maps live on in their registry. */
    @Override
    public void close() {
        List<BpfMap> maps = new ArrayList<>(byName.values());
        Collections.reverse(maps);
        maps.forEach(BpfMap::close);
    }
}
