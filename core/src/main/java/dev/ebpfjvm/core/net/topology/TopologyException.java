package dev.ebpfjvm.core.net.topology;

import dev.ebpfjvm.core.EbpfException;

/** A topology that refers to what it does not declare, or that cannot be built as described. */
public final class TopologyException extends EbpfException {
    private static final long serialVersionUID = 1L;

    /** A topology error with its reason, naming the part at fault. */
    public TopologyException(String message) {
        super(message);
    }

    /** A topology error caused by what building it raised. */
    public TopologyException(String message, Throwable cause) {
        super(message, cause);
    }
}
