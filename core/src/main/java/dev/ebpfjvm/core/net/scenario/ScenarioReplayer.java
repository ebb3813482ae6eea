package dev.ebpfjvm.core.net.scenario;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.helpers.TcHelpers;
import dev.ebpfjvm.core.load.LoadedObject;
import dev.ebpfjvm.core.load.ObjectLoader;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.PinRegistry;
import dev.ebpfjvm.core.maps.Pinning;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.net.BpfCalls;
import dev.ebpfjvm.core.net.ChainCompiler;
import dev.ebpfjvm.core.net.ClassicFilter;
import dev.ebpfjvm.core.net.Hook;
import dev.ebpfjvm.core.net.LinkInfo;
import dev.ebpfjvm.core.net.NetDevice;
import dev.ebpfjvm.core.net.NetException;
import dev.ebpfjvm.core.net.NetProgram;
import dev.ebpfjvm.core.net.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays scenarios as ../shared/tools/tcx-oracle/record.py does on a kernel, on a fresh
 * {@link Network} per scenario with {@code veth0<->veth1} and {@code veth2<->veth3}. Each scenario
 * program is a load of the scenario object (tcx_count.o) with {@code .rodata} {@code cfg = {slot,
 * ret, ifindex}} set before load; the {@code counters} and {@code trace} maps are shared between
 * the loads of a scenario (pinned by name in a private pin registry, as libbpf reuses pinned maps),
 * and a send reads the run order back from {@code trace}. Control operations go through
 * {@link BpfCalls} with the recorder's raw flag words, fds and ids.
 */
public final class ScenarioReplayer {
    /** The program in the scenario object. */
    public static final String PROGRAM = "tcx_count";

    private static final int TEST_ETH_P = 0x88B5;
    private static final int SEQ_SLOT = 255;
    private static final int TRACE_LEN = 128;
    private static final Map<String, Integer> FLAGS = Map.of(
            "ALLOW_OVERRIDE",
            1,
            "ALLOW_MULTI",
            2,
            "REPLACE",
            4,
            "BEFORE",
            8,
            "AFTER",
            16,
            "ID",
            32,
            "PREORDER",
            64,
            "LINK",
            1 << 13);
    private static final List<String> DEVICES = List.of("veth0", "veth1", "veth2", "veth3");

    private final ObjectSpec spec;
    private final Engine engine;
    private final ChainCompiler compiler;

    /**
     * @param spec the scenario object (tcx_count.o), with maps {@code counters} and {@code trace}
     * @param engine the engine every program load uses
     */
    public ScenarioReplayer(ObjectSpec spec, Engine engine) {
        this(spec, engine, ChainCompiler.LOOP);
    }

    /**
     * @param spec the scenario object (tcx_count.o), with maps {@code counters} and {@code trace}
     * @param engine the engine every program load uses
     * @param compiler how the networks of the replay run their chains
     */
    public ScenarioReplayer(ObjectSpec spec, Engine engine, ChainCompiler compiler) {
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        ObjectSpec s = Objects.requireNonNull(spec, "spec");
        for (String shared : List.of("counters", "trace")) {
            MapSpec m = s.map(shared)
                    .orElseThrow(() -> new IllegalArgumentException("the scenario object has no map '" + shared + "'"));
            s = s.withMap(new MapSpec(
                    m.name(),
                    m.type(),
                    m.keySize(),
                    m.valueSize(),
                    m.maxEntries(),
                    m.flags(),
                    Pinning.BY_NAME,
                    m.innerMap(),
                    m.contents()));
        }
        this.spec = s;
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** {@return the result of every step, in order, shaped as the recorder's JSON} */
    public List<Map<String, Object>> replay(Scenario scenario) {
        try (Run run = new Run(scenario)) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Step st : scenario.steps()) {
                out.add(run.step(st));
            }
            return out;
        }
    }

    /** The state of one scenario run: the network, descriptors and names. */
    private final class Run implements AutoCloseable {
        private final Network net;
        private final BpfCalls bpf;
        private final PinRegistry mapPins = new PinRegistry();
        private final List<LoadedObject> loaded = new ArrayList<>();
        private final Map<String, Integer> ifindex = new LinkedHashMap<>();
        private final Map<String, Integer> progFd = new HashMap<>();
        private final Map<String, NetProgram> progs = new LinkedHashMap<>();
        private final Map<String, Integer> slots = new HashMap<>();
        private final Map<String, Integer> linkFd = new HashMap<>();
        private final Map<String, Integer> linkId = new LinkedHashMap<>();
        private final Set<String> classicPins = new HashSet<>();
        private BpfMap counters;
        private BpfMap trace;

        Run(Scenario sc) {
            AtomicInteger ids = new AtomicInteger();
            net = new Network(ids::incrementAndGet, Environment.defaults(), compiler);
            bpf = new BpfCalls(net);
            net.addVeth("veth0", "veth1");
            net.addVeth("veth2", "veth3");
            for (String d : DEVICES) {
                ifindex.put(d, net.device(d).ifindex());
            }
            int slot = 1;
            for (Map.Entry<String, Scenario.Prog> p : sc.progs().entrySet()) {
                String target = p.getValue().target();
                int ifx = target == null ? 0 : ifindex.get(target);
                byte[] cfg = new byte[16];
                LittleEndian.putU32(cfg, 0, slot);
                LittleEndian.putU32(cfg, 4, p.getValue().ret());
                LittleEndian.putU32(cfg, 8, ifx);
                LoadedObject obj = ObjectLoader.builder()
                        .engine(engine)
                        .helpers(TcHelpers.registry())
                        .pins(mapPins)
                        .cpus(1)
                        .global("cfg", cfg)
                        .build()
                        .load(spec);
                loaded.add(obj);
                counters = obj.map("counters");
                trace = obj.map("trace");
                NetProgram np = net.program(p.getKey(), obj.program(PROGRAM));
                progs.put(p.getKey(), np);
                progFd.put(p.getKey(), bpf.open(np));
                slots.put(p.getKey(), slot);
                slot++;
            }
        }

        Map<String, Object> step(Step st) {
            switch (st.op()) {
                case "attach":
                    return attach(st);
                case "detach":
                    return errno(bpf.progDetach(
                            ifindex.get(st.dev()),
                            st.prog() == null ? 0 : progFd.get(st.prog()),
                            hook(st),
                            flags(st),
                            relative(st),
                            st.expectedRevision()));
                case "query":
                    return query(st);
                case "link_update":
                    return errno(bpf.linkUpdate(
                            linkFd.get(st.link()),
                            progFd.get(st.prog()),
                            flags(st),
                            st.oldProg() == null ? 0 : progFd.get(st.oldProg())));
                case "link_detach":
                    return errno(bpf.linkDetach(linkFd.get(st.link())));
                case "link_close":
                    bpf.close(linkFd.remove(st.link()));
                    return errno(0);
                case "prog_close":
                    bpf.close(progFd.get(st.prog()));
                    return errno(0);
                case "link_pin":
                    return errno(bpf.objPin(linkFd.get(st.link()), st.path()));
                case "unpin":
                    net.pins().unpin(st.path());
                    return errno(0);
                case "link_get_pinned": {
                    int fd = bpf.objGet(st.path());
                    if (fd >= 0) {
                        linkFd.put(st.link(), fd);
                        linkId.put(st.link(), bpf.linkInfo(fd).id());
                    }
                    return errno(fd);
                }
                case "link_info":
                    return linkInfo(st);
                case "dev_del":
                    net.remove(net.device(st.dev()));
                    return errno(0);
                case "tc_filter_add":
                    return filterAdd(st);
                case "tc_clsact_del": {
                    try {
                        net.deleteClsact(net.device(st.dev()));
                        return errno(0);
                    } catch (NetException e) {
                        return tcError("Error: Invalid handle.");
                    }
                }
                case "send":
                    return send(st);
                default:
                    throw new IllegalArgumentException("unknown step op '" + st.op() + "'");
            }
        }

        private Map<String, Object> attach(Step st) {
            int ifx = ifindex.get(st.dev());
            int pfd = progFd.get(st.prog());
            if ("link".equals(st.via())) {
                int fd = bpf.linkCreate(pfd, ifx, hook(st), flags(st), relative(st), st.expectedRevision());
                if (fd >= 0) {
                    linkFd.put(st.link(), fd);
                    linkId.put(st.link(), bpf.linkInfo(fd).id());
                }
                return errno(fd);
            }
            int rep = st.replace() == null ? 0 : progFd.get(st.replace());
            return errno(bpf.progAttach(ifx, pfd, hook(st), flags(st), rep, relative(st), st.expectedRevision()));
        }

        private Map<String, Object> query(Step st) {
            BpfCalls.QueryReply q = bpf.progQuery(ifindex.get(st.dev()), hook(st), 0, st.countIn());
            Map<String, Object> r = errno(q.error());
            if (q.error() == 0 || q.error() == Errno.ENOSPC.negative()) {
                r.put("revision", q.revision());
                r.put("count", (long) q.count());
                List<Object> p = new ArrayList<>();
                List<Object> l = new ArrayList<>();
                for (int i = 0; i < q.progIds().length; i++) {
                    p.add(progName(q.progIds()[i]));
                    l.add(q.linkIds()[i] == 0 ? null : linkName(q.linkIds()[i]));
                }
                r.put("progs", p);
                r.put("links", l);
            }
            return r;
        }

        private Map<String, Object> linkInfo(Step st) {
            LinkInfo i = bpf.linkInfo(linkFd.get(st.link()));
            Map<String, Object> r = errno(0);
            r.put("type", "tcx");
            r.put("prog", progName(i.programId()));
            String dev = null;
            if (i.ifindex() != 0) {
                dev = "?ifindex_" + i.ifindex();
                for (Map.Entry<String, Integer> e : ifindex.entrySet()) {
                    if (e.getValue() == i.ifindex()) {
                        dev = e.getKey();
                    }
                }
            }
            r.put("dev", dev);
            r.put("hook", i.hook() == Hook.INGRESS ? "ingress" : "egress");
            return r;
        }

        private Map<String, Object> filterAdd(Step st) {
            String pin = "classic_" + st.prog();
            if (!classicPins.add(pin)) {
                return errno((int) Errno.EEXIST.negative());
            }
            NetDevice d = net.device(st.dev());
            net.addClsact(d);
            try {
                net.addFilter(
                        d,
                        Hook.valueOf(st.hook().toUpperCase(java.util.Locale.ROOT)),
                        new ClassicFilter(1, 1, progs.get(st.prog())));
                return errno(0);
            } catch (NetException e) {
                if (e.errno() == Errno.EEXIST) {
                    return tcError("Error: Filter already exists.\nWe have an error talking to the kernel");
                }
                throw e;
            }
        }

        private Map<String, Object> send(Step st) {
            if (!"veth0".equals(st.dev())) {
                throw new IllegalArgumentException("send only from veth0, not " + st.dev());
            }
            NetDevice tx = net.device("veth0");
            drain();
            long s0 = seq();
            List<Object> errnos = new ArrayList<>();
            for (int k = 0; k < st.packets(); k++) {
                byte[] frame = new byte[60];
                for (int i = 0; i < 6; i++) {
                    frame[i] = (byte) 0xff;
                }
                frame[6] = 0x02;
                frame[11] = 0x01;
                frame[12] = (byte) (TEST_ETH_P >> 8);
                frame[13] = (byte) TEST_ETH_P;
                System.arraycopy("EBPFJVM!".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, frame, 14, 8);
                frame[22] = (byte) (k >>> 24);
                frame[23] = (byte) (k >>> 16);
                frame[24] = (byte) (k >>> 8);
                frame[25] = (byte) k;
                Errno e = tx.send(frame);
                errnos.add(e == null ? null : e.name());
            }
            Map<String, Long> rx = drain();
            long s1 = seq();
            Map<Integer, String> bySlot = new HashMap<>();
            slots.forEach((n, s) -> bySlot.put(s, n));
            List<Object> ran = new ArrayList<>();
            for (long i = s0; i < s1; i++) {
                byte[] key = new byte[4];
                LittleEndian.putU32(key, 0, (int) (i % TRACE_LEN));
                int slot = (int) LittleEndian.getU32(trace.lookup(key), 0);
                ran.add(bySlot.getOrDefault(slot, "?"));
            }
            long pk = st.packets();
            long v1 = rx.get("veth1");
            long v3 = rx.get("veth3");
            String fate = v1 == pk && v3 == 0
                    ? "delivered"
                    : v3 == pk && v1 == 0 ? "redirected:veth2" : v1 == 0 && v3 == 0 ? "dropped" : "mixed";
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ran", ran);
            r.put("fate", fate);
            Map<String, Object> rxm = new LinkedHashMap<>();
            rxm.put("veth1", v1);
            rxm.put("veth3", v3);
            r.put("rx", rxm);
            r.put("send_errno", st.packets() == 1 ? errnos.get(0) : errnos);
            return r;
        }

        private Map<String, Long> drain() {
            Map<String, Long> n = new HashMap<>();
            for (String d : List.of("veth1", "veth3")) {
                NetDevice dev = net.device(d);
                long c = 0;
                if (dev != null) {
                    for (byte[] f : dev.received()) {
                        if (f.length >= 22
                                && ((f[12] & 0xff) << 8 | (f[13] & 0xff)) == TEST_ETH_P
                                && new String(f, 14, 8, java.nio.charset.StandardCharsets.US_ASCII)
                                        .equals("EBPFJVM!")) {
                            c++;
                        }
                    }
                }
                n.put(d, c);
            }
            return n;
        }

        private long seq() {
            byte[] key = new byte[4];
            LittleEndian.putU32(key, 0, SEQ_SLOT);
            return LittleEndian.getU64(counters.lookup(key), 0);
        }

        private int hook(Step st) {
            return "egress".equals(st.hook()) ? Hook.EGRESS.attachType() : Hook.INGRESS.attachType();
        }

        private int flags(Step st) {
            int v = 0;
            for (String f : st.flags()) {
                Integer bit = FLAGS.get(f);
                v |= bit != null ? bit : Integer.parseInt(f);
            }
            return v;
        }

        private int relative(Step st) {
            Step.Relative r = st.relative();
            if (r == null) {
                return 0;
            }
            if (r.raw() != null) {
                return (int) (long) r.raw();
            }
            if (r.prog() != null) {
                return st.byId() ? progs.get(r.prog()).id() : progFd.get(r.prog());
            }
            return st.byId() ? linkId.get(r.link()) : linkFd.get(r.link());
        }

        private String progName(int id) {
            for (Map.Entry<String, NetProgram> e : progs.entrySet()) {
                if (e.getValue().id() == id) {
                    return e.getKey();
                }
            }
            return "?prog_id_" + id;
        }

        private String linkName(int id) {
            for (Map.Entry<String, Integer> e : linkId.entrySet()) {
                if (e.getValue() == id) {
                    return e.getKey();
                }
            }
            return "?link_id_" + id;
        }

        private Map<String, Object> errno(long rc) {
            Map<String, Object> r = new LinkedHashMap<>();
            Errno e = rc < 0 ? Errno.of(rc) : null;
            r.put("errno", rc < 0 ? (e != null ? e.name() : String.valueOf(-rc)) : null);
            return r;
        }

        private Map<String, Object> tcError(String message) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("errno", "tc:" + message);
            return r;
        }

        @Override
        public void close() {
            for (LoadedObject o : loaded) {
                o.close();
            }
        }
    }
}
