package dev.ebpfjvm.core.net;

import dev.ebpfjvm.core.Errno;

/**
 * A handle on a tcx link, as an fd is in the kernel and cilium/ebpf's {@code link.Link} is in Go.
 * Closing the last handle (with no pin left) detaches the link; a program attached through it is
 * only replaced through {@link #update}, never by program attach or detach.
 */
public final class Link implements AutoCloseable {
    private final TcxLink link;
    private boolean closed;

    Link(TcxLink link) {
        this.link = link;
    }

    TcxLink kernelLink() {
        return link;
    }

    /** {@return the link id} */
    public int id() {
        return link.id();
    }

    /** {@return the link's current program} */
    public NetProgram program() {
        return link.program();
    }

    /** {@return the link's info: program, device (0 once detached), hook} */
    public LinkInfo info() {
        return link.info();
    }

    /**
     * Replaces the link's program in place ({@code BPF_LINK_UPDATE} without {@code BPF_F_REPLACE}).
     *
     * @throws NetException ENOLINK when detached; EEXIST when the program is elsewhere in the chain
     */
    public void update(NetProgram program) {
        link.network().linkUpdate(checkOpen(), program, null);
    }

    /**
     * Replaces the link's program if it still is {@code expected} ({@code BPF_F_REPLACE}).
     *
     * @throws NetException EPERM when the link's program is another one, and the errors of {@link #update(NetProgram)}
     */
    public void update(NetProgram program, NetProgram expected) {
        link.network().linkUpdate(checkOpen(), program, java.util.Objects.requireNonNull(expected, "expected"));
    }

    /** Detaches the link from its device; it stays valid (and detached) until closed ({@code BPF_LINK_DETACH}). */
    public void detach() {
        link.network().linkDetach(checkOpen());
    }

    /**
     * Pins the link at a path of the network's pin namespace; the pin keeps it alive and attached.
     *
     * @throws NetException EEXIST when the path is taken
     */
    public void pin(String path) {
        link.network().pins().pin(path, checkOpen());
    }

    /** Drops this handle; the link is released when no handle, descriptor or pin holds it. Idempotent. */
    @Override
    public void close() {
        synchronized (link.network().lock()) {
            if (closed) {
                return;
            }
            closed = true;
        }
        link.network().linkPut(link);
    }

    private TcxLink checkOpen() {
        synchronized (link.network().lock()) {
            if (closed) {
                throw new NetException(Errno.EBADF, "link handle " + link.id() + " is closed");
            }
        }
        return link;
    }

    @Override
    public String toString() {
        return "Link(" + link.id() + ")";
    }
}
