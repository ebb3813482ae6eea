package dev.ebpfjvm.core.net.topology;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.net.Anchor;
import dev.ebpfjvm.core.net.ClassicFilter;
import dev.ebpfjvm.core.net.Counters;
import dev.ebpfjvm.core.net.Hook;
import dev.ebpfjvm.core.net.Link;
import dev.ebpfjvm.core.net.NetDevice;
import dev.ebpfjvm.core.net.Network;
import dev.ebpfjvm.core.net.TcxOptions;
import dev.ebpfjvm.core.runtime.BpfObject;
import dev.ebpfjvm.core.runtime.BpfProgram;
import dev.ebpfjvm.core.runtime.BpfRuntime;
import dev.ebpfjvm.core.runtime.LoadOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Builds a {@link Topology} in a fresh {@link BpfRuntime} and pushes its traffic through it.
 *
 * <p>The runtime has one simulated CPU per worker thread, and each worker binds its packet path to
 * its CPU ({@link Network#bindCurrentThreadToCpu}), so per-CPU maps fill as on an N-CPU host whose
 * NIC steers each flow of packets to one queue. Workers take packet numbers in order from one
 * counter (a few at a time, never across a change); packet {@code i} is frame
 * {@code (i / S) mod len} of source {@code i mod S} (S sources, interleaved, each cycled). A {@link Topology.Change} at packet N is applied by the worker that
 * takes N once packets {@code 0..N-1} have all finished, while the workers that took later packets
 * wait: so packet N is exactly the first to meet the new chain. The chains themselves are
 * immutable snapshots, so a change never tears a packet's run.
 *
 * <p>The runner keeps the runtime open after {@link #run} for views of the result
 * ({@link NetViews}); {@link #close} releases it.
 */
public final class TopologyRunner implements AutoCloseable {
    /**
     * How to run.
     *
     * @param engine the engine every program is loaded with
     * @param threads worker threads, one simulated CPU each (1 to 256)
     * @param packets the packets to push; 0 pushes each source's frames once (the longest source decides)
     * @param capture whether to keep every frame each device transmits and each host side receives
     */
    public record Options(Engine engine, int threads, long packets, boolean capture) {
        public Options {
            Objects.requireNonNull(engine, "engine");
            if (threads < 1 || threads > 256) {
                throw new TopologyException("threads " + threads + " not in 1..256");
            }
            if (packets < 0) {
                throw new TopologyException("packets " + packets + " < 0");
            }
        }
    }

    /** Packets a worker claims at once: fewer contended atomics, still a fair share per worker. */
    private static final int CLAIM = 32;

    private final Topology topology;
    private final Options options;
    private final BpfRuntime runtime;
    private final Map<String, BpfObject> objects = new LinkedHashMap<>();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Map<String, Topology.Attachment> attachments = new LinkedHashMap<>();
    private final List<NetDevice> sourceDevices = new ArrayList<>();
    private final List<Topology.Entry> sourceEntries = new ArrayList<>();
    private final List<byte[][]> sourceFrames = new ArrayList<>();
    private final Map<String, LongAdder> delivered = new LinkedHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<byte[]>> transmittedFrames = new LinkedHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<byte[]>> deliveredFrames = new LinkedHashMap<>();
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final Object gate = new Object();
    private volatile int applied;
    private volatile boolean failed;
    private boolean ran;

    private TopologyRunner(Topology topology, Options options) {
        this.topology = topology;
        this.options = options;
        this.runtime = BpfRuntime.builder()
                .environment(new Environment(
                        System::nanoTime,
                        System::nanoTime,
                        new Random(Environment.DEFAULT_SEED),
                        System.err::println,
                        options.threads()))
                .build();
    }

    /**
     * Builds a topology: loads its objects (globals set, maps filled), creates its devices, adds its
     * filters and attachments in order, and resolves its traffic.
     *
     * @throws TopologyException naming the part that failed (the cause says why); nothing stays allocated
     */
    public static TopologyRunner build(Topology topology, Options options, FrameSource.Resolver frames) {
        TopologyRunner r = new TopologyRunner(Objects.requireNonNull(topology, "topology"), options);
        try {
            r.loadObjects();
            r.createDevices();
            r.addFilters();
            r.attach();
            r.resolveTraffic(Objects.requireNonNull(frames, "frames"));
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private void loadObjects() {
        for (Topology.ObjectDef o : topology.objects()) {
            String where = "object '" + o.name() + "' (" + o.file() + ")";
            LoadOptions lo = LoadOptions.defaults().engine(options.engine());
            for (Map.Entry<String, byte[]> g : o.globals().entrySet()) {
                lo = lo.global(g.getKey(), g.getValue());
            }
            BpfObject obj;
            try {
                obj = runtime.load(ObjectReader.read(o.file()), lo);
            } catch (IOException e) {
                throw new TopologyException(where + ": " + e.getMessage(), e);
            } catch (EbpfException e) {
                throw new TopologyException(where + ": " + e.getMessage(), e);
            }
            objects.put(o.name(), obj);
            for (Topology.MapEntry m : o.maps()) {
                BpfMap map = obj.maps().get(m.map());
                if (map == null) {
                    throw new TopologyException(where + ": no map named '" + m.map() + "' (maps: "
                            + String.join(", ", obj.maps().keySet()) + ")");
                }
                try {
                    map.update(m.key(), m.value());
                } catch (EbpfException e) {
                    throw new TopologyException(where + ": map '" + m.map() + "': " + e.getMessage(), e);
                }
            }
        }
    }

    private void createDevices() {
        Network net = runtime.network();
        for (Topology.Device d : topology.devices()) {
            if (net.device(d.name()) != null) {
                continue;
            }
            try {
                if (d.peer() != null) {
                    net.addVeth(d.name(), d.peer());
                } else if (topology.devices().stream().noneMatch(o -> d.name().equals(o.peer()))) {
                    net.addDummy(d.name());
                }
            } catch (EbpfException e) {
                throw new TopologyException("device '" + d.name() + "': " + e.getMessage(), e);
            }
        }
        for (Topology.Device d : topology.devices()) {
            NetDevice dev = net.device(d.name());
            if (d.mac() != null) {
                dev.setMac(d.mac());
            }
            if (d.mtu() != 0) {
                dev.setMtu(d.mtu());
            }
        }
        for (NetDevice dev : net.devices()) {
            LongAdder n = new LongAdder();
            delivered.put(dev.name(), n);
            ConcurrentLinkedQueue<byte[]> rx = new ConcurrentLinkedQueue<>();
            deliveredFrames.put(dev.name(), rx);
            dev.onReceive(
                    options.capture()
                            ? (x, f) -> {
                                n.increment();
                                rx.add(f);
                            }
                            : (x, f) -> n.increment());
            if (options.capture()) {
                ConcurrentLinkedQueue<byte[]> tx = new ConcurrentLinkedQueue<>();
                transmittedFrames.put(dev.name(), tx);
                dev.onTransmit((x, f) -> tx.add(f));
            }
        }
    }

    private void addFilters() {
        Network net = runtime.network();
        for (Topology.Filter f : topology.filters()) {
            String where = "filter on " + f.device() + " " + hookName(f.hook()) + " prio " + f.priority();
            try {
                NetDevice dev = device(f.device());
                net.addClsact(dev);
                net.addFilter(
                        dev,
                        f.hook(),
                        new ClassicFilter(
                                f.priority(),
                                f.handle(),
                                program(f.program(), where).netProgram()));
            } catch (TopologyException e) {
                throw e;
            } catch (EbpfException e) {
                throw new TopologyException(where + ": " + e.getMessage(), e);
            }
        }
    }

    private void attach() {
        Network net = runtime.network();
        for (Topology.Attachment a : topology.attachments()) {
            String where = "attachment '" + a.name() + "'";
            try {
                TcxOptions o = TcxOptions.of(
                                device(a.device()),
                                a.hook(),
                                program(a.program(), where).netProgram())
                        .at(anchor(a));
                if (a.mode() == Topology.Mode.LINK) {
                    links.put(a.name(), net.attachTcx(o));
                } else {
                    net.attachProgram(o);
                }
                attachments.put(a.name(), a);
            } catch (TopologyException e) {
                throw e;
            } catch (EbpfException e) {
                throw new TopologyException(where + ": " + e.getMessage(), e);
            }
        }
    }

    private Anchor anchor(Topology.Attachment a) {
        switch (a.position()) {
            case APPEND:
                return Anchor.none();
            case HEAD:
                return Anchor.head();
            case TAIL:
                return Anchor.tail();
            default:
                break;
        }
        boolean before = a.position() == Topology.Position.BEFORE;
        Link l = links.get(a.relative());
        if (l != null) {
            return before ? Anchor.before(l) : Anchor.after(l);
        }
        Topology.Attachment r = attachments.get(a.relative());
        var p = program(r.program(), "attachment '" + a.name() + "'").netProgram();
        return before ? Anchor.before(p) : Anchor.after(p);
    }

    private void resolveTraffic(FrameSource.Resolver frames) {
        for (Topology.Traffic t : topology.traffic()) {
            List<byte[]> l = frames.frames(t);
            if (l.isEmpty()) {
                throw new TopologyException("traffic into " + t.device() + " from '" + t.source() + "': no frames");
            }
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i).length < 14) {
                    throw new TopologyException("traffic into " + t.device() + " from '" + t.source() + "': frame " + i
                            + " has " + l.get(i).length + " bytes, less than an Ethernet header");
                }
            }
            sourceDevices.add(device(t.device()));
            sourceEntries.add(t.entry());
            sourceFrames.add(l.toArray(new byte[0][]));
        }
    }

    private NetDevice device(String name) {
        NetDevice d = runtime.network().device(name);
        if (d == null) {
            throw new TopologyException("no device named '" + name + "'");
        }
        return d;
    }

    private BpfProgram program(Topology.ProgramRef ref, String where) {
        BpfObject o = objects.get(ref.object());
        BpfProgram p = o == null ? null : o.programs().get(ref.program());
        if (p == null) {
            throw new TopologyException(where + ": object '" + ref.object() + "' has no program '" + ref.program() + "'"
                    + (o == null
                            ? ""
                            : " (programs: " + String.join(", ", o.programs().keySet()) + ")"));
        }
        return p;
    }

    static String hookName(Hook h) {
        return h == Hook.INGRESS ? "ingress" : "egress";
    }

    // ---------------------------------------------------------------- running

    /** {@return the packets to push: the option, or each source's frames once} */
    public long total() {
        if (options.packets() > 0) {
            return options.packets();
        }
        int longest = 0;
        for (byte[][] f : sourceFrames) {
            longest = Math.max(longest, f.length);
        }
        return (long) longest * sourceFrames.size();
    }

    /** {@return the packets that have finished so far (readable from any thread, for progress)} */
    public long packetsDone() {
        return done.get();
    }

    /**
     * Pushes the traffic on the worker threads and waits for them.
     *
     * @throws TopologyException when a packet could not be pushed (a bug or a device that refused it)
     * @throws IllegalStateException when called twice
     */
    public RunReport run() {
        synchronized (this) {
            if (ran) {
                throw new IllegalStateException("a topology runner runs once");
            }
            ran = true;
        }
        long total = sourceFrames.isEmpty() ? 0 : total();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int cpu = 0; cpu < options.threads(); cpu++) {
            int c = cpu;
            Thread t = new Thread(() -> work(c, total, failure), "topology-cpu-" + cpu);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(Long.MAX_VALUE / 2);
                throw new TopologyException("interrupted while running", e);
            }
        }
        long nanos = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new TopologyException("packet run failed: " + failure.get().getMessage(), failure.get());
        }
        return report(done.get(), nanos);
    }

    private void work(int cpu, long total, AtomicReference<Throwable> failure) {
        runtime.network().bindCurrentThreadToCpu(cpu);
        int sources = sourceFrames.size();
        try {
            long[] span = new long[2];
            while (claim(total, span)) {
                gate(span[0]);
                for (long i = span[0]; i < span[1]; i++) {
                    int s = (int) (i % sources);
                    byte[][] frames = sourceFrames.get(s);
                    byte[] f = frames[(int) ((i / sources) % frames.length)];
                    if (sourceEntries.get(s) == Topology.Entry.WIRE) {
                        sourceDevices.get(s).inject(f);
                    } else {
                        sourceDevices.get(s).send(f);
                    }
                }
                done.addAndGet(span[1] - span[0]);
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            failed = true;
            next.set(Long.MAX_VALUE / 2);
            synchronized (gate) {
                applied = Integer.MAX_VALUE;
                gate.notifyAll();
            }
        }
    }

    /**
     * Claims the next packets, up to {@link #CLAIM} of them but never across a change's packet, so
     * that a change always falls at the start of a claim; false when none are left.
     */
    private boolean claim(long total, long[] span) {
        while (true) {
            long from = next.get();
            if (from >= total) {
                return false;
            }
            long to = Math.min(total, from + CLAIM);
            for (Topology.Change c : topology.changes()) {
                if (c.atPacket() > from) {
                    to = Math.min(to, c.atPacket());
                    break;
                }
            }
            if (next.compareAndSet(from, to)) {
                span[0] = from;
                span[1] = to;
                return true;
            }
        }
    }

    /**
     * Holds a claim starting at packet {@code i} until every change at or before it is applied, and
     * applies those at {@code i} once every earlier packet has finished.
     */
    private void gate(long i) throws InterruptedException {
        List<Topology.Change> changes = topology.changes();
        while (true) {
            int k = applied;
            if (k >= changes.size() || changes.get(k).atPacket() > i) {
                return;
            }
            if (changes.get(k).atPacket() == i) {
                while (done.get() < i && !failed) {
                    Thread.onSpinWait();
                    Thread.yield();
                }
                int n = k;
                while (n < changes.size() && changes.get(n).atPacket() == i) {
                    apply(changes.get(n));
                    n++;
                }
                synchronized (gate) {
                    applied = n;
                    gate.notifyAll();
                }
                return;
            }
            synchronized (gate) {
                while (applied == k) {
                    gate.wait();
                }
            }
        }
    }

    private void apply(Topology.Change c) {
        String where = "change at packet " + c.atPacket() + " of '" + c.attachment() + "'";
        Topology.Attachment a = attachments.get(c.attachment());
        try {
            Link l = links.get(c.attachment());
            switch (c.action()) {
                case UPDATE:
                    l.update(program(c.program(), where).netProgram());
                    break;
                case DETACH:
                    if (l != null) {
                        l.detach();
                    } else {
                        runtime.network()
                                .detachProgram(TcxOptions.of(
                                        device(a.device()),
                                        a.hook(),
                                        program(a.program(), where).netProgram()));
                    }
                    break;
                default:
                    throw new AssertionError(c.action());
            }
        } catch (TopologyException e) {
            throw e;
        } catch (EbpfException e) {
            throw new TopologyException(where + ": " + e.getMessage(), e);
        }
    }

    private RunReport report(long packets, long nanos) {
        List<RunReport.DeviceStats> devs = new ArrayList<>();
        List<RunReport.HookStats> hooks = new ArrayList<>();
        List<RunReport.ProgramStats> progs = new ArrayList<>();
        for (NetDevice d : runtime.network().devices()) {
            Counters.Device c = d.counters();
            LongAdder n = delivered.get(d.name());
            devs.add(new RunReport.DeviceStats(
                    d.name(),
                    d.ifindex(),
                    c.rxPackets(),
                    c.rxBytes(),
                    c.txPackets(),
                    c.txBytes(),
                    c.rxDropped(),
                    c.txDropped(),
                    c.redirectDrops(),
                    c.loopDrops(),
                    n == null ? 0 : n.sum()));
            for (Hook h : Hook.values()) {
                Counters.Hook hc = d.counters(h);
                if (hc.packets() == 0 && d.chain(h) == null) {
                    continue;
                }
                hooks.add(new RunReport.HookStats(
                        d.name(), h, hc.packets(), hc.pass(), hc.drop(), hc.redirect(), hc.consumed(), hc.faults()));
                for (Map.Entry<String, BpfObject> o : objects.entrySet()) {
                    for (BpfProgram p : o.getValue().programs().values()) {
                        Counters.Program pc = hc.program(p.netProgram().id());
                        if (pc != null) {
                            progs.add(new RunReport.ProgramStats(
                                    p.netProgram().id(), o.getKey(), p.name(), d.name(), h, pc.runs(), pc.verdicts()));
                        }
                    }
                }
            }
        }
        int k = Math.min(applied, topology.changes().size());
        return new RunReport(
                packets,
                nanos,
                options.threads(),
                options.engine().name(),
                devs,
                hooks,
                progs,
                topology.changes().subList(0, k));
    }

    // ---------------------------------------------------------------- after the run

    /** {@return the runtime the topology lives in} */
    public BpfRuntime runtime() {
        return runtime;
    }

    /** {@return the loaded objects, by topology name} */
    public Map<String, BpfObject> objects() {
        return Collections.unmodifiableMap(objects);
    }

    /** {@return the links of the attachments made through links, by attachment name} */
    public Map<String, Link> links() {
        return Collections.unmodifiableMap(links);
    }

    /** {@return the topology} */
    public Topology topology() {
        return topology;
    }

    /** {@return the frames each device put on its wire, by device name (empty without {@link Options#capture})} */
    public Map<String, List<byte[]>> transmitted() {
        return snapshot(transmittedFrames);
    }

    /** {@return the frames that reached each device's host side (empty without {@link Options#capture})} */
    public Map<String, List<byte[]>> delivered() {
        return snapshot(deliveredFrames);
    }

    private Map<String, List<byte[]>> snapshot(Map<String, ConcurrentLinkedQueue<byte[]>> m) {
        if (!options.capture()) {
            return Map.of();
        }
        Map<String, List<byte[]>> r = new LinkedHashMap<>();
        m.forEach((k, v) -> r.put(k, List.copyOf(v)));
        return r;
    }

    /** Closes the links and the runtime. */
    @Override
    public void close() {
        for (Link l : links.values()) {
            l.close();
        }
        runtime.close();
    }
}
