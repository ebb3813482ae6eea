package dev.ebpfjvm.core.load;

import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.elf.GlobalVariable;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loaded object (cilium/ebpf's Collection): its maps and its programs, ready to run.
 * {@link #close()} releases the programs and this object's references to its maps; maps pinned
 * or held by another object (a map-in-map, a second object sharing a pinned map) live on.
 */
public final class LoadedObject implements AutoCloseable {
    private final ObjectSpec spec;
    private final LoadedMaps maps;
    private final Map<String, Executable> programs;
    private final RegionTable regions;
    private final long programBytes;
    private boolean closed;

    LoadedObject(
            ObjectSpec spec,
            LoadedMaps maps,
            Map<String, Executable> programs,
            RegionTable regions,
            long programBytes) {
        this.spec = spec;
        this.maps = maps;
        this.programs = Collections.unmodifiableMap(new LinkedHashMap<>(programs));
        this.regions = regions;
        this.programBytes = programBytes;
    }

    /** {@return the region table of the runtime the object was loaded into} */
    public RegionTable regions() {
        return regions;
    }

    /** {@return the spec the object was loaded from, with the global variables set at load} */
    public ObjectSpec spec() {
        return spec;
    }

    /** {@return every map by name, in the object's order (data-section maps are named after their section)} */
    public Map<String, BpfMap> maps() {
        return maps.all();
    }

    /**
     * {@return the map of a name}
     *
     * @throws IllegalArgumentException when the object has no such map
     */
    public BpfMap map(String name) {
        BpfMap map = maps.get(name);
        if (map == null) {
            throw new IllegalArgumentException(
                    "no map '" + name + "' (have " + maps.all().keySet() + ")");
        }
        return map;
    }

    /** {@return every program by name, in the object's order} */
    public Map<String, Executable> programs() {
        return programs;
    }

    /**
     * {@return the program of a name}
     *
     * @throws dev.ebpfjvm.core.UnsupportedFeatureException for a program the loader skipped, with the reason
     * @throws IllegalArgumentException when the object has no such program
     */
    public Executable program(String name) {
        Executable p = programs.get(name);
        String unsupported = p != null
                ? null
                : spec.program(name).flatMap(ProgramSpec::unsupportedReason).orElse(null);
        if (unsupported != null) {
            throw new UnsupportedFeatureException("program '" + name + "' was not loaded: " + unsupported);
        }
        if (p == null) {
            throw new IllegalArgumentException("no program '" + name + "' (have " + programs.keySet() + ")");
        }
        return p;
    }

    /**
     * {@return the current bytes of a global variable, read from its data-section map}
     *
     * @throws IllegalArgumentException when the object has no such variable
     */
    public byte[] global(String name) {
        GlobalVariable var =
                spec.global(name).orElseThrow(() -> new IllegalArgumentException("no global variable '" + name + "'"));
        byte[] value = map(var.section()).lookup(new byte[4]);
        return Arrays.copyOfRange(value, var.offset(), var.offset() + var.size());
    }

    /** Releases the programs and this object's references to its maps; closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        programs.values().forEach(Executable::close);
        maps.close();
        regions.uncharge(programBytes);
    }
}
