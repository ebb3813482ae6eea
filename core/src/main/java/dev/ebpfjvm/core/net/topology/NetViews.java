package dev.ebpfjvm.core.net.topology;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.net.ClassicFilter;
import dev.ebpfjvm.core.net.Counters;
import dev.ebpfjvm.core.net.Hook;
import dev.ebpfjvm.core.net.Link;
import dev.ebpfjvm.core.net.LinkInfo;
import dev.ebpfjvm.core.net.NetDevice;
import dev.ebpfjvm.core.net.Network;
import dev.ebpfjvm.core.net.TcxChain;
import dev.ebpfjvm.core.runtime.BpfObject;
import dev.ebpfjvm.core.runtime.BpfProgram;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Text views of a built topology in the layouts of {@code bpftool} and {@code tc}: {@link #netShow}
 * ({@code bpftool net show}, with each chain's revision), {@link #progShow} ({@code bpftool prog
 * show} with run counts), {@link #linkShow} ({@code bpftool link show}) and {@link #mapDump}
 * ({@code bpftool map dump}'s plain layout). Each returns lines ending in a newline.
 */
public final class NetViews {
    private NetViews() {}

    /** {@return the tcx chains (with revisions) and clsact filters of every device, as {@code bpftool net show}} */
    public static String netShow(Network network) {
        StringBuilder b = new StringBuilder("tc:\n");
        for (NetDevice d : network.devices()) {
            for (Hook h : Hook.values()) {
                String hook = TopologyRunner.hookName(h);
                TcxChain c = d.chain(h);
                if (c != null && c.size() > 0) {
                    b.append(d)
                            .append(" tcx/")
                            .append(hook)
                            .append(" revision ")
                            .append(c.revision())
                            .append('\n');
                    for (TcxChain.Entry e : c.entries()) {
                        b.append("\t")
                                .append(e.program().name())
                                .append(" prog_id ")
                                .append(e.program().id());
                        if (e.link() != null) {
                            b.append(" link_id ").append(e.link().id());
                        }
                        b.append('\n');
                    }
                }
                for (ClassicFilter f : d.filters(h)) {
                    b.append(d)
                            .append(" clsact/")
                            .append(hook)
                            .append(' ')
                            .append(f.program().name())
                            .append(" prog_id ")
                            .append(f.program().id())
                            .append(" prio ")
                            .append(f.priority())
                            .append(" handle 0x")
                            .append(Integer.toHexString(f.handle()))
                            .append(" direct-action\n");
                }
            }
        }
        return b.toString();
    }

    /**
     * {@return every program of the objects, as {@code bpftool prog show} with {@code kernel.bpf_stats_enabled}:
     * id, type, name, runs on every hook, and the maps it holds}
     */
    public static String progShow(Network network, Map<String, BpfObject> objects) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, BpfObject> o : objects.entrySet()) {
            String maps = o.getValue().maps().values().stream()
                    .map(m -> Integer.toString(m.id()))
                    .collect(Collectors.joining(","));
            for (BpfProgram p : o.getValue().programs().values()) {
                int id = p.netProgram().id();
                long runs = 0;
                for (NetDevice d : network.devices()) {
                    for (Hook h : Hook.values()) {
                        Counters.Program pc = d.counters(h).program(id);
                        runs += pc == null ? 0 : pc.runs();
                    }
                }
                b.append(id)
                        .append(": ")
                        .append(p.type().name().toLowerCase(Locale.ROOT))
                        .append("  name ")
                        .append(p.name())
                        .append("  run_cnt ")
                        .append(runs)
                        .append('\n');
                b.append("\tobject ").append(o.getKey()).append("  section ").append(p.section());
                if (!maps.isEmpty()) {
                    b.append("  map_ids ").append(maps);
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** {@return the links, as {@code bpftool link show}} */
    public static String linkShow(Network network, Map<String, Link> links) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Link> e : links.entrySet()) {
            LinkInfo i = e.getValue().info();
            NetDevice d = i.ifindex() == 0 ? null : network.device(i.ifindex());
            b.append(i.id())
                    .append(": tcx  prog ")
                    .append(i.programId())
                    .append("  name ")
                    .append(e.getKey())
                    .append('\n');
            b.append("\tifindex ")
                    .append(d == null ? "0 (detached)" : d.toString())
                    .append("  attach_type tcx_")
                    .append(TopologyRunner.hookName(i.hook()))
                    .append('\n');
        }
        return b.toString();
    }

    /** {@return every map of the objects and its elements, in {@code bpftool map dump}'s plain layout} */
    public static String mapDump(Map<String, BpfObject> objects) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, BpfObject> o : objects.entrySet()) {
            for (BpfMap m : o.getValue().maps().values()) {
                b.append(m.id())
                        .append(": ")
                        .append(m.type().name().toLowerCase(Locale.ROOT))
                        .append("  name ")
                        .append(m.name())
                        .append("  object ")
                        .append(o.getKey())
                        .append('\n');
                b.append("\tkey ")
                        .append(m.keySize())
                        .append("B  value ")
                        .append(m.valueSize())
                        .append("B  max_entries ")
                        .append(m.maxEntries())
                        .append('\n');
                dump(b, m);
            }
        }
        return b.toString();
    }

    private static void dump(StringBuilder b, BpfMap m) {
        if (!dumpable(m.type())) {
            b.append("\t(not dumped: ")
                    .append(m.type().name().toLowerCase(Locale.ROOT))
                    .append(" maps hold no plain values)\n");
            return;
        }
        try {
            int n = 0;
            for (byte[] key : m.keys()) {
                if (m.isPerCpu()) {
                    byte[][] v = m.lookupPerCpu(key);
                    if (v == null) {
                        continue;
                    }
                    b.append("key:\n").append(hex(key)).append('\n');
                    for (int cpu = 0; cpu < v.length; cpu++) {
                        b.append(String.format(Locale.ROOT, "value (CPU %02d): ", cpu))
                                .append(hex(v[cpu]))
                                .append('\n');
                    }
                } else {
                    byte[] v = m.lookup(key);
                    if (v == null) {
                        continue;
                    }
                    b.append("key: ")
                            .append(hex(key))
                            .append("  value: ")
                            .append(hex(v))
                            .append('\n');
                }
                n++;
            }
            b.append("Found ").append(n).append(n == 1 ? " element\n" : " elements\n");
        } catch (EbpfException e) {
            b.append("\t(dump failed: ").append(e.getMessage()).append(")\n");
        }
    }

    private static boolean dumpable(MapType t) {
        switch (t) {
            case HASH:
            case ARRAY:
            case PERCPU_HASH:
            case PERCPU_ARRAY:
            case LRU_HASH:
            case LRU_PERCPU_HASH:
                return true;
            default:
                return false;
        }
    }

    /** {@return bytes as bpftool prints them: two hex digits each, separated by spaces} */
    static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return b.toString();
    }
}
