package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.Errno;
import java.util.Objects;

/**
 * A {@link PinRegistry} operation the kernel's bpffs would refuse: pinning to a taken path
 * (EEXIST), opening or unpinning a path with nothing pinned (ENOENT), a malformed path or an object
 * of the wrong kind (EINVAL). Names the path and the errno.
 */
public class PinException extends EbpfException {
    private static final long serialVersionUID = 1L;
    private final Errno errno;
    private final String path;

    /**
     * @param path the path at fault
     * @param operation what was attempted ("pin", "get", "unpin")
     * @param errno the kernel's error
     * @param reason why, in a few words, or null
     */
    public PinException(String path, String operation, Errno errno, String reason) {
        super("pin path '" + path + "': " + operation + ": " + Objects.requireNonNull(errno, "errno")
                + (reason == null ? "" : " (" + reason + ")"));
        this.errno = errno;
        this.path = path;
    }

    /** {@return the errno the kernel would set} */
    public Errno errno() {
        return errno;
    }

    /** {@return the path at fault} */
    public String path() {
        return path;
    }
}
