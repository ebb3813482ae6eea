package dev.ebpfjvm.bench.workload;

import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.maps.BpfMap;
import java.util.Map;
import java.util.Objects;

/**
 * A workload prepared on one engine: one {@link Executable}, the {@link ProgramContext} every run
 * reuses, the bytes the program reads (its buffer or its packet), and the maps it uses. A benchmark
 * state holds exactly one instance, so its call site sees one program class only (DESIGN.md,
 * "Calling programs: no megamorphic hot path").
 */
public final class Instance implements AutoCloseable {
    private final Executable executable;
    private final ProgramContext context;
    private final byte[] buffer;
    private final Map<String, BpfMap> maps;
    private final AutoCloseable resources;

    /**
     * @param context the context of every run, its entry registers set
     * @param buffer the bytes the program reads: the buffer r1 points at, or the skb's packet
     * @param maps the program's maps by name
     * @param resources what {@link #close()} releases: the executable and the maps
     */
    Instance(
            Executable executable,
            ProgramContext context,
            byte[] buffer,
            Map<String, BpfMap> maps,
            AutoCloseable resources) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.context = Objects.requireNonNull(context, "context");
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        this.maps = Map.copyOf(maps);
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    /** {@return the prepared program} */
    public Executable executable() {
        return executable;
    }

    /** {@return the context every run uses} */
    public ProgramContext context() {
        return context;
    }

    /** {@return the bytes the program reads, which it may change in place} */
    public byte[] buffer() {
        return buffer;
    }

    /** {@return the program's maps by name} */
    public Map<String, BpfMap> maps() {
        return maps;
    }

    /** Runs the program once. {@return r0} */
    public long run() {
        return executable.run(context);
    }

    /** Releases the executable and the maps. */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + executable.program().name(), e);
        }
    }
}
