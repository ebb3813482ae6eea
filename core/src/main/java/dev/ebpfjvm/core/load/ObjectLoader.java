package dev.ebpfjvm.core.load;

import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.helpers.MapHelpers;
import dev.ebpfjvm.core.maps.PinRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an {@link ObjectSpec} into a {@link LoadedObject}, as libbpf's bpf_object__load() does:
 * sets the global variables asked for, creates the maps (sharing {@code LIBBPF_PIN_BY_NAME}
 * maps through a {@link PinRegistry}), resolves every map and global-data reference of the
 * programs to addresses, prepares each program with the chosen {@link Engine}, and fills prog
 * arrays and map-in-maps from the object's {@code values} initialisers. A failure releases
 * everything created so far. Immutable and reusable: configure with {@link #builder()}.
 */
public final class ObjectLoader {
    private final Engine engine;
    private final HelperRegistry helpers;
    private final PinRegistry pins;
    private final int cpus;
    private final Map<String, byte[]> globals;

    private ObjectLoader(Builder b) {
        this.engine = b.engine != null ? b.engine : Engines.byName("interpreter");
        this.helpers = b.helpers != null ? b.helpers : MapHelpers.register(HelperRegistry.builder()).build();
        this.pins = b.pins;
        this.cpus = b.cpus;
        this.globals = new LinkedHashMap<>(b.globals);
    }

    /** {@return a loader with the interpreter, the map helpers, the JVM-wide pin registry and one CPU per core} */
    public static ObjectLoader defaults() {
        return builder().build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads an object.
     *
     * @return the maps and programs, which the caller closes
     * @throws UnsupportedFeatureException for a map type ebpf-jvm does not implement (programs of
     *     sections it does not run are skipped, not loaded)
     * @throws dev.ebpfjvm.core.maps.MapException when a map cannot be created or a pinned map
     *     does not match
     * @throws dev.ebpfjvm.core.EbpfException when the engine rejects a program
     * @throws IllegalArgumentException when a global variable to set does not exist or is too long
     */
    public LoadedObject load(ObjectSpec spec) {
        ObjectSpec s = spec;
        for (Map.Entry<String, byte[]> g : globals.entrySet()) {
            s = s.withGlobal(g.getKey(), g.getValue());
        }
        LoadedMaps maps = LoadedMaps.create(s, pins, cpus);
        Map<String, Executable> programs = new LinkedHashMap<>();
        try {
            for (ProgramSpec p : s.programs()) {
                if (p.supported()) { // the others are skipped: LoadedObject.program() names their reason
                    programs.put(p.name(), engine.load(Relocator.relocate(p, maps, helpers)));
                }
            }
            maps.fillSlots(s, programs);
            return new LoadedObject(s, maps, programs);
        } catch (RuntimeException e) {
            programs.values().forEach(Executable::close);
            maps.close();
            throw e;
        }
    }

    /** Options of an {@link ObjectLoader}. */
    public static final class Builder {
        private Engine engine;
        private HelperRegistry helpers;
        private PinRegistry pins = PinRegistry.DEFAULT;
        private int cpus = Runtime.getRuntime().availableProcessors();
        private final Map<String, byte[]> globals = new LinkedHashMap<>();

        private Builder() {
        }

        /** The engine that prepares the programs; default the interpreter. */
        public Builder engine(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** The engine of a name ({@link Engines#byName}). */
        public Builder engine(String name) {
            return engine(Engines.byName(name));
        }

        /** The helper functions programs may call; default the map helpers of {@link MapHelpers}. */
        public Builder helpers(HelperRegistry helpers) {
            this.helpers = Objects.requireNonNull(helpers, "helpers");
            return this;
        }

        /** Where {@code LIBBPF_PIN_BY_NAME} maps are pinned and shared; default {@link PinRegistry#DEFAULT}. */
        public Builder pins(PinRegistry pins) {
            this.pins = Objects.requireNonNull(pins, "pins");
            return this;
        }

        /** The number of simulated CPUs per-CPU maps are created for; default one per core. */
        public Builder cpus(int cpus) {
            if (cpus < 1) {
                throw new IllegalArgumentException("cpus must be at least 1: " + cpus);
            }
            this.cpus = cpus;
            return this;
        }

        /**
         * Sets a global variable before load (a skeleton's {@code const volatile} configuration),
         * as {@link ObjectSpec#withGlobal} does.
         */
        public Builder global(String name, byte[] value) {
            globals.put(Objects.requireNonNull(name, "name"), value.clone());
            return this;
        }

        /** {@return the loader} */
        public ObjectLoader build() {
            return new ObjectLoader(this);
        }
    }
}
