package dev.ebpfjvm.core.net.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.interp.Interpreter;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.net.Hook;
import dev.ebpfjvm.core.net.topology.Topology.Attachment;
import dev.ebpfjvm.core.net.topology.Topology.Change;
import dev.ebpfjvm.core.net.topology.Topology.Device;
import dev.ebpfjvm.core.net.topology.Topology.Entry;
import dev.ebpfjvm.core.net.topology.Topology.ObjectDef;
import dev.ebpfjvm.core.net.topology.Topology.ProgramRef;
import dev.ebpfjvm.core.net.topology.Topology.Traffic;
import dev.ebpfjvm.core.testing.TestPaths;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopologyRunnerTest {
    private static final Path TCX_COUNT = TestPaths.testdata().resolve("net").resolve("tcx_count.o");
    private static final List<Device> VETH = List.of(new Device("veth0", "veth1", null, 0));
    /** Test frames of tcx_count: EtherType 0x88B5. */
    private static final FrameSource.Resolver TEST_FRAMES = t -> {
        List<byte[]> l = new ArrayList<>();
        for (int i = 0; i < t.frames(); i++) {
            byte[] f = new byte[60];
            f[12] = (byte) 0x88;
            f[13] = (byte) 0xb5;
            ByteBuffer.wrap(f, 14, 8).putLong(i);
            l.add(f);
        }
        return l;
    };

    private static ObjectDef counter(String name, int slot, int ret) {
        byte[] cfg = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(slot)
                .putInt(ret)
                .array();
        return new ObjectDef(name, TCX_COUNT, Map.of("cfg", cfg), List.of());
    }

    private static Attachment link(String name, String object) {
        return new Attachment(
                name,
                "veth1",
                Hook.INGRESS,
                new ProgramRef(object, "tcx_count"),
                Topology.Mode.LINK,
                Topology.Position.APPEND,
                null);
    }

    private static long count(TopologyRunner r, String object, int slot) {
        BpfMap m = r.objects().get(object).maps().get("counters");
        return ByteBuffer.wrap(m.lookup(BpfMap.u32(slot)))
                .order(ByteOrder.LITTLE_ENDIAN)
                .getLong();
    }

    private static TopologyRunner.Options options(int threads, long packets, boolean capture) {
        return new TopologyRunner.Options(new Interpreter(), threads, packets, capture);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void scheduledUpdate_underThreads_losesNoPacketAndTearsNoChain(int threads) {
        long total = 4000;
        long at = 1500;
        // Chain [first, second]; at packet 1500 both links move to the new version, so a torn packet
        // would show as a count of one version's first program that differs from its second's.
        Topology t = new Topology(
                VETH,
                List.of(counter("old1", 1, -1), counter("old2", 2, -1), counter("new1", 3, -1), counter("new2", 4, -1)),
                List.of(link("first", "old1"), link("second", "old2")),
                List.of(),
                List.of(new Traffic("veth0", Entry.HOST, "test", 0, 97)),
                List.of(
                        new Change(at, Topology.Action.UPDATE, "first", new ProgramRef("new1", "tcx_count")),
                        new Change(at, Topology.Action.UPDATE, "second", new ProgramRef("new2", "tcx_count"))));
        try (TopologyRunner r = TopologyRunner.build(t, options(threads, total, false), TEST_FRAMES)) {
            RunReport rep = r.run();
            assertEquals(total, rep.packets());
            assertEquals(at, count(r, "old1", 1));
            assertEquals(at, count(r, "old2", 2));
            assertEquals(total - at, count(r, "new1", 3));
            assertEquals(total - at, count(r, "new2", 4));
            assertEquals(total, rep.device("veth1").delivered(), "every packet reached veth1's host");
            RunReport.HookStats h = rep.hook("veth1", Hook.INGRESS);
            assertEquals(total, h.packets());
            assertEquals(total, h.pass());
            assertEquals(2, rep.changes().size());
            assertEquals(
                    2,
                    r.runtime()
                            .network()
                            .query(r.runtime().network().device("veth1"), Hook.INGRESS)
                            .entries()
                            .size());
        }
    }

    @Test
    void scheduledDetach_ofPlainAttachment_stopsItExactly() {
        Attachment plain = new Attachment(
                "plain",
                "veth1",
                Hook.INGRESS,
                new ProgramRef("c", "tcx_count"),
                Topology.Mode.PROGRAM,
                Topology.Position.APPEND,
                null);
        Topology t = new Topology(
                VETH,
                List.of(counter("c", 7, -1)),
                List.of(plain),
                List.of(),
                List.of(new Traffic("veth1", Entry.WIRE, "test", 0, 10)),
                List.of(new Change(250, Topology.Action.DETACH, "plain", null)));
        try (TopologyRunner r = TopologyRunner.build(t, options(2, 1000, false), TEST_FRAMES)) {
            RunReport rep = r.run();
            assertEquals(250, count(r, "c", 7));
            assertEquals(1000, rep.device("veth1").delivered(), "WIRE traffic enters veth1 itself");
            assertEquals(0, rep.device("veth0").rxPackets());
            assertEquals(250, rep.hook("veth1", Hook.INGRESS).packets(), "no chain after the detach");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void passThrough_deliversEveryFrameUnchanged(int threads) {
        List<byte[]> frames = new TrafficGenerator(42).frames(300);
        Topology t = new Topology(
                VETH,
                List.of(counter("c", 1, -1)),
                List.of(link("count", "c")),
                List.of(),
                List.of(new Traffic("veth0", Entry.HOST, "gen", 0, 0)),
                List.of());
        try (TopologyRunner r = TopologyRunner.build(t, options(threads, 0, true), x -> frames)) {
            RunReport rep = r.run();
            assertEquals(300, rep.packets());
            List<byte[]> out = r.delivered().get("veth1");
            List<byte[]> sent = r.transmitted().get("veth0");
            if (threads > 1) {
                out = sorted(out);
                sent = sorted(sent);
            }
            List<byte[]> in = threads > 1 ? sorted(frames) : frames;
            assertEquals(300, out.size());
            for (int i = 0; i < 300; i++) {
                assertArrayEquals(in.get(i), out.get(i), "frame " + i);
                assertArrayEquals(in.get(i), sent.get(i), "frame " + i);
            }
            assertEquals(rep.device("veth0").txBytes(), rep.device("veth1").rxBytes());
        }
    }

    private static List<byte[]> sorted(List<byte[]> l) {
        List<byte[]> s = new ArrayList<>(l);
        s.sort(Comparator.comparing(b -> b, Arrays::compare));
        return s;
    }

    @Test
    void perCpuMap_twoThreads_fillsOneSlotPerCpuAndAddsUp() {
        ObjectDef stats = new ObjectDef("stats", TestPaths.testdata().resolve("percpu_stats.o"), Map.of(), List.of());
        Attachment a = new Attachment(
                "stats",
                "veth1",
                Hook.INGRESS,
                new ProgramRef("stats", "percpu_stats"),
                Topology.Mode.LINK,
                Topology.Position.APPEND,
                null);
        Topology t = new Topology(
                VETH,
                List.of(stats),
                List.of(a),
                List.of(),
                List.of(new Traffic("veth0", Entry.HOST, FrameSource.GENERATE, 7, 500)),
                List.of());
        long total = 20000;
        try (TopologyRunner r = TopologyRunner.build(t, options(2, total, false), FrameSource.builtin())) {
            r.run();
            BpfMap fam = r.objects().get("stats").maps().get("family_stats");
            long[] perCpu = new long[2];
            for (int k = 0; k < 3; k++) {
                byte[][] v = fam.lookupPerCpu(BpfMap.u32(k));
                for (int cpu = 0; cpu < 2; cpu++) {
                    perCpu[cpu] += ByteBuffer.wrap(v[cpu])
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .getLong();
                }
            }
            assertEquals(total, perCpu[0] + perCpu[1], "plain per-CPU increments lose nothing: one thread per CPU");
            assertNotEquals(0, perCpu[0]);
            assertNotEquals(0, perCpu[1]);
        }
    }

    @Test
    void countersAddUp_filterAndNat() {
        Path dir = TestPaths.testdata();
        byte[] blocked = {(byte) 198, 51, 100, 1};
        byte[] natKey = {(byte) 203, 0, 113, 1, 0, 80, 6, 0};
        byte[] natTarget = {(byte) 192, 0, 2, 10, 0x1f, (byte) 0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Topology t = new Topology(
                VETH,
                List.of(
                        new ObjectDef(
                                "fw",
                                dir.resolve("ipv4_filter.o"),
                                Map.of(),
                                List.of(new Topology.MapEntry("blocked_sources", blocked, new byte[16]))),
                        new ObjectDef(
                                "nat",
                                dir.resolve("nat44.o"),
                                Map.of(),
                                List.of(new Topology.MapEntry("dnat_table", natKey, natTarget))),
                        new ObjectDef("count", dir.resolve("eth_proto_count.o"), Map.of(), List.of())),
                List.of(
                        new Attachment(
                                "fw",
                                "veth1",
                                Hook.INGRESS,
                                new ProgramRef("fw", "ipv4_filter"),
                                Topology.Mode.LINK,
                                Topology.Position.APPEND,
                                null),
                        new Attachment(
                                "nat",
                                "veth1",
                                Hook.INGRESS,
                                new ProgramRef("nat", "nat44"),
                                Topology.Mode.LINK,
                                Topology.Position.AFTER,
                                "fw")),
                List.of(new Topology.Filter("veth1", Hook.INGRESS, 1, 1, new ProgramRef("count", "count_ethertype"))),
                List.of(new Traffic("veth0", Entry.HOST, FrameSource.GENERATE, 1, 400)),
                List.of());
        try (TopologyRunner r = TopologyRunner.build(t, options(2, 8000, false), FrameSource.builtin())) {
            RunReport rep = r.run();
            RunReport.HookStats h = rep.hook("veth1", Hook.INGRESS);
            assertEquals(8000, h.packets());
            assertEquals(h.packets(), h.pass() + h.drop() + h.redirect() + h.consumed());
            assertTrue(h.drop() > 0, "the blocked source is dropped");
            RunReport.DeviceStats d = rep.device("veth1");
            assertEquals(8000, d.rxPackets());
            assertEquals(d.rxPackets(), d.delivered() + d.rxDropped());
            long fwRuns = rep.programs().stream()
                    .filter(p -> p.name().equals("ipv4_filter"))
                    .mapToLong(RunReport.ProgramStats::runs)
                    .sum();
            assertEquals(8000, fwRuns);
            byte[] hits = r.objects().get("nat").maps().get("dnat_table").lookup(natKey);
            assertTrue(
                    ByteBuffer.wrap(hits, 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong() > 0, "NAT translated");
            String net = NetViews.netShow(r.runtime().network());
            assertTrue(net.contains("veth1(3) tcx/ingress revision 3"), net);
            assertTrue(net.contains("clsact/ingress count_ethertype"), net);
            assertTrue(NetViews.linkShow(r.runtime().network(), r.links()).contains("attach_type tcx_ingress"));
            assertTrue(
                    NetViews.progShow(r.runtime().network(), r.objects()).contains("name ipv4_filter  run_cnt 8000"));
            String maps = NetViews.mapDump(r.objects());
            assertTrue(maps.contains("key: c6 33 64 01  value: "), maps);
        }
    }
}
