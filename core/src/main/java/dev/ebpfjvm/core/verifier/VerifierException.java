package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.InvalidProgramException;
import java.util.List;

/**
 * The verifier rejected a program. Carries the program's name, the slot of the instruction at
 * fault (or -1 for the whole program), the reason in the kernel's words and the kernel-style log;
 * the message gives the reason and, as cilium/ebpf's VerifierError does, the last log line with
 * the number of lines left out.
 */
public final class VerifierException extends InvalidProgramException {
    private static final long serialVersionUID = 1L;
    private final String program;
    private final List<String> log;

    /**
     * @param program the program's name
     * @param slot the slot at fault, -1 for the whole program
     * @param reason why, in the kernel's words
     * @param log the log lines, ending with the statistics line
     */
    public VerifierException(String program, int slot, String reason, List<String> log) {
        super(slot, "program '" + program + "': " + reason + summary(log));
        this.program = program;
        this.log = List.copyOf(log);
    }

    private static String summary(List<String> log) {
        if (log.isEmpty()) {
            return "";
        }
        return " (log: " + log.get(log.size() - 1) + (log.size() > 1 ? ", " + (log.size() - 1) + " line(s) omitted" : "")
                + ")";
    }

    /** {@return the rejected program's name} */
    public String program() {
        return program;
    }

    /** {@return the full log, one line an element} */
    public List<String> log() {
        return log;
    }

    /** {@return the full log as text} */
    public String logText() {
        return String.join("\n", log) + "\n";
    }
}
