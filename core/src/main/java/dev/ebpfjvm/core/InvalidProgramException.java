package dev.ebpfjvm.core;

/**
 * Instructions that cannot form a program: an unknown opcode, a reserved field set, a truncated
 * {@code lddw}, a jump out of range, or assembler text that does not parse. Names the instruction
 * (slot index, or source line for the assembler) and the reason.
 */
public class InvalidProgramException extends EbpfException {
    private static final long serialVersionUID = 1L;
    private final int index;

    /**
     * @param index the instruction slot (or source line) at fault, or -1 for the whole program
     * @param reason what is wrong, in the words of the kernel's verifier where one exists
     */
    public InvalidProgramException(int index, String reason) {
        super(index < 0 ? reason : "insn " + index + ": " + reason);
        this.index = index;
    }

    /** {@return the instruction slot or source line at fault, -1 for the whole program} */
    public int index() {
        return index;
    }
}
