package dev.ebpfjvm.core.net;

/**
 * The kernel side of a tcx link ({@code struct tcx_link}): owns one chain entry while attached.
 * Its references are the handles ({@link Link}), descriptors ({@link BpfCalls}) and pins that
 * hold it; the last one released detaches it ({@code tcx_link_release()}). After
 * {@code LINK_DETACH} or the removal of its device it stays alive, detached ({@link #device()} null).
 * Mutated only under the network's lock.
 */
public final class TcxLink {
    private final Network network;
    private final int id;
    private final Hook hook;
    private volatile NetDevice device;
    private volatile NetProgram program;
    private int refs;

    TcxLink(Network network, int id, Hook hook, NetDevice device, NetProgram program) {
        this.network = network;
        this.id = id;
        this.hook = hook;
        this.device = device;
        this.program = program;
        this.refs = 1;
    }

    /** {@return the link id} */
    public int id() {
        return id;
    }

    /** {@return the hook it was created for ({@code location})} */
    public Hook hook() {
        return hook;
    }

    /** {@return the device it is attached to, or null once detached} */
    public NetDevice device() {
        return device;
    }

    /** {@return its program} */
    public NetProgram program() {
        return program;
    }

    /** {@return what {@code BPF_OBJ_GET_INFO_BY_FD} reports} */
    public LinkInfo info() {
        NetDevice d = device;
        return new LinkInfo(id, program.id(), d == null ? 0 : d.ifindex(), hook);
    }

    Network network() {
        return network;
    }

    void setDevice(NetDevice d) {
        device = d;
    }

    void setProgram(NetProgram p) {
        program = p;
    }

    void retain() {
        refs++;
    }

    /** {@return true when this was the last reference} */
    boolean release() {
        return --refs == 0;
    }

    @Override
    public String toString() {
        return "tcx link " + id;
    }
}
