package dev.ebpfjvm.core.net;

import dev.ebpfjvm.core.Errno;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small bpffs-like namespace of pinned links, one per {@link Network}: a pin holds a reference
 * on its link, so a pinned link stays attached after its last handle closes. Paths are plain
 * strings ({@code BPF_OBJ_PIN} / {@code BPF_OBJ_GET} / {@code unlink}).
 */
public final class LinkPins {
    private final Network network;
    private final Map<String, TcxLink> pins = new LinkedHashMap<>();

    LinkPins(Network network) {
        this.network = network;
    }

    /**
     * Pins a link ({@code BPF_OBJ_PIN}).
     *
     * @throws NetException EEXIST when something is pinned at the path
     */
    void pin(String path, TcxLink link) {
        Objects.requireNonNull(path, "path");
        synchronized (network.lock()) {
            if (pins.containsKey(path)) {
                throw new NetException(Errno.EEXIST, "path '" + path + "' is pinned already");
            }
            link.retain();
            pins.put(path, link);
        }
    }

    /**
     * {@return a new handle on the link pinned at a path ({@code BPF_OBJ_GET})}
     *
     * @throws NetException ENOENT when nothing is pinned there
     */
    public Link get(String path) {
        return new Link(getLink(path));
    }

    TcxLink getLink(String path) {
        synchronized (network.lock()) {
            TcxLink l = pins.get(Objects.requireNonNull(path, "path"));
            if (l == null) {
                throw new NetException(Errno.ENOENT, "nothing pinned at '" + path + "'");
            }
            l.retain();
            return l;
        }
    }

    /**
     * Removes a pin ({@code unlink}), releasing its reference.
     *
     * @throws NetException ENOENT when nothing is pinned there
     */
    public void unpin(String path) {
        TcxLink l;
        synchronized (network.lock()) {
            l = pins.remove(Objects.requireNonNull(path, "path"));
            if (l == null) {
                throw new NetException(Errno.ENOENT, "nothing pinned at '" + path + "'");
            }
        }
        network.linkPut(l);
    }

    /** {@return the pinned paths} */
    public List<String> paths() {
        synchronized (network.lock()) {
            return new ArrayList<>(pins.keySet());
        }
    }
}
