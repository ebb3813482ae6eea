package dev.ebpfjvm.core.load;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.elf.ProgramType;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperFunction;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.facts.MemoryFacts;
import dev.ebpfjvm.core.helpers.MapHelpers;
import dev.ebpfjvm.core.helpers.TcHelpers;
import dev.ebpfjvm.core.maps.MapException;
import dev.ebpfjvm.core.maps.PinRegistry;
import dev.ebpfjvm.core.memory.RegionTable;
import dev.ebpfjvm.core.verifier.Verifier;
import dev.ebpfjvm.core.verifier.VerifierInputs;
import dev.ebpfjvm.core.verifier.VerifierOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an {@link ObjectSpec} into a {@link LoadedObject}, as libbpf's bpf_object__load() does:
 * sets the global variables asked for, creates the maps in the loader's region table (sharing
 * {@code LIBBPF_PIN_BY_NAME} maps through its {@link PinRegistry}), resolves every map and
 * global-data reference of the programs to addresses, verifies each program as the kernel's
 * verifier does (unless the builder opts out: {@link Builder#unverified()}), prepares it with the
 * chosen {@link Engine}, the helpers of its program type and what the verifier proved, and fills
 * prog arrays and map-in-maps from the object's {@code values} initialisers. A failure releases
 * everything created so far.
 *
 * <p>A runtime ({@code dev.ebpfjvm.core.runtime.BpfRuntime}) builds one loader per load with its
 * own region table and pins; a loader built without them gets a table and pin namespace of its own,
 * shared by every object it loads and by nothing else. Immutable: configure with {@link #builder()}.
 */
public final class ObjectLoader {
    /** What a loaded program is charged per instruction slot: its decoded or generated code. */
    static final long PROGRAM_BYTES_PER_SLOT = 64;

    private final Engine engine;
    private final HelperRegistry helpers;
    private final HelperRegistry extraHelpers;
    private final PinRegistry pins;
    private final RegionTable regions;
    private final int cpus;
    private final Map<String, byte[]> globals;
    private final boolean verify;

    private ObjectLoader(Builder b) {
        this.engine = b.engine != null ? b.engine : Engines.preferred();
        this.helpers = b.helpers;
        this.extraHelpers = b.extraHelpers.build();
        this.regions = b.regions != null ? b.regions : b.pins != null ? b.pins.regions() : new RegionTable();
        this.pins = b.pins != null ? b.pins : new PinRegistry(regions);
        if (pins.regions() != regions) {
            throw new IllegalArgumentException("the pin namespace belongs to another region table: maps shared "
                    + "through it would be out of the programs' reach");
        }
        this.cpus = b.cpus;
        this.globals = new LinkedHashMap<>(b.globals);
        this.verify = b.verify;
    }

    /** {@return a loader with the preferred engine, the helpers of each program's type and a region table of its own} */
    public static ObjectLoader defaults() {
        return builder().build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the region table the loader creates maps and programs in} */
    public RegionTable regions() {
        return regions;
    }

    /** {@return the engine that prepares the programs} */
    public Engine engine() {
        return engine;
    }

    /**
     * Loads an object.
     *
     * @return the maps and programs, which the caller closes
     * @throws UnsupportedFeatureException for a map type ebpf-jvm does not implement (programs of
     *     sections it does not run are skipped, not loaded)
     * @throws dev.ebpfjvm.core.maps.MapException when a map cannot be created or a pinned map
     *     does not match, or with ENOMEM when the region table's memory limit would be exceeded
     * @throws dev.ebpfjvm.core.verifier.VerifierException naming the program, the instruction and the
     *     reason, with the kernel-style log, when the verifier rejects a program
     * @throws InvalidProgramException naming the program when the engine rejects one
     * @throws IllegalArgumentException when a global variable to set does not exist or is too long
     */
    public LoadedObject load(ObjectSpec spec) {
        ObjectSpec s = spec;
        for (Map.Entry<String, byte[]> g : globals.entrySet()) {
            s = s.withGlobal(g.getKey(), g.getValue());
        }
        LoadedMaps maps = LoadedMaps.create(s, pins, cpus, regions);
        Map<String, Executable> programs = new LinkedHashMap<>();
        long charged = 0;
        try {
            for (ProgramSpec p : s.programs()) {
                if (!p.supported()) {
                    continue; // skipped: LoadedObject.program() names the reason
                }
                MemoryFacts facts = verify
                        ? Verifier.verify(VerifierInputs.of(s, p.name(), VerifierOptions.DEFAULT))
                                .memoryFacts()
                        : null;
                long cost = p.insns().slotCount() * PROGRAM_BYTES_PER_SLOT;
                chargeProgram(p, cost);
                charged += cost;
                programs.put(p.name(), prepare(p, Relocator.relocate(p, maps, helpersFor(p.type()), regions), facts));
            }
            maps.fillSlots(s, programs);
            return new LoadedObject(s, maps, programs, regions, charged);
        } catch (RuntimeException e) {
            programs.values().forEach(Executable::close);
            maps.close();
            regions.uncharge(charged);
            throw e;
        }
    }

    private void chargeProgram(ProgramSpec p, long cost) {
        if (!regions.charge(cost)) {
            throw new MapException(
                    p.name(),
                    "load program",
                    Errno.ENOMEM,
                    "needs " + cost
                            + " bytes; the runtime's limit of " + regions.limit() + " bytes has "
                            + (regions.limit() - regions.charged()) + " left");
        }
    }

    private Executable prepare(ProgramSpec spec, Program program, MemoryFacts facts) {
        try {
            return facts != null ? engine.load(program, facts) : engine.load(program);
        } catch (InvalidProgramException e) {
            throw e.inProgram(spec.name());
        } catch (EbpfException e) {
            throw new EbpfException("program '" + spec.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * {@return the helpers a program of a type may call}: those given to the builder, else the tc
     * set for {@code tc}/{@code tcx} programs and the map helpers for the rest; the builder's
     * {@linkplain Builder#helper added helpers} on top.
     */
    HelperRegistry helpersFor(ProgramType type) {
        HelperRegistry base = helpers != null ? helpers : defaultHelpers(type);
        if (extraHelpers.all().isEmpty()) {
            return base;
        }
        HelperRegistry.Builder b = base.toBuilder();
        for (HelperFunction f : extraHelpers.all()) {
            b.add(f.id(), f.name(), f.impl());
        }
        return b.build();
    }

    /** {@return the helper set of a program type, as the kernel's {@code get_func_proto} of that type offers} */
    public static HelperRegistry defaultHelpers(ProgramType type) {
        return type == ProgramType.SCHED_CLS || type == ProgramType.SCHED_ACT
                ? TcHelpers.registry()
                : MapHelpers.register(HelperRegistry.builder()).build();
    }

    /** Options of an {@link ObjectLoader}. */
    public static final class Builder {
        private Engine engine;
        private HelperRegistry helpers;
        private final HelperRegistry.Builder extraHelpers = HelperRegistry.builder();
        private PinRegistry pins;
        private RegionTable regions;
        private int cpus = Runtime.getRuntime().availableProcessors();
        private final Map<String, byte[]> globals = new LinkedHashMap<>();
        private boolean verify = true;

        private Builder() {}

        /**
         * Loads the programs without verifying them: for programs the kernel would refuse but a
         * host runs anyway (fuzzing, hand-written tests). Every access is still checked at run time
         * and reaches only the object's own regions; nothing proves that the programs terminate,
         * so run them with an instruction budget ({@link dev.ebpfjvm.core.exec.ProgramContext#setBudget}).
         */
        public Builder unverified() {
            this.verify = false;
            return this;
        }

        /** The engine that prepares the programs; default {@link Engines#preferred()}. */
        public Builder engine(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** The engine of a name ({@link Engines#byName}). */
        public Builder engine(String name) {
            return engine(Engines.byName(name));
        }

        /** Replaces the helper set of every program type with this one. */
        public Builder helpers(HelperRegistry helpers) {
            this.helpers = Objects.requireNonNull(helpers, "helpers");
            return this;
        }

        /** Adds a helper, or replaces the one of the same id, for every program. */
        public Builder helper(HelperFunction helper) {
            extraHelpers.add(helper.id(), helper.name(), helper.impl());
            return this;
        }

        /**
         * Where {@code LIBBPF_PIN_BY_NAME} maps are pinned and shared; default a namespace of this
         * loader's own. Its region table is the loader's unless {@link #regions} names the same one.
         */
        public Builder pins(PinRegistry pins) {
            this.pins = Objects.requireNonNull(pins, "pins");
            return this;
        }

        /** The region table maps and programs live in and are charged to; default a table of this loader's own. */
        public Builder regions(RegionTable regions) {
            this.regions = Objects.requireNonNull(regions, "regions");
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
