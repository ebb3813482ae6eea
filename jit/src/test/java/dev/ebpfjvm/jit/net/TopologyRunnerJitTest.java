package dev.ebpfjvm.jit.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.net.Hook;
import dev.ebpfjvm.core.net.topology.RunReport;
import dev.ebpfjvm.core.net.topology.Topology;
import dev.ebpfjvm.core.net.topology.TopologyRunner;
import dev.ebpfjvm.core.testing.TestPaths;
import dev.ebpfjvm.jit.JitEngine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduled link update of {@code TopologyRunnerTest} on JIT-compiled programs and chain dispatchers. */
class TopologyRunnerJitTest {
    private static final Path TCX_COUNT = TestPaths.testdata().resolve("net").resolve("tcx_count.o");

    private static Topology.ObjectDef counter(String name, int slot) {
        byte[] cfg = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(slot)
                .putInt(-1)
                .array();
        return new Topology.ObjectDef(name, TCX_COUNT, Map.of("cfg", cfg), List.of());
    }

    private static Topology.Attachment link(String name, String object) {
        return new Topology.Attachment(
                name,
                "veth1",
                Hook.INGRESS,
                new Topology.ProgramRef(object, "tcx_count"),
                Topology.Mode.LINK,
                Topology.Position.APPEND,
                null);
    }

    private static long count(TopologyRunner r, String object, int slot) {
        byte[] v = r.objects().get(object).maps().get("counters").lookup(BpfMap.u32(slot));
        return ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void scheduledUpdate_twoThreadsJit_losesNoPacketAndTearsNoChain() {
        long total = 20000;
        long at = 7000;
        Topology t = new Topology(
                List.of(new Topology.Device("veth0", "veth1", null, 0)),
                List.of(counter("old1", 1), counter("old2", 2), counter("new1", 3), counter("new2", 4)),
                List.of(link("first", "old1"), link("second", "old2")),
                List.of(),
                List.of(new Topology.Traffic("veth0", Topology.Entry.HOST, "test", 0, 0)),
                List.of(
                        new Topology.Change(
                                at, Topology.Action.UPDATE, "first", new Topology.ProgramRef("new1", "tcx_count")),
                        new Topology.Change(
                                at, Topology.Action.UPDATE, "second", new Topology.ProgramRef("new2", "tcx_count"))));
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            byte[] f = new byte[60];
            f[12] = (byte) 0x88;
            f[13] = (byte) 0xb5;
            f[14] = (byte) i;
            frames.add(f);
        }
        try (TopologyRunner r =
                TopologyRunner.build(t, new TopologyRunner.Options(new JitEngine(), 2, total, false), x -> frames)) {
            RunReport rep = r.run();
            assertEquals(at, count(r, "old1", 1));
            assertEquals(at, count(r, "old2", 2));
            assertEquals(total - at, count(r, "new1", 3));
            assertEquals(total - at, count(r, "new2", 4));
            assertEquals(total, rep.device("veth1").delivered());
            assertEquals(total, rep.hook("veth1", Hook.INGRESS).pass());
        }
    }
}
