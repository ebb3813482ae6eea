package dev.ebpfjvm.core.verifier;

/**
 * How to verify: the log level ({@code log_level} of BPF_PROG_LOAD: 0 none, 1 the path to an
 * error, 2 every instruction with its register states) and whether the loader is privileged
 * (CAP_BPF + CAP_PERFMON + CAP_NET_ADMIN: bounded loops, pointer comparisons and subtraction,
 * uninitialised stack reads allowed). Only the privileged mode is implemented.
 *
 * @param logLevel 0, 1 or 2
 * @param privileged true for the privileged loader's rules
 */
public record VerifierOptions(int logLevel, boolean privileged) {
    /** Privileged, no log beyond the error and statistics. */
    public static final VerifierOptions DEFAULT = new VerifierOptions(0, true);

    public VerifierOptions {
        if (logLevel < 0 || logLevel > 2) {
            throw new IllegalArgumentException("log level must be 0, 1 or 2, got " + logLevel);
        }
        if (!privileged) {
            throw new UnsupportedOperationException("only the privileged verifier is implemented");
        }
    }

    /** {@return privileged options at a log level} */
    public static VerifierOptions logLevel(int level) {
        return new VerifierOptions(level, true);
    }
}
