package dev.ebpfjvm.core.net;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.skb.Devices;
import dev.ebpfjvm.core.skb.EthTypeTrans;
import dev.ebpfjvm.core.skb.Redirect;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The devices of one runtime, their tcx chains, links and classic filters, and the packet path
 * between them. Holds no static state: each instance is one network namespace world. Control
 * operations are serialised on {@link #lock()} (the kernel's RTNL) and publish new immutable chain
 * snapshots; the packet path reads snapshots without locking, so every frame runs one whole chain.
 *
 * <p>The packet path follows net/core/dev.c (v6.18): a hook with a chain runs {@code tcx_run()}
 * (programs in order, {@code TCX_NEXT} continues, the first other value ends the chain, only PASS,
 * DROP and REDIRECT keep their meaning), then, when the result is NEXT, the clsact qdisc's
 * {@code cls_bpf} direct-action filters by priority and handle. Redirects ({@code bpf_redirect},
 * {@code bpf_redirect_peer}, {@code bpf_clone_redirect}) run synchronously and are cut at
 * {@link #MAX_REDIRECT_DEPTH} nested redirects, counted in {@link Counters.Device#loopDrops()}.
 * A program that faults is counted ({@link Counters.Hook#faults()}) and its frame dropped.
 */
public final class Network {
    /** Nested redirects a frame may take before it is dropped (the kernel's {@code XMIT_RECURSION_LIMIT}). */
    public static final int MAX_REDIRECT_DEPTH = 8;
    /** The name of the namespace devices are created in by default. */
    public static final String DEFAULT_NAMESPACE = "default";

    static final int NET_XMIT_DROP = 1;
    static final int TC_ACT_UNSPEC = -1;
    static final int TC_ACT_OK = 0;
    static final int TC_ACT_SHOT = 2;
    static final int TC_ACT_STOLEN = 4;
    static final int TC_ACT_QUEUED = 5;
    static final int TC_ACT_REDIRECT = 7;
    static final int TC_ACT_TRAP = 8;
    private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};

    private final Object lock = new Object();
    private final IntSupplier programIds;
    private final Environment environment;
    private final ChainCompiler compiler;
    private final Map<Integer, NetDevice> byIndex = new ConcurrentHashMap<>();
    private final Map<String, NetDevice> byName = new ConcurrentHashMap<>();
    private final Map<Integer, NetProgram> programs = new HashMap<>();
    private final Map<Integer, TcxLink> links = new HashMap<>();
    private final LinkPins pins = new LinkPins(this);
    private final NetDevice loopback;
    private int nextIfindex = 1;
    private int nextLinkId = 1;
    /** The simulated CPU of each thread that runs the packet path (a softirq runs on its CPU). */
    private final ThreadLocal<int[]> threadCpu = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * A network with only loopback ({@code lo}, ifindex 1).
     *
     * @param programIds allocates the id of every program {@link #program registered} here
     * @param environment what program runs see (clocks, random, trace, CPUs)
     */
    public Network(IntSupplier programIds, Environment environment) {
        this(programIds, environment, ChainCompiler.LOOP);
    }

    /**
     * A network with only loopback whose chains run through dispatchers of a compiler.
     *
     * @param programIds allocates the id of every program {@link #program registered} here
     * @param environment what program runs see (clocks, random, trace, CPUs)
     * @param compiler compiles each chain snapshot ({@link ChainCompiler#LOOP}: a plain loop)
     */
    public Network(IntSupplier programIds, Environment environment, ChainCompiler compiler) {
        this.programIds = Objects.requireNonNull(programIds, "programIds");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.loopback = add("lo", NetDevice.Kind.LOOPBACK, DEFAULT_NAMESPACE);
    }

    /** A network with only loopback, the default environment and program ids from 1 up. */
    public Network() {
        this(new java.util.concurrent.atomic.AtomicInteger()::incrementAndGet, Environment.defaults());
    }

    /**
     * Binds the calling thread's packet path to a simulated CPU: every program it runs from now on
     * sees that CPU ({@code bpf_get_smp_processor_id()}, the per-CPU slot of per-CPU maps), as the
     * frames a NIC queue steers to one CPU do. Threads start on CPU 0.
     *
     * @throws IllegalArgumentException when the CPU is outside the environment's {@code [0, cpus)}
     */
    public void bindCurrentThreadToCpu(int cpu) {
        if (cpu < 0 || cpu >= environment.cpus()) {
            throw new IllegalArgumentException("cpu " + cpu + " not in [0, " + environment.cpus() + ")");
        }
        threadCpu.get()[0] = cpu;
    }

    /** {@return the lock of every control operation} */
    public Object lock() {
        return lock;
    }

    /** {@return the pin namespace of links} */
    public LinkPins pins() {
        return pins;
    }

    // ---------------------------------------------------------------- programs

    /**
     * Registers a loaded program under a new id from the allocator.
     *
     * @return the program identity chains hold
     */
    public NetProgram program(String name, Executable executable) {
        synchronized (lock) {
            NetProgram p = new NetProgram(programIds.getAsInt(), name, executable);
            if (programs.putIfAbsent(p.id(), p) != null) {
                throw new IllegalStateException("program id " + p.id() + " allocated twice");
            }
            return p;
        }
    }

    /** {@return the registered program of an id, or null} */
    public NetProgram programById(int id) {
        synchronized (lock) {
            return programs.get(id);
        }
    }

    /** {@return the live link of an id, or null} */
    public TcxLink linkById(int id) {
        synchronized (lock) {
            return links.get(id);
        }
    }

    // ---------------------------------------------------------------- devices

    /** {@return loopback} */
    public NetDevice loopback() {
        return loopback;
    }

    /**
     * Creates a veth pair in the default namespace: what one end transmits the other receives.
     *
     * @return both ends, {@code a} first
     * @throws NetException EEXIST when a name is taken
     */
    public List<NetDevice> addVeth(String a, String b) {
        return addVeth(a, DEFAULT_NAMESPACE, b, DEFAULT_NAMESPACE);
    }

    /**
     * Creates a veth pair whose ends may live in different namespaces (as {@code bpf_redirect_peer} needs).
     *
     * @return both ends, {@code a} first
     * @throws NetException EEXIST when a name is taken
     */
    public List<NetDevice> addVeth(String a, String namespaceA, String b, String namespaceB) {
        synchronized (lock) {
            if (a.equals(b)) {
                throw new NetException(Errno.EEXIST, "veth ends need two names: " + a);
            }
            checkFree(a);
            checkFree(b);
            NetDevice da = add(a, NetDevice.Kind.VETH, namespaceA);
            NetDevice db = add(b, NetDevice.Kind.VETH, namespaceB);
            da.setPeer(db);
            db.setPeer(da);
            return List.of(da, db);
        }
    }

    /**
     * Creates a device without a wire (transmitted frames are counted and vanish).
     *
     * @throws NetException EEXIST when the name is taken
     */
    public NetDevice addDummy(String name) {
        synchronized (lock) {
            checkFree(name);
            return add(name, NetDevice.Kind.DUMMY, DEFAULT_NAMESPACE);
        }
    }

    private void checkFree(String name) {
        if (byName.containsKey(Objects.requireNonNull(name, "name"))) {
            throw new NetException(Errno.EEXIST, "a device named '" + name + "' exists");
        }
    }

    private NetDevice add(String name, NetDevice.Kind kind, String namespace) {
        NetDevice d = new NetDevice(this, name, nextIfindex++, kind, Objects.requireNonNull(namespace, "namespace"));
        byIndex.put(d.ifindex(), d);
        byName.put(name, d);
        return d;
    }

    /** {@return the device of a name, or null} */
    public NetDevice device(String name) {
        return byName.get(name);
    }

    /** {@return the device of an ifindex, or null} */
    public NetDevice device(int ifindex) {
        return byIndex.get(ifindex);
    }

    /** {@return every device, by ifindex} */
    public List<NetDevice> devices() {
        List<NetDevice> l = new ArrayList<>(byIndex.values());
        l.sort(Comparator.comparingInt(NetDevice::ifindex));
        return l;
    }

    /**
     * {@return true while a program is attached somewhere: in a tcx chain or a classic filter of a
     * device}, as the kernel's references from those places keep a {@code struct bpf_prog} alive
     */
    public boolean holds(NetProgram program) {
        synchronized (lock) {
            for (NetDevice d : byIndex.values()) {
                for (Hook hook : Hook.values()) {
                    TcxChain chain = d.chain(hook);
                    if (chain != null && chain.entries().stream().anyMatch(e -> e.program() == program)) {
                        return true;
                    }
                    if (d.filters(hook).stream().anyMatch(f -> f.program() == program)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Removes a device (and its veth peer) as {@code ip link del} does: its chains go
     * ({@code tcx_uninstall()}), programs attached without a link are released, links stay alive
     * but detached, the clsact qdisc and its filters go.
     *
     * @throws NetException ENODEV when the device is not (any more) in this network; EINVAL for loopback
     */
    public void remove(NetDevice device) {
        synchronized (lock) {
            if (device.network() != this || device.isRemoved()) {
                throw new NetException(Errno.ENODEV, "no device " + device);
            }
            if (device.kind() == NetDevice.Kind.LOOPBACK) {
                throw new NetException(Errno.EINVAL, "loopback cannot be removed");
            }
            uninstall(device);
            NetDevice peer = device.peer();
            if (peer != null && !peer.isRemoved()) {
                uninstall(peer);
            }
        }
    }

    private void uninstall(NetDevice d) {
        for (Hook h : Hook.values()) {
            NetDevice.HookState st = d.hook(h);
            TcxChain c = st.chain;
            st.chain = null;
            st.filters = new ClassicFilter[0];
            if (c != null) {
                for (TcxChain.Entry e : c.raw()) {
                    if (e.link() != null) {
                        e.link().setDevice(null);
                    }
                }
            }
        }
        d.setClsactLocked(false);
        byIndex.remove(d.ifindex());
        byName.remove(d.name());
        d.markRemoved();
    }

    private NetDevice deviceOrFail(int ifindex) {
        NetDevice d = byIndex.get(ifindex);
        if (d == null) {
            throw new NetException(Errno.ENODEV, "no device of ifindex " + ifindex);
        }
        return d;
    }

    // ---------------------------------------------------------------- typed tcx API

    /**
     * Attaches a program through a new link ({@code BPF_LINK_CREATE}, cilium/ebpf's {@code link.AttachTCX}).
     *
     * @return the caller's handle; closing it (with no pin left) detaches the link
     * @throws NetException as the kernel: ENODEV, ESTALE, EEXIST, ENOENT (relative not in the chain or
     *     no such id), EBUSY, ERANGE (positions disagree, chain full), EINVAL
     */
    public Link attachTcx(TcxOptions o) {
        NetProgram prog = Objects.requireNonNull(o.program(), "program");
        Anchor a = anchor(o);
        return new Link(
                linkCreate(o.device().ifindex(), prog, o.hook(), a.flags(), () -> relative(a), o.expectedRevision()));
    }

    /**
     * Attaches a program without a link ({@code BPF_PROG_ATTACH}, cilium/ebpf's {@code link.RawAttachProgram});
     * it stays attached until detached or its device goes. {@link Anchor#replace} swaps a program in place.
     *
     * @throws NetException as {@link #attachTcx}, and EINVAL for a flag outside the mprog set
     */
    public void attachProgram(TcxOptions o) {
        NetProgram prog = Objects.requireNonNull(o.program(), "program");
        Anchor a = anchor(o);
        int flags = a.flags();
        NetProgram replace = (flags & Anchor.F_REPLACE) != 0 ? a.program() : null;
        Anchor rel = replace != null ? new Anchor(flags & ~Anchor.F_REPLACE, null, a.link(), a.id()) : a;
        progAttach(
                o.device().ifindex(), prog, o.hook(), flags, () -> replace, () -> relative(rel), o.expectedRevision());
    }

    /**
     * Detaches a program attached without a link ({@code BPF_PROG_DETACH}); with a null program the
     * anchor picks the entry ({@link Anchor#head()}: the first, {@link Anchor#tail()} or
     * {@link Anchor#none()}: the last).
     *
     * @throws NetException ENOENT, EBUSY (the entry belongs to a link), ESTALE, ERANGE, EINVAL, ENODEV
     */
    public void detachProgram(TcxOptions o) {
        Anchor a = o.anchor() != null ? o.anchor() : Anchor.none();
        progDetach(o.device().ifindex(), o.program(), o.hook(), a.flags(), () -> relative(a), o.expectedRevision());
    }

    /**
     * Queries a hook's chain ({@code BPF_PROG_QUERY}).
     *
     * @throws NetException ENODEV when the device is gone
     */
    public TcxQuery query(NetDevice device, Hook hook) {
        return query(device.ifindex(), hook);
    }

    /** {@return a new handle on the link pinned at a path} */
    public Link loadPinnedLink(String path) {
        return pins.get(path);
    }

    private static Anchor anchor(TcxOptions o) {
        return o.anchor() != null ? o.anchor() : Anchor.none();
    }

    /** Resolves a typed anchor's relative object as {@code bpf_mprog_tuple_relative()} does. */
    private Mprog.Tuple relative(Anchor a) {
        boolean id = (a.flags() & Anchor.F_ID) != 0;
        if ((a.flags() & Anchor.F_LINK) != 0) {
            TcxLink l = id ? links.get(a.id()) : a.link();
            if (l == null) {
                throw new NetException(
                        id ? Errno.ENOENT : Errno.EINVAL, id ? "no link of id " + a.id() : "LINK without a link");
            }
            return new Mprog.Tuple(l.program(), l);
        }
        if (id) {
            NetProgram p = programs.get(a.id());
            if (p == null) {
                throw new NetException(Errno.ENOENT, "no program of id " + a.id());
            }
            return new Mprog.Tuple(p, null);
        }
        if (a.link() != null) {
            throw new NetException(Errno.EINVAL, "a link where a program is expected (no LINK flag)");
        }
        return a.program() == null ? Mprog.Tuple.NONE : new Mprog.Tuple(a.program(), null);
    }

    // ---------------------------------------------------------------- operations shared with BpfCalls

    /** {@code tcx_prog_attach()}: ENODEV, the replaced program, then {@code bpf_mprog_attach()}. */
    void progAttach(
            int ifindex,
            NetProgram prog,
            Hook hook,
            int flags,
            Supplier<NetProgram> replace,
            Mprog.Relative relative,
            long expectedRevision) {
        synchronized (lock) {
            if ((flags & ~Mprog.ATTACH_MASK) != 0) {
                throw new NetException(
                        Errno.EINVAL, "attach flags 0x" + Integer.toHexString(flags) + " outside the mprog set");
            }
            NetDevice d = deviceOrFail(ifindex);
            NetProgram old = (flags & Mprog.F_REPLACE) != 0 ? replace.get() : null;
            NetDevice.HookState st = d.hook(hook);
            TcxChain c = st.chain != null ? st.chain : TcxChain.fresh();
            TcxChain.Entry[] e = Mprog.attach(c, prog, null, old, flags, relative, expectedRevision);
            st.chain = c.with(e);
        }
    }

    /** {@code tcx_link_attach()}. */
    TcxLink linkCreate(
            int ifindex, NetProgram prog, Hook hook, int flags, Mprog.Relative relative, long expectedRevision) {
        synchronized (lock) {
            NetDevice d = deviceOrFail(ifindex);
            TcxLink l = new TcxLink(this, nextLinkId++, hook, d, prog);
            NetDevice.HookState st = d.hook(hook);
            TcxChain c = st.chain != null ? st.chain : TcxChain.fresh();
            TcxChain.Entry[] e = Mprog.attach(c, prog, l, null, flags, relative, expectedRevision);
            st.chain = c.with(e);
            links.put(l.id(), l);
            return l;
        }
    }

    /** {@code tcx_prog_detach()}. */
    void progDetach(
            int ifindex, NetProgram prog, Hook hook, int flags, Mprog.Relative relative, long expectedRevision) {
        synchronized (lock) {
            if ((flags & ~Mprog.ATTACH_MASK) != 0) {
                throw new NetException(
                        Errno.EINVAL, "detach flags 0x" + Integer.toHexString(flags) + " outside the mprog set");
            }
            NetDevice d = deviceOrFail(ifindex);
            NetDevice.HookState st = d.hook(hook);
            TcxChain c = st.chain;
            if (c == null) {
                throw new NetException(Errno.ENOENT, d + " has no " + hook + " chain");
            }
            publishAfterDetach(st, c, Mprog.detach(c, prog, null, flags, relative, expectedRevision));
        }
    }

    private static void publishAfterDetach(NetDevice.HookState st, TcxChain c, TcxChain.Entry[] e) {
        TcxChain n = c.with(e);
        st.chain = n.active() ? n : null;
    }

    TcxQuery query(int ifindex, Hook hook) {
        synchronized (lock) {
            NetDevice d = deviceOrFail(ifindex);
            TcxChain c = d.hook(hook).chain;
            if (c == null) {
                return new TcxQuery(1, List.of());
            }
            List<TcxQuery.Attached> l = new ArrayList<>();
            for (TcxChain.Entry e : c.raw()) {
                l.add(new TcxQuery.Attached(
                        e.program().id(), e.link() == null ? 0 : e.link().id()));
            }
            return new TcxQuery(c.revision(), l);
        }
    }

    /** {@code tcx_link_update()}. */
    void linkUpdate(TcxLink link, NetProgram nprog, NetProgram oprog) {
        Objects.requireNonNull(nprog, "program");
        synchronized (lock) {
            NetDevice d = link.device();
            if (d == null) {
                throw new NetException(Errno.ENOLINK, link + " is detached");
            }
            if (oprog != null && link.program() != oprog) {
                throw new NetException(Errno.EPERM, link + " runs " + link.program() + ", not " + oprog);
            }
            NetProgram cur = link.program();
            if (cur == nprog) {
                return;
            }
            NetDevice.HookState st = d.hook(link.hook());
            TcxChain c = st.chain;
            if (c == null) {
                throw new NetException(Errno.ENOENT, d + " has no " + link.hook() + " chain");
            }
            TcxChain.Entry[] e = Mprog.attach(
                    c, nprog, link, cur, Mprog.F_REPLACE | Mprog.F_ID, () -> new Mprog.Tuple(cur, null), 0);
            st.chain = c.with(e);
            link.setProgram(nprog);
        }
    }

    /** {@code tcx_link_release()}, also {@code BPF_LINK_DETACH}: a detached link stays detached. */
    void linkDetach(TcxLink link) {
        synchronized (lock) {
            NetDevice d = link.device();
            if (d == null) {
                return;
            }
            NetDevice.HookState st = d.hook(link.hook());
            TcxChain c = st.chain;
            if (c != null) {
                publishAfterDetach(st, c, Mprog.detach(c, link.program(), link, 0, () -> Mprog.Tuple.NONE, 0));
            }
            link.setDevice(null);
        }
    }

    /** Drops a reference on a link; the last one detaches and frees it. */
    void linkPut(TcxLink link) {
        synchronized (lock) {
            if (link.release()) {
                linkDetach(link);
                links.remove(link.id());
            }
        }
    }

    // ---------------------------------------------------------------- clsact and classic filters

    /**
     * Adds a clsact qdisc ({@code tc qdisc replace dev D clsact}: nothing happens when there is one).
     * It keeps both hooks' chains alive while they are empty.
     */
    public void addClsact(NetDevice d) {
        synchronized (lock) {
            checkLive(d);
            if (d.clsactLocked()) {
                return;
            }
            d.setClsactLocked(true);
            for (Hook h : Hook.values()) {
                NetDevice.HookState st = d.hook(h);
                st.chain = (st.chain != null ? st.chain : TcxChain.fresh()).withClsact(true);
            }
        }
    }

    /**
     * Deletes the clsact qdisc and its filters ({@code tc qdisc del dev D clsact}).
     *
     * @throws NetException EINVAL when the device has none ("Invalid handle", as tc reports it)
     */
    public void deleteClsact(NetDevice d) {
        synchronized (lock) {
            checkLive(d);
            if (!d.clsactLocked()) {
                throw new NetException(Errno.EINVAL, "Invalid handle: " + d + " has no clsact qdisc");
            }
            d.setClsactLocked(false);
            for (Hook h : Hook.values()) {
                NetDevice.HookState st = d.hook(h);
                st.filters = new ClassicFilter[0];
                TcxChain n = st.chain.withClsact(false);
                st.chain = n.active() ? n : null;
            }
        }
    }

    /**
     * Adds a {@code cls_bpf} direct-action filter ({@code tc filter add ... prio P handle H bpf da}).
     *
     * @throws NetException EEXIST when a filter has that priority and handle ("Filter already
     *     exists"); EINVAL without a clsact qdisc; ERANGE for a priority outside 1..65535
     */
    public void addFilter(NetDevice d, Hook hook, ClassicFilter filter) {
        putFilter(d, hook, filter, false);
    }

    /** Adds a filter, or overwrites the one at the same priority and handle ({@code tc filter replace}). */
    public void replaceFilter(NetDevice d, Hook hook, ClassicFilter filter) {
        putFilter(d, hook, filter, true);
    }

    /**
     * Deletes the filter at a priority and handle.
     *
     * @throws NetException ENOENT when there is none
     */
    public void deleteFilter(NetDevice d, Hook hook, int priority, int handle) {
        synchronized (lock) {
            checkLive(d);
            NetDevice.HookState st = d.hook(hook);
            List<ClassicFilter> l = new ArrayList<>(List.of(st.filters));
            if (!l.removeIf(f -> f.priority() == priority && f.handle() == handle)) {
                throw new NetException(Errno.ENOENT, "no filter prio " + priority + " handle " + handle + " on " + d);
            }
            st.filters = l.toArray(new ClassicFilter[0]);
        }
    }

    private void putFilter(NetDevice d, Hook hook, ClassicFilter filter, boolean replace) {
        synchronized (lock) {
            checkLive(d);
            if (!d.clsactLocked()) {
                throw new NetException(Errno.EINVAL, d + " has no clsact qdisc");
            }
            if (filter.priority() < 1 || filter.priority() > 0xffff) {
                throw new NetException(Errno.ERANGE, "filter priority " + filter.priority() + " outside 1..65535");
            }
            NetDevice.HookState st = d.hook(hook);
            List<ClassicFilter> l = new ArrayList<>(List.of(st.filters));
            for (int i = 0; i < l.size(); i++) {
                ClassicFilter f = l.get(i);
                if (f.priority() == filter.priority() && f.handle() == filter.handle()) {
                    if (!replace) {
                        throw new NetException(
                                Errno.EEXIST,
                                "Filter already exists (prio " + f.priority() + " handle " + f.handle() + " on " + d
                                        + ")");
                    }
                    l.set(i, filter);
                    st.filters = l.toArray(new ClassicFilter[0]);
                    return;
                }
            }
            l.add(filter);
            l.sort(Comparator.comparingInt(ClassicFilter::priority).thenComparingInt(ClassicFilter::handle));
            st.filters = l.toArray(new ClassicFilter[0]);
        }
    }

    private void checkLive(NetDevice d) {
        if (d.network() != this || d.isRemoved()) {
            throw new NetException(Errno.ENODEV, "no device " + d);
        }
    }

    // ---------------------------------------------------------------- packet path

    /** The host of {@code dev} sends a frame; returns 0, {@link #NET_XMIT_DROP} or a negative errno. */
    int hostTransmit(NetDevice dev, byte[] frame) {
        Skb skb = Skb.of(frame);
        skb.setMacHeader(skb.data());
        skb.setNetworkHeader(skb.data() + EthTypeTrans.ETH_HLEN);
        skb.meta().setProtocol(((frame[12] & 0xff) << 8) | (frame[13] & 0xff));
        return transmit(dev, skb, 0);
    }

    void wireReceive(NetDevice dev, byte[] frame) {
        receive(dev, Skb.of(frame), 0);
    }

    /** {@code __dev_queue_xmit()}: the egress hook, then the device's wire. */
    int transmit(NetDevice dev, Skb skb, int depth) {
        if (dev.isRemoved() || !dev.isUp()) {
            dev.counters().txDropped.increment();
            return (int) Errno.ENETDOWN.negative();
        }
        skb.meta().setIfindex(dev.ifindex());
        int v = runHook(dev, Hook.EGRESS, skb, depth);
        switch (v) {
            case TC_ACT_REDIRECT:
                redirect(dev, skb, depth, false);
                return 0;
            case TC_ACT_SHOT:
                dev.counters().txDropped.increment();
                return NET_XMIT_DROP;
            case TC_ACT_STOLEN:
            case TC_ACT_QUEUED:
            case TC_ACT_TRAP:
                return 0;
            default:
                break;
        }
        dev.counters().txPackets.increment();
        dev.counters().txBytes.add(skb.len());
        dev.tapTransmit(skb);
        switch (dev.kind()) {
            case LOOPBACK:
                receive(dev, skb, depth);
                break;
            case VETH:
                NetDevice p = dev.peer();
                if (p != null) {
                    receive(p, skb, depth);
                }
                break;
            default:
                break;
        }
        return 0;
    }

    /** {@code __netif_receive_skb_core()} up to the host: the ingress hook, then delivery. */
    void receive(NetDevice dev, Skb skb, int depth) {
        if (dev.isRemoved() || !dev.isUp() || skb.len() > dev.mtu() + EthTypeTrans.ETH_HLEN) {
            dev.counters().rxDropped.increment();
            return;
        }
        dev.counters().rxPackets.increment();
        dev.counters().rxBytes.add(skb.len());
        skb.meta().setRedirect(null);
        EthTypeTrans.apply(skb, dev.ifindex(), dev.mac(), BROADCAST);
        skb.meta().setIngressIfindex(dev.ifindex());
        int v = runHook(dev, Hook.INGRESS, skb, depth);
        switch (v) {
            case TC_ACT_REDIRECT:
                redirect(dev, skb, depth, true);
                return;
            case TC_ACT_SHOT:
                dev.counters().rxDropped.increment();
                return;
            case TC_ACT_STOLEN:
            case TC_ACT_QUEUED:
            case TC_ACT_TRAP:
                return;
            default:
                dev.deliverToHost(skb.bytes());
        }
    }

    /** {@code skb_do_redirect()}: acts on the target the program recorded. */
    private void redirect(NetDevice from, Skb skb, int depth, boolean atIngress) {
        Redirect ri = skb.meta().redirect();
        skb.meta().setRedirect(null);
        if (depth + 1 >= MAX_REDIRECT_DEPTH) {
            from.counters().loopDrops.increment();
            return;
        }
        NetDevice to = ri == null ? null : byIndex.get(ri.ifindex());
        if (to == null) {
            from.counters().redirectDrops.increment();
            return;
        }
        if (ri.peer()) {
            NetDevice p = to.peer();
            if (!atIngress || p == null || !p.isUp() || p.namespace().equals(from.namespace())) {
                from.counters().redirectDrops.increment();
                return;
            }
            receive(p, skb, depth + 1);
            return;
        }
        if (!skb.isMacHeaderSet() || skb.macHeader() >= skb.networkHeader() || skb.len() == 0) {
            from.counters().redirectDrops.increment();
            return;
        }
        if (ri.ingress()) {
            receive(to, skb, depth + 1);
        } else {
            transmit(to, skb, depth + 1);
        }
    }

    /** {@code tcx_run()} and then {@code tc_run()}: the verdict of a hook, {@link #TC_ACT_UNSPEC} without a chain. */
    private int runHook(NetDevice dev, Hook hook, Skb skb, int depth) {
        NetDevice.HookState st = dev.hook(hook);
        TcxChain chain = st.chain;
        if (chain == null) {
            return TC_ACT_UNSPEC;
        }
        Counters.Hook hc = st.counters;
        hc.packets.increment();
        ProgramContext ctx = new ProgramContext(new Memory(), environment);
        ctx.setCpu(threadCpu.get()[0]);
        Devices view = new SkbDevices(depth);
        int code;
        try {
            int ret = TC_ACT_UNSPEC;
            if (chain.size() > 0) {
                ret = chain.dispatcher(compiler).run(ctx, new ChainRun(chain.programArray(), skb, view, hc));
            }
            code = ret == TC_ACT_OK || ret == TC_ACT_SHOT || ret == TC_ACT_REDIRECT ? ret : TC_ACT_UNSPEC;
            if (code == TC_ACT_UNSPEC) {
                for (ClassicFilter f : st.filters) {
                    int r = clsBpfOpcode(run(f.program(), ctx, skb, view, hc));
                    if (r != TC_ACT_UNSPEC) {
                        code = r;
                        break;
                    }
                }
            }
        } catch (ProgramFaultException fault) {
            hc.faults.increment();
            code = TC_ACT_SHOT;
        }
        switch (code) {
            case TC_ACT_REDIRECT:
                hc.redirect.increment();
                break;
            case TC_ACT_SHOT:
                hc.drop.increment();
                break;
            case TC_ACT_STOLEN:
            case TC_ACT_QUEUED:
            case TC_ACT_TRAP:
                hc.consumed.increment();
                break;
            default:
                hc.pass.increment();
                break;
        }
        if (code != TC_ACT_REDIRECT) {
            skb.meta().setRedirect(null);
        }
        return code;
    }

    private static int run(NetProgram p, ProgramContext ctx, Skb skb, Devices view, Counters.Hook hc) {
        SkBuffContext.install(ctx, skb, view);
        int code = (int) p.executable().run(ctx);
        hc.programCounters(p.id()).record(code);
        return code;
    }

    /** {@code cls_bpf_exec_opcode()}: the codes a direct-action filter may return; others are UNSPEC. */
    private static int clsBpfOpcode(int code) {
        switch (code) {
            case TC_ACT_OK:
            case TC_ACT_SHOT:
            case TC_ACT_STOLEN:
            case TC_ACT_TRAP:
            case TC_ACT_REDIRECT:
            case TC_ACT_UNSPEC:
                return code;
            default:
                return TC_ACT_UNSPEC;
        }
    }

    /** {@return the devices as the helpers of a run see them ({@code bpf_clone_redirect})} */
    public Devices skbDevices() {
        return new SkbDevices(0);
    }

    /** The {@link Devices} seam over this network, at a redirect depth. */
    private final class SkbDevices implements Devices {
        private final int depth;

        SkbDevices(int depth) {
            this.depth = depth;
        }

        @Override
        public boolean exists(int ifindex) {
            return byIndex.containsKey(ifindex);
        }

        @Override
        public int deliver(Skb clone, int ifindex, boolean ingress) {
            NetDevice d = byIndex.get(ifindex);
            if (d == null) {
                return (int) Errno.ENODEV.negative();
            }
            if (depth + 1 >= MAX_REDIRECT_DEPTH) {
                d.counters().loopDrops.increment();
                return (int) Errno.ENETDOWN.negative();
            }
            if (ingress) {
                if (!d.isUp()) {
                    d.counters().rxDropped.increment();
                    return 1;
                }
                receive(d, clone, depth + 1);
                return 0;
            }
            return transmit(d, clone, depth + 1);
        }
    }
}
