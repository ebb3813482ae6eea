package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.Errno;
import java.util.Objects;

/**
 * A map operation from user space that the kernel would fail with an errno: creating a map from a
 * spec its type rejects, updating a full hash map, deleting from an array. Names the map, the
 * operation and the errno, e.g. {@code map 'counters': update: E2BIG (map is full)}.
 */
public class MapException extends EbpfException {
    private static final long serialVersionUID = 1L;
    private final Errno errno;

    /**
     * @param map the map's name
     * @param operation what was attempted ("create", "update", "pin" …)
     * @param errno the kernel's error
     * @param reason why, in a few words
     */
    public MapException(String map, String operation, Errno errno, String reason) {
        super("map '" + map + "': " + operation + ": " + Objects.requireNonNull(errno, "errno")
                + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"));
        this.errno = errno;
    }

    /** {@return the errno the kernel would set} */
    public Errno errno() {
        return errno;
    }
}
