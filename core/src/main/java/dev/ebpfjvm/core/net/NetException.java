package dev.ebpfjvm.core.net;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.Errno;
import java.util.Objects;

/** A network or tcx operation the kernel would fail, with the errno {@code bpf(2)} would set. */
public final class NetException extends EbpfException {
    private static final long serialVersionUID = 1L;
    private final Errno errno;

    /**
     * @param errno the kernel's error
     * @param message what failed and why
     */
    public NetException(Errno errno, String message) {
        super(Objects.requireNonNull(errno, "errno") + ": " + message);
        this.errno = errno;
    }

    /** {@return the errno of the failure} */
    public Errno errno() {
        return errno;
    }
}
