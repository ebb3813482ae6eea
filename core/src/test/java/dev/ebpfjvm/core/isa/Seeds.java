package dev.ebpfjvm.core.isa;

import java.util.Random;

/**
 * The seed of a property or fuzz test: {@code -Debpfjvm.seed=N} replays a run, otherwise each run
 * draws a new one. Tests put {@link #describe(long)} in every failure message.
 */
final class Seeds {
    private Seeds() {}

    /** {@return the seed to use for this run} */
    static long seed() {
        String prop = System.getProperty("ebpfjvm.seed");
        return prop != null ? Long.parseLong(prop) : new Random().nextLong();
    }

    /** {@return the text that tells how to replay a failing run} */
    static String describe(long seed) {
        return "seed " + seed + " (replay with -Debpfjvm.seed=" + seed + ")";
    }
}
