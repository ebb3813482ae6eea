package dev.ebpfjvm.core.conformance;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The outcome of one conformance test on one engine.
 *
 * @param name the test's name (its file name)
 * @param status pass, fail or error
 * @param expected the r0 the test expects, when it expects one
 * @param actual the r0 the program returned, when it returned
 * @param message what went wrong; empty on a pass
 */
public record ConformanceResult(
        String name, Status status, OptionalLong expected, OptionalLong actual, String message) {

    /** The outcomes the suite's runner reports. */
    public enum Status {
        /** The program returned the expected r0, or failed with the expected error. */
        PASS,
        /** The program ran but returned another r0, or did not fail as expected. */
        FAIL,
        /**
         * The program did not assemble, load or run to its exit, or the file is not a runnable test
         * (no result or error, an unknown section, no instructions).
         */
        ERROR
    }

    public ConformanceResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(message, "message");
    }

    /** {@return true for a pass} */
    public boolean passed() {
        return status == Status.PASS;
    }

    /**
     * {@return one line for a report: {@code FAIL add.data: expected r0 0x3, got 0x4}, or the error}
     */
    public String describe() {
        StringBuilder out = new StringBuilder(status + " " + name);
        if (status == Status.FAIL && expected.isPresent() && actual.isPresent()) {
            out.append(": expected r0 ")
                    .append(hex(expected.getAsLong()))
                    .append(", got ")
                    .append(hex(actual.getAsLong()));
        } else if (!message.isEmpty()) {
            out.append(": ").append(message);
            expected.ifPresent(e -> out.append(" (expected r0 ").append(hex(e)).append(')'));
        }
        return out.toString();
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
