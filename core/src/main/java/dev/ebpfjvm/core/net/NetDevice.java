package dev.ebpfjvm.core.net;

import dev.ebpfjvm.core.Errno;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/**
 * A simulated network device: name, ifindex, MTU, MAC, up/down, counters, an ingress and an egress
 * hook, and a host side. Frames that pass ingress are delivered to the host side
 * ({@link #received()} or a {@link #onReceive receiver}); frames the host sends
 * ({@link #send}) enter egress. A veth device transmits into its peer's ingress; loopback into its
 * own. Created and removed through its {@link Network}.
 */
public final class NetDevice {
    /** The kind of a device. */
    public enum Kind {
        /** Loopback: what it transmits it receives. */
        LOOPBACK,
        /** One end of a veth pair: what it transmits its peer receives. */
        VETH,
        /** A device without a wire: transmitted frames are counted and vanish. */
        DUMMY
    }

    /** The state of one hook: the tcx chain snapshot (null when there is none) and the classic filters. */
    static final class HookState {
        volatile TcxChain chain;
        volatile ClassicFilter[] filters = new ClassicFilter[0];
        final Counters.Hook counters = new Counters.Hook();
    }

    private final Network network;
    private final String name;
    private final int ifindex;
    private final Kind kind;
    private final String namespace;
    private volatile byte[] mac;
    private volatile int mtu = 1500;
    private volatile boolean up = true;
    private volatile boolean removed;
    private volatile NetDevice peer;
    private boolean clsact;
    private final Map<Hook, HookState> hooks = new EnumMap<>(Hook.class);
    private final Counters.Device counters = new Counters.Device();
    private final ConcurrentLinkedQueue<byte[]> received = new ConcurrentLinkedQueue<>();
    private volatile BiConsumer<NetDevice, byte[]> receiver;
    private volatile BiConsumer<NetDevice, byte[]> transmitTap;

    NetDevice(Network network, String name, int ifindex, Kind kind, String namespace) {
        this.network = network;
        this.name = name;
        this.ifindex = ifindex;
        this.kind = kind;
        this.namespace = namespace;
        this.mac = new byte[] {0x02, 0x00, 0x00, 0x00, (byte) (ifindex >> 8), (byte) ifindex};
        if (kind == Kind.LOOPBACK) {
            java.util.Arrays.fill(mac, (byte) 0);
        }
        for (Hook h : Hook.values()) {
            hooks.put(h, new HookState());
        }
    }

    /** {@return the name} */
    public String name() {
        return name;
    }

    /** {@return the ifindex} */
    public int ifindex() {
        return ifindex;
    }

    /** {@return the kind} */
    public Kind kind() {
        return kind;
    }

    /** {@return the network namespace name; {@code bpf_redirect_peer} needs the peer in another one} */
    public String namespace() {
        return namespace;
    }

    /** {@return a copy of the MAC address} */
    public byte[] mac() {
        return mac.clone();
    }

    /**
     * Sets the MAC address ({@code ip link set dev D address A}); it decides which frames are
     * {@code PACKET_HOST} on ingress.
     *
     * @throws NetException EINVAL when the address is not 6 bytes
     */
    public void setMac(byte[] address) {
        if (address == null || address.length != 6) {
            throw new NetException(dev.ebpfjvm.core.Errno.EINVAL, "a MAC address has 6 bytes");
        }
        this.mac = address.clone();
    }

    /** {@return the MTU} */
    public int mtu() {
        return mtu;
    }

    /** Sets the MTU (68 to 65535). */
    public void setMtu(int mtu) {
        if (mtu < 68 || mtu > 65535) {
            throw new NetException(Errno.EINVAL, "MTU " + mtu + " of " + name + " is outside 68..65535");
        }
        this.mtu = mtu;
    }

    /** {@return whether the device is up} */
    public boolean isUp() {
        return up;
    }

    /** Sets the device up or down; a down device neither sends nor receives. */
    public void setUp(boolean up) {
        this.up = up;
    }

    /** {@return whether the device has been removed} */
    public boolean isRemoved() {
        return removed;
    }

    /** {@return the veth peer, or null} */
    public NetDevice peer() {
        return peer;
    }

    /** {@return the device counters} */
    public Counters.Device counters() {
        return counters;
    }

    /** {@return the counters of a hook (verdicts and per-program runs)} */
    public Counters.Hook counters(Hook hook) {
        return hooks.get(hook).counters;
    }

    /** {@return the current tcx chain snapshot of a hook, or null when it has none} */
    public TcxChain chain(Hook hook) {
        return hooks.get(hook).chain;
    }

    /** {@return the classic filters of a hook, in the order they run} */
    public List<ClassicFilter> filters(Hook hook) {
        return List.of(hooks.get(hook).filters);
    }

    /** {@return whether the device has a clsact qdisc} */
    public boolean hasClsact() {
        synchronized (network.lock()) {
            return clsact;
        }
    }

    /**
     * The host sends a frame out of this device: it enters the egress hook, then the wire.
     *
     * @param frame the frame from its Ethernet header (at least 14 bytes)
     * @return null when the frame left, or the errno a packet socket's send would report: ENOBUFS
     *     when egress dropped it, ENETDOWN when the device is down or removed
     */
    public Errno send(byte[] frame) {
        Objects.requireNonNull(frame, "frame");
        if (frame.length < 14) {
            throw new NetException(Errno.EINVAL, "a frame of " + frame.length + " bytes has no Ethernet header");
        }
        int rc = network.hostTransmit(this, frame);
        return rc == 0 ? null : rc == Network.NET_XMIT_DROP ? Errno.ENOBUFS : Errno.of(rc);
    }

    /**
     * Injects a frame as if it arrived on the wire: it enters the ingress hook.
     *
     * @param frame the frame from its Ethernet header (at least 14 bytes)
     */
    public void inject(byte[] frame) {
        Objects.requireNonNull(frame, "frame");
        if (frame.length < 14) {
            throw new NetException(Errno.EINVAL, "a frame of " + frame.length + " bytes has no Ethernet header");
        }
        network.wireReceive(this, frame);
    }

    /** {@return and removes the frames delivered to the host side so far (when no receiver is set)} */
    public List<byte[]> received() {
        List<byte[]> l = new ArrayList<>();
        byte[] f;
        while ((f = received.poll()) != null) {
            l.add(f);
        }
        return l;
    }

    /** Sets where frames delivered to the host go instead of {@link #received()}; null restores the queue. */
    public void onReceive(BiConsumer<NetDevice, byte[]> receiver) {
        this.receiver = receiver;
    }

    /**
     * Sets a tap that sees a copy of every frame this device puts on its wire (after the egress
     * hook, as {@code tcpdump -i D} sees outgoing frames); null removes it.
     */
    public void onTransmit(BiConsumer<NetDevice, byte[]> tap) {
        this.transmitTap = tap;
    }

    void tapTransmit(dev.ebpfjvm.core.skb.Skb skb) {
        BiConsumer<NetDevice, byte[]> t = transmitTap;
        if (t != null) {
            t.accept(this, skb.bytes());
        }
    }

    void deliverToHost(byte[] frame) {
        BiConsumer<NetDevice, byte[]> r = receiver;
        if (r != null) {
            r.accept(this, frame);
        } else {
            received.add(frame);
        }
    }

    HookState hook(Hook h) {
        return hooks.get(h);
    }

    Network network() {
        return network;
    }

    void setPeer(NetDevice p) {
        peer = p;
    }

    void markRemoved() {
        removed = true;
        up = false;
    }

    boolean clsactLocked() {
        return clsact;
    }

    void setClsactLocked(boolean on) {
        clsact = on;
    }

    @Override
    public String toString() {
        return name + "(" + ifindex + ")";
    }
}
