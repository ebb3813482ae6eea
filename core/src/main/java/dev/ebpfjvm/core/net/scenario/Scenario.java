package dev.ebpfjvm.core.net.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario: programs (each a load of the scenario object with its own return code) and steps.
 *
 * @param name the scenario's name
 * @param description what it shows
 * @param progs program name to its configuration, in load order (slot 1, 2, ...)
 * @param steps the steps in order
 */
public record Scenario(String name, String description, Map<String, Prog> progs, List<Step> steps) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        progs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(progs));
        steps = List.copyOf(steps);
    }

    /**
     * A scenario program.
     *
     * @param ret the return code ({@code NEXT} -1, {@code PASS} 0, {@code DROP} 2, {@code REDIRECT} 7, or any)
     * @param target the device a REDIRECT program redirects to (egress), or null (ifindex 0)
     */
    public record Prog(int ret, String target) {}

    /** {@return the numeric code of a name (NEXT, PASS, DROP, REDIRECT) or a decimal number} */
    public static int code(String nameOrNumber) {
        switch (nameOrNumber) {
            case "NEXT":
                return -1;
            case "PASS":
                return 0;
            case "DROP":
                return 2;
            case "REDIRECT":
                return 7;
            default:
                try {
                    return Integer.parseInt(nameOrNumber);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown return code '" + nameOrNumber + "'");
                }
        }
    }
}
