package dev.ebpfjvm.cli;

/** Wrong arguments: printed with the verb's usage line and exit code 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
