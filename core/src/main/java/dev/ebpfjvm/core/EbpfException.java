package dev.ebpfjvm.core;

/**
 * The root of every error ebpf-jvm raises on purpose. Subclasses name the stage that failed:
 * {@link MalformedObjectException} (bytes that do not parse), {@link InvalidProgramException}
 * (instructions that do not decode or assemble), {@link ProgramFaultException} (a run that went
 * wrong) and {@link UnsupportedFeatureException} (valid input we do not handle yet).
 */
public class EbpfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EbpfException(String message) {
        super(message);
    }

    public EbpfException(String message, Throwable cause) {
        super(message, cause);
    }
}
