package dev.ebpfjvm.cli;

/**
 * Bad input or a failed run, said in one line that names the file, section or program and the
 * reason ({@code nat44.o: not an ELF file}); the tool prints it and exits with {@link Main#FAILED}.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
