package dev.ebpfjvm.core.net.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.interp.Interpreter;
import dev.ebpfjvm.core.net.Hook;
import dev.ebpfjvm.core.net.NetException;
import dev.ebpfjvm.core.net.topology.Topology.Attachment;
import dev.ebpfjvm.core.net.topology.Topology.Change;
import dev.ebpfjvm.core.net.topology.Topology.Device;
import dev.ebpfjvm.core.net.topology.Topology.ObjectDef;
import dev.ebpfjvm.core.net.topology.Topology.ProgramRef;
import dev.ebpfjvm.core.net.topology.Topology.Traffic;
import dev.ebpfjvm.core.testing.TestPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {
    private static final Path COUNT = TestPaths.testdata().resolve("eth_proto_count.o");
    private static final List<Device> VETH = List.of(new Device("a", "b", null, 0));
    private static final List<ObjectDef> OBJ = List.of(new ObjectDef("o", COUNT, Map.of(), List.of()));
    private static final ProgramRef PROG = new ProgramRef("o", "count_ethertype");

    private static Attachment att(String name, Topology.Mode mode, Topology.Position pos, String rel) {
        return new Attachment(name, "b", Hook.INGRESS, PROG, mode, pos, rel);
    }

    private static String reject(
            List<Device> d, List<ObjectDef> o, List<Attachment> a, List<Traffic> t, List<Change> c) {
        return assertThrows(TopologyException.class, () -> new Topology(d, o, a, List.of(), t, c))
                .getMessage();
    }

    @Test
    void rejects_unknownNames() {
        assertTrue(reject(
                        VETH,
                        OBJ,
                        List.of(new Attachment(
                                "x", "nope", Hook.INGRESS, PROG, Topology.Mode.LINK, Topology.Position.APPEND, null)),
                        List.of(),
                        List.of())
                .contains("device 'nope' is not declared"));
        assertTrue(reject(
                        VETH,
                        OBJ,
                        List.of(new Attachment(
                                "x",
                                "b",
                                Hook.INGRESS,
                                new ProgramRef("q", "p"),
                                Topology.Mode.LINK,
                                Topology.Position.APPEND,
                                null)),
                        List.of(),
                        List.of())
                .contains("object 'q'"));
        assertTrue(reject(
                        VETH,
                        OBJ,
                        List.of(),
                        List.of(new Traffic("c", Topology.Entry.HOST, "generate", 0, 1)),
                        List.of())
                .contains("traffic: device 'c'"));
        assertTrue(reject(VETH, OBJ, List.of(), List.of(), List.of(new Change(5, Topology.Action.DETACH, "x", null)))
                .contains("no attachment named 'x'"));
    }

    @Test
    void rejects_duplicatesAndBadRelatives() {
        assertTrue(reject(
                        List.of(new Device("a", null, null, 0), new Device("a", null, null, 0)),
                        OBJ,
                        List.of(),
                        List.of(),
                        List.of())
                .contains("two devices named 'a'"));
        Attachment x = att("x", Topology.Mode.LINK, Topology.Position.APPEND, null);
        assertTrue(reject(VETH, OBJ, List.of(x, x), List.of(), List.of()).contains("two attachments named 'x'"));
        assertTrue(reject(
                        VETH,
                        OBJ,
                        List.of(att("y", Topology.Mode.LINK, Topology.Position.AFTER, "x"), x),
                        List.of(),
                        List.of())
                .contains("relative 'x' is not an earlier attachment"));
        assertThrows(TopologyException.class, () -> att("y", Topology.Mode.LINK, Topology.Position.BEFORE, null));
        assertThrows(TopologyException.class, () -> att("y", Topology.Mode.LINK, Topology.Position.HEAD, "x"));
    }

    @Test
    void rejects_updateOfPlainAttachment_andMalformedParts() {
        Attachment p = att("p", Topology.Mode.PROGRAM, Topology.Position.APPEND, null);
        assertTrue(reject(VETH, OBJ, List.of(p), List.of(), List.of(new Change(1, Topology.Action.UPDATE, "p", PROG)))
                .contains("only a link can be updated"));
        assertThrows(TopologyException.class, () -> new Change(1, Topology.Action.UPDATE, "p", null));
        assertThrows(TopologyException.class, () -> new Change(1, Topology.Action.DETACH, "p", PROG));
        assertThrows(TopologyException.class, () -> new Change(-1, Topology.Action.DETACH, "p", null));
        assertThrows(TopologyException.class, () -> new Device("a", null, new byte[5], 0));
        assertThrows(TopologyException.class, () -> new Device("a", null, null, 67));
        assertThrows(TopologyException.class, () -> new Topology.Filter("a", Hook.INGRESS, 0, 1, PROG));
        assertThrows(TopologyException.class, () -> new TopologyRunner.Options(new Interpreter(), 0, 1, false));
        assertThrows(TopologyException.class, () -> new TopologyRunner.Options(new Interpreter(), 1, -1, false));
    }

    @Test
    void build_failures_nameThePart() {
        TopologyRunner.Options o = new TopologyRunner.Options(new Interpreter(), 1, 10, false);
        Topology badProg = new Topology(
                VETH,
                OBJ,
                List.of(new Attachment(
                        "x",
                        "b",
                        Hook.INGRESS,
                        new ProgramRef("o", "nope"),
                        Topology.Mode.LINK,
                        Topology.Position.APPEND,
                        null)),
                List.of(),
                List.of(),
                List.of());
        String m = assertThrows(TopologyException.class, () -> TopologyRunner.build(badProg, o, FrameSource.builtin()))
                .getMessage();
        assertTrue(m.contains("attachment 'x': object 'o' has no program 'nope' (programs: count_ethertype)"), m);

        Topology badMap = new Topology(
                VETH,
                List.of(new ObjectDef(
                        "o", COUNT, Map.of(), List.of(new Topology.MapEntry("nope", new byte[4], new byte[8])))),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        m = assertThrows(TopologyException.class, () -> TopologyRunner.build(badMap, o, FrameSource.builtin()))
                .getMessage();
        assertTrue(m.contains("no map named 'nope' (maps: proto_counts)"), m);

        Topology badKey = new Topology(
                VETH,
                List.of(new ObjectDef(
                        "o",
                        COUNT,
                        Map.of(),
                        List.of(new Topology.MapEntry("proto_counts", new byte[3], new byte[8])))),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        m = assertThrows(TopologyException.class, () -> TopologyRunner.build(badKey, o, FrameSource.builtin()))
                .getMessage();
        assertTrue(m.contains("map 'proto_counts'"), m);

        Topology missing = new Topology(
                VETH,
                List.of(new ObjectDef("o", Path.of("/nonexistent.o"), Map.of(), List.of())),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        m = assertThrows(TopologyException.class, () -> TopologyRunner.build(missing, o, FrameSource.builtin()))
                .getMessage();
        assertTrue(m.contains("object 'o' (/nonexistent.o)"), m);

        Topology unknownSource = new Topology(
                VETH,
                OBJ,
                List.of(),
                List.of(),
                List.of(new Traffic("a", Topology.Entry.HOST, "x.pcap", 0, 0)),
                List.of());
        m = assertThrows(TopologyException.class, () -> TopologyRunner.build(unknownSource, o, FrameSource.builtin()))
                .getMessage();
        assertTrue(m.contains("unknown source 'x.pcap'"), m);

        Topology runt = new Topology(
                VETH, OBJ, List.of(), List.of(), List.of(new Traffic("a", Topology.Entry.HOST, "x", 0, 0)), List.of());
        m = assertThrows(TopologyException.class, () -> TopologyRunner.build(runt, o, t -> List.of(new byte[10])))
                .getMessage();
        assertTrue(m.contains("frame 0 has 10 bytes"), m);

        Topology dupAttach = new Topology(
                VETH,
                OBJ,
                List.of(
                        att("x", Topology.Mode.LINK, Topology.Position.APPEND, null),
                        att("y", Topology.Mode.LINK, Topology.Position.APPEND, null)),
                List.of(),
                List.of(),
                List.of());
        TopologyException e =
                assertThrows(TopologyException.class, () -> TopologyRunner.build(dupAttach, o, FrameSource.builtin()));
        assertTrue(e.getMessage().startsWith("attachment 'y': "), e.getMessage());
        assertInstanceOf(NetException.class, e.getCause());
    }

    @Test
    void devices_macAndMtuApplied_peerDeclaredTwiceIsOnePair() {
        byte[] mac = {2, 1, 2, 3, 4, 5};
        Topology t = new Topology(
                List.of(
                        new Device("a", "b", mac, 9000),
                        new Device("b", null, null, 1400),
                        new Device("d", null, null, 0)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        try (TopologyRunner r = TopologyRunner.build(
                t, new TopologyRunner.Options(new Interpreter(), 1, 0, false), FrameSource.builtin())) {
            var net = r.runtime().network();
            assertEquals(9000, net.device("a").mtu());
            assertEquals(1400, net.device("b").mtu());
            assertEquals(net.device("b"), net.device("a").peer());
            assertEquals(null, net.device("d").peer());
            assertEquals(List.of(2, 1, 2, 3, 4, 5), toList(net.device("a").mac()));
            assertEquals(0, r.run().packets());
        }
    }

    private static List<Integer> toList(byte[] b) {
        return java.util.stream.IntStream.range(0, b.length)
                .mapToObj(i -> (int) b[i])
                .toList();
    }
}
