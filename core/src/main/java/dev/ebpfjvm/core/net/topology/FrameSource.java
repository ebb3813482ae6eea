package dev.ebpfjvm.core.net.topology;

import java.util.List;

/** Where the frames of a {@link Topology.Traffic} come from. */
public final class FrameSource {
    /** The source name of the built-in generator ({@link TrafficGenerator}). */
    public static final String GENERATE = "generate";

    private FrameSource() {}

    /**
     * Turns a traffic source into frames (each from its Ethernet header). A capture reader plugs in
     * here; {@link #builtin()} knows only {@link #GENERATE}.
     */
    @FunctionalInterface
    public interface Resolver {
        /**
         * {@return the frames of a source, in order; they are cycled when a run asks for more}
         *
         * @throws TopologyException when the source is unknown or cannot be read
         */
        List<byte[]> frames(Topology.Traffic traffic);
    }

    /** {@return a resolver of {@link #GENERATE} only: {@code frames} frames (default 64) from {@code seed}} */
    public static Resolver builtin() {
        return t -> {
            if (!GENERATE.equals(t.source())) {
                throw new TopologyException("traffic into " + t.device() + ": unknown source '" + t.source()
                        + "' (this runner knows '" + GENERATE + "')");
            }
            return new TrafficGenerator(t.seed()).frames(t.frames() == 0 ? 64 : t.frames());
        };
    }

    /** {@return a resolver that tries {@code first} for every source other than {@link #GENERATE}} */
    public static Resolver withFallback(Resolver first) {
        Resolver gen = builtin();
        return t -> GENERATE.equals(t.source()) ? gen.frames(t) : first.frames(t);
    }
}
