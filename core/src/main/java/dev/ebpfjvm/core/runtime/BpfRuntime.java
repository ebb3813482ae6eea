package dev.ebpfjvm.core.runtime;

import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.load.LoadedObject;
import dev.ebpfjvm.core.load.ObjectLoader;
import dev.ebpfjvm.core.maps.PinRegistry;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.memory.RegionTable;
import dev.ebpfjvm.core.net.ChainCompiler;
import dev.ebpfjvm.core.net.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the kernel is to BPF programs, for everything loaded into it: program and map ids, the pin
 * namespace (bpffs), the region table that gives addresses meaning, the memory budget of maps and
 * programs, and the network: devices with their tcx chains, links and classic filters. Nothing is shared between runtimes: two runtimes in one JVM are independent, so a
 * host can give each tenant its own, and tests can run side by side.
 *
 * <pre>{@code
 * try (BpfRuntime runtime = BpfRuntime.create();
 *      BpfObject obj = runtime.load(Path.of("nat44.o"))) {
 *     TestRunResult r = obj.program("nat44").testRun(TestRun.of(frame));
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class BpfRuntime implements AutoCloseable {
    private final RegionTable regions;
    private final PinRegistry pins;
    private final Environment environment;
    private final long budget;
    private final AtomicInteger nextProgramId = new AtomicInteger(1);
    private final List<BpfObject> objects = new CopyOnWriteArrayList<>();
    private final List<BpfObject> closing = new CopyOnWriteArrayList<>();
    private final Network network;

    private BpfRuntime(Builder b) {
        this.regions = new RegionTable(b.memoryLimit);
        this.pins = new PinRegistry(regions);
        this.environment = b.environment;
        this.network = new Network(nextProgramId::getAndIncrement, environment, ChainCompiler.preferred());
        this.budget = b.budget;
    }

    /** {@return a runtime with the default memory limit and {@link Environment#defaults()}} */
    public static BpfRuntime create() {
        return builder().build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads an ELF object and loads it with the default options. @throws IOException when the file cannot be read */
    public BpfObject load(Path elf) throws IOException {
        return load(ObjectReader.read(elf));
    }

    /** Loads an object with the default options: the JIT when present, the helpers of each program's type. */
    public BpfObject load(ObjectSpec spec) {
        return load(spec, LoadOptions.defaults());
    }

    /**
     * Loads an object into this runtime.
     *
     * @throws dev.ebpfjvm.core.EbpfException when a map or program cannot be created (the subclass
     *     and message say which and why); nothing stays allocated then
     */
    public BpfObject load(ObjectSpec spec, LoadOptions options) {
        sweep();
        ObjectLoader.Builder b =
                ObjectLoader.builder().regions(regions).pins(pins).cpus(environment.cpus());
        options.applyTo(b);
        LoadedObject loaded = b.build().load(spec);
        BpfObject obj = new BpfObject(this, loaded);
        objects.add(obj);
        return obj;
    }

    /**
     * {@return the network: devices (loopback to start with, veth pairs on request), their tcx
     * chains, links and classic filters} Programs attach through {@link BpfProgram#netProgram()}.
     */
    public Network network() {
        return network;
    }

    /** {@return the pin namespace, this runtime's bpffs} */
    public PinRegistry pins() {
        return pins;
    }

    /** {@return the clocks, random source, trace sink and CPU count programs run with} */
    public Environment environment() {
        return environment;
    }

    /**
     * {@return the bytes maps and programs of this runtime hold now} Objects closed while a program
     * of theirs was attached are released here, and by loads, once it is detached.
     */
    public long memoryCharged() {
        sweep();
        return regions.charged();
    }

    /** {@return the most bytes maps and programs of this runtime may hold} */
    public long memoryLimit() {
        return regions.limit();
    }

    /** {@return the instruction budget of each run ({@link ProgramContext#setBudget}), {@link ProgramContext#UNLIMITED} by default} */
    public long budget() {
        return budget;
    }

    /** {@return a fresh context for running programs of this runtime by hand, one per thread, with the runtime's budget} */
    public ProgramContext newContext() {
        ProgramContext ctx = new ProgramContext(new Memory(), environment);
        ctx.setBudget(budget);
        return ctx;
    }

    /**
     * Releases an object the user closed, or keeps it until none of its programs is attached any
     * more: a chain or filter holds its program as the kernel's attachment holds a reference, so
     * traffic keeps flowing through it with its maps.
     */
    void release(BpfObject obj) {
        objects.remove(obj);
        closing.add(obj);
        sweep();
    }

    /** Releases the closed objects whose programs are no longer attached. */
    private void sweep() {
        for (BpfObject obj : List.copyOf(closing)) {
            if (obj.programs().values().stream().noneMatch(p -> network.holds(p.netProgram()))) {
                closing.remove(obj);
                obj.releaseNow();
            }
        }
    }

    /**
     * Closes every object, attached or not (the runtime's devices go with it); pinned maps live on in
     * {@link #pins()} until unpinned.
     */
    @Override
    public void close() {
        for (BpfObject obj : List.copyOf(objects)) {
            obj.close();
        }
        for (BpfObject obj : List.copyOf(closing)) {
            closing.remove(obj);
            obj.releaseNow();
        }
    }

    /** Options of a {@link BpfRuntime}. */
    public static final class Builder {
        private long memoryLimit = RegionTable.DEFAULT_LIMIT;
        private Environment environment = Environment.defaults();
        private long budget = ProgramContext.UNLIMITED;

        private Builder() {}

        /**
         * The instruction budget of every run of the runtime's contexts ({@link ProgramContext#setBudget}),
         * so that an unverified program cannot hang the host; default {@link ProgramContext#UNLIMITED}.
         */
        public Builder budget(long budget) {
            if (budget < 0) {
                throw new IllegalArgumentException("negative budget: " + budget);
            }
            this.budget = budget;
            return this;
        }

        /** The most bytes maps and programs may hold, as a memcg limit; default {@link RegionTable#DEFAULT_LIMIT}. */
        public Builder memoryLimit(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("negative memory limit: " + bytes);
            }
            this.memoryLimit = bytes;
            return this;
        }

        /** The clocks, random source, trace sink and CPU count; default {@link Environment#defaults()}. */
        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** {@return the runtime} */
        public BpfRuntime build() {
            return new BpfRuntime(this);
        }
    }
}
