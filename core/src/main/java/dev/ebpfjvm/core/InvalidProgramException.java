package dev.ebpfjvm.core;

/**
 * Instructions that cannot form a program: an unknown opcode, a reserved field set, a truncated
 * {@code lddw}, a jump out of range, or assembler text that does not parse. Names the instruction
 * (slot index, or source line for the assembler) and the reason.
 */
public class InvalidProgramException extends EbpfException {
    private static final long serialVersionUID = 1L;
    private final int index;
    private final String reason;
    private final String program;

    /**
     * @param index the instruction slot (or source line) at fault, or -1 for the whole program
     * @param reason what is wrong, in the words of the kernel's verifier where one exists
     */
    public InvalidProgramException(int index, String reason) {
        this(index < 0 ? reason : "insn " + index + ": " + reason, index, reason, null);
    }

    /**
     * An error in a named program, for the stages that know the program (the verifier).
     *
     * @param program the program's name
     * @param index the instruction slot at fault, or -1 for the whole program
     * @param reason what is wrong
     */
    protected InvalidProgramException(String program, int index, String reason) {
        this(
                "program '" + program + "': " + (index < 0 ? reason : "insn " + index + ": " + reason),
                index,
                reason,
                program);
    }

    private InvalidProgramException(String message, int index, String reason, String program) {
        super(message);
        this.index = index;
        this.reason = reason;
        this.program = program;
    }

    /**
     * {@return this error naming the program it is in} (this one when it already names a program)
     */
    public InvalidProgramException inProgram(String name) {
        return program != null
                ? this
                : new InvalidProgramException("program '" + name + "': " + getMessage(), index, reason, name);
    }

    /** {@return the program at fault, or null when the error does not name one} */
    public String program() {
        return program;
    }

    /**
     * An error in assembler text, named by its source line rather than a slot.
     *
     * @param line the 1-based source line at fault
     * @param reason what is wrong with it
     * @return the exception, whose message reads "line N: reason"
     */
    public static InvalidProgramException atLine(int line, String reason) {
        return new InvalidProgramException("line " + line + ": " + reason, line, reason, null);
    }

    /** {@return the instruction slot or source line at fault, -1 for the whole program} */
    public int index() {
        return index;
    }

    /** {@return what is wrong, without the slot or line prefix of the message} */
    public String reason() {
        return reason;
    }
}
