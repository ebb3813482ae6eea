package dev.ebpfjvm.core;

/**
 * A run that went wrong: a memory access outside every region, a budget exhausted, a helper
 * misused. Raised at the program boundary by both engines, so that no fault ever escapes as a
 * JDK exception or harms the host.
 */
public class ProgramFaultException extends EbpfException {
    private static final long serialVersionUID = 1L;
    private final int pc;

    /**
     * @param pc the instruction slot that faulted, or -1 where it is unknown
     * @param reason what went wrong
     */
    public ProgramFaultException(int pc, String reason) {
        super(pc < 0 ? reason : "insn " + pc + ": " + reason);
        this.pc = pc;
    }

    public ProgramFaultException(int pc, String reason, Throwable cause) {
        super(pc < 0 ? reason : "insn " + pc + ": " + reason, cause);
        this.pc = pc;
    }

    /** {@return the instruction slot that faulted, or -1 where it is unknown} */
    public int pc() {
        return pc;
    }
}
