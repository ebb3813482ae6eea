package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.InvalidProgramException;
import java.util.List;

/**
 * The verifier rejected a program. Carries the program's name, the slot of the instruction at
 * fault (or -1 for the whole program), the reason in the kernel's words and the kernel-style log;
 * the message names the program, the instruction and the reason ({@link #log()} has the rest).
 */
public final class VerifierException extends InvalidProgramException {
    private static final long serialVersionUID = 1L;
    private final List<String> log;

    /**
     * @param program the program's name
     * @param slot the slot at fault, -1 for the whole program
     * @param reason why, in the kernel's words
     * @param log the log lines, ending with the statistics line
     */
    public VerifierException(String program, int slot, String reason, List<String> log) {
        super(program, slot, reason);
        this.log = List.copyOf(log);
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
