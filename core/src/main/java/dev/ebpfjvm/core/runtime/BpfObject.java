package dev.ebpfjvm.core.runtime;

import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.load.LoadedObject;
import dev.ebpfjvm.core.maps.BpfMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An object loaded into a {@link BpfRuntime} (cilium/ebpf's Collection): its programs and maps by
 * name. {@link #close()} releases the programs and this object's references to its maps once none
 * of its programs is attached; maps that are pinned or held by another object live on.
 */
public final class BpfObject implements AutoCloseable {
    private final BpfRuntime runtime;
    private final LoadedObject loaded;
    private final Map<String, BpfProgram> programs = new LinkedHashMap<>();
    private boolean closed;

    BpfObject(BpfRuntime runtime, LoadedObject loaded) {
        this.runtime = runtime;
        this.loaded = loaded;
        for (ProgramSpec p : loaded.spec().programs()) {
            if (p.supported()) {
                programs.put(
                        p.name(),
                        new BpfProgram(runtime, p, runtime.network().program(p.name(), loaded.program(p.name()))));
            }
        }
    }

    /** {@return the spec the object was loaded from, with the global variables set at load} */
    public ObjectSpec spec() {
        return loaded.spec();
    }

    /** {@return every loaded program by name, in the object's order (programs of unsupported types are not loaded)} */
    public Map<String, BpfProgram> programs() {
        return Collections.unmodifiableMap(programs);
    }

    /**
     * {@return the program of a name}
     *
     * @throws IllegalArgumentException naming the programs the object has, when it has no such one
     * @throws dev.ebpfjvm.core.UnsupportedFeatureException with the reason, for a program of a type
     *     ebpf-jvm does not run
     */
    public BpfProgram program(String name) {
        BpfProgram p = programs.get(name);
        if (p == null) {
            loaded.program(name); // throws, naming the reason or the programs there are
        }
        return p;
    }

    /** {@return every map by name, in the object's order (data-section maps are named after their section)} */
    public Map<String, BpfMap> maps() {
        return loaded.maps();
    }

    /**
     * {@return the map of a name, with the byte-array API of the {@code bpf(2)} map commands}
     *
     * @throws IllegalArgumentException naming the maps the object has, when it has no such one
     */
    public BpfMap map(String name) {
        return loaded.map(name);
    }

    /**
     * {@return the map of a name with typed keys and values}
     *
     * @throws IllegalArgumentException when there is no such map, or the codecs' sizes are not the map's
     */
    public <K, V> TypedMap<K, V> map(String name, Codec<K> keys, Codec<V> values) {
        return new TypedMap<>(loaded.map(name), keys, values);
    }

    /** {@return the current bytes of a global variable} @throws IllegalArgumentException when there is none */
    public byte[] global(String name) {
        return loaded.global(name);
    }

    /**
     * Releases the programs and this object's references to its maps, once no program of it is
     * attached to a device (until then it keeps running there, as in the kernel); closing twice
     * does nothing.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            runtime.release(this);
        }
    }

    void releaseNow() {
        loaded.close();
    }
}
