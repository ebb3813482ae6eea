package dev.ebpfjvm.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Frames through hooks, chains, classic filters and redirects between devices, with counters. */
class PacketPathTest {
    private Network net;
    private NetDevice veth0;
    private NetDevice veth1;
    private NetDevice veth2;
    private NetDevice veth3;

    @BeforeEach
    void setUp() {
        net = new Network();
        veth0 = net.addVeth("veth0", "veth1").get(0);
        veth1 = veth0.peer();
        veth2 = net.addVeth("veth2", "veth3").get(0);
        veth3 = veth2.peer();
    }

    private void attach(NetDevice d, Hook h, NetProgram p) {
        net.attachProgram(TcxOptions.of(d, h, p));
    }

    private static byte[] trace(byte[] f) {
        byte[] t = new byte[f[14]];
        System.arraycopy(f, 15, t, 0, t.length);
        return t;
    }

    @Test
    void withoutProgramsFramesCrossThePair() {
        assertNull(veth0.send(Progs.frame(60)));
        assertEquals(1, veth1.received().size());
        assertEquals(1, veth0.counters().txPackets());
        assertEquals(60, veth0.counters().txBytes());
        assertEquals(1, veth1.counters().rxPackets());
        assertEquals(60, veth1.counters().rxBytes());
        assertEquals(0, veth0.received().size());
    }

    @Test
    void chainRunsInOrderUntilTheFirstCodeOtherThanNext() {
        attach(veth0, Hook.EGRESS, Progs.tracing(net, "e1", 1, Progs.NEXT));
        attach(veth1, Hook.INGRESS, Progs.tracing(net, "i2", 2, Progs.NEXT));
        attach(veth1, Hook.INGRESS, Progs.tracing(net, "i3", 3, 3)); // unknown: ends the chain, counts as NEXT
        attach(veth1, Hook.INGRESS, Progs.tracing(net, "i4", 4, Progs.DROP));
        veth0.send(Progs.frame(Progs.TRACE_FRAME));
        List<byte[]> got = veth1.received();
        assertEquals(1, got.size());
        assertEquals("[1, 2, 3]", java.util.Arrays.toString(trace(got.get(0))));
        Counters.Hook in = veth1.counters(Hook.INGRESS);
        assertEquals(1, in.packets());
        assertEquals(1, in.pass());
        assertEquals(Map.of(3, 1L), in.program(net.programById(3).id()).verdicts());
        assertNull(in.program(net.programById(4).id()), "the DROP program never ran");
    }

    @Test
    void dropAtEgressIsEnobufsForTheSender() {
        attach(veth0, Hook.EGRESS, Progs.constant(net, "d", Progs.DROP));
        assertEquals(Errno.ENOBUFS, veth0.send(Progs.frame(60)));
        assertEquals(1, veth0.counters().txDropped());
        assertEquals(0, veth1.counters().rxPackets());
    }

    @Test
    void dropAtIngress() {
        attach(veth1, Hook.INGRESS, Progs.constant(net, "d", Progs.DROP));
        assertNull(veth0.send(Progs.frame(60)));
        assertEquals(0, veth1.received().size());
        assertEquals(1, veth1.counters().rxDropped());
        assertEquals(1, veth1.counters(Hook.INGRESS).drop());
    }

    @Test
    void redirectFromIngressToAnotherDevicesEgress() {
        attach(veth1, Hook.INGRESS, Progs.redirect(net, "r", veth2.ifindex(), 0));
        attach(veth2, Hook.EGRESS, Progs.tracing(net, "t", 9, Progs.NEXT));
        veth0.send(Progs.frame(Progs.TRACE_FRAME));
        assertEquals(0, veth1.received().size());
        List<byte[]> got = veth3.received();
        assertEquals(1, got.size());
        assertEquals("[9]", java.util.Arrays.toString(trace(got.get(0))));
        assertEquals(1, veth1.counters(Hook.INGRESS).redirect());
        assertEquals(1, veth2.counters().txPackets());
    }

    @Test
    void redirectFromEgressIntoAnotherDevicesIngress() {
        attach(veth0, Hook.EGRESS, Progs.redirect(net, "r", veth3.ifindex(), 1)); // BPF_F_INGRESS
        veth0.send(Progs.frame(60));
        assertEquals(0, veth1.counters().rxPackets());
        assertEquals(1, veth3.received().size());
        assertEquals(0, veth2.counters().txPackets(), "straight into veth3's ingress");
    }

    @Test
    void redirectBackAcrossThePairBothWays() {
        // veth3 -> veth2 ingress redirects to veth1 egress -> veth0 receives
        attach(veth2, Hook.INGRESS, Progs.redirect(net, "r", veth1.ifindex(), 0));
        veth3.send(Progs.frame(60));
        assertEquals(0, veth2.received().size());
        assertEquals(1, veth0.received().size());
    }

    @Test
    void redirectToAMissingOrDownDeviceDrops() {
        attach(veth1, Hook.INGRESS, Progs.redirect(net, "r", 99, 0));
        veth0.send(Progs.frame(60));
        assertEquals(0, veth1.received().size());
        assertEquals(1, veth1.counters().redirectDrops());

        Network n2 = new Network();
        NetDevice a = n2.addVeth("a0", "a1").get(1);
        NetDevice b = n2.addVeth("b0", "b1").get(0);
        n2.attachProgram(TcxOptions.of(a, Hook.INGRESS, Progs.redirect(n2, "r", b.ifindex(), 0)));
        n2.remove(b);
        a.peer().send(Progs.frame(60));
        assertEquals(1, a.counters().redirectDrops());
        assertEquals(0, a.received().size());
    }

    @Test
    void redirectLoopsAreCutAndCounted() {
        // veth1 ingress sends every frame back out of veth0, whose wire leads to veth1 again.
        attach(veth1, Hook.INGRESS, Progs.redirect(net, "loop", veth0.ifindex(), 0));
        veth0.send(Progs.frame(60));
        assertEquals(1, veth1.counters().loopDrops());
        assertEquals(Network.MAX_REDIRECT_DEPTH, veth1.counters().rxPackets());
        assertEquals(0, veth1.received().size());
    }

    @Test
    void redirectPeerNeedsAnotherNamespaceAndIngress() {
        Network n = new Network();
        NetDevice host = n.addVeth("host", "init", "pod", "podns").get(0);
        NetDevice pod = host.peer();
        List<NetDevice> wire = n.addVeth("eth0", "init", "phys", "init");
        n.attachProgram(TcxOptions.of(wire.get(1), Hook.INGRESS, Progs.redirectPeer(n, "rp", host.ifindex())));
        wire.get(0).send(Progs.frame(60));
        assertEquals(1, pod.received().size(), "into the pod end, skipping host's xmit");
        assertEquals(0, host.counters().txPackets());

        // at egress the peer redirect drops
        n.attachProgram(TcxOptions.of(wire.get(0), Hook.EGRESS, Progs.redirectPeer(n, "rp2", host.ifindex())));
        wire.get(0).send(Progs.frame(60));
        assertEquals(0, pod.received().size());
        assertEquals(1, wire.get(0).counters().redirectDrops());

        // both ends in one namespace: drop
        attach(veth1, Hook.INGRESS, Progs.redirectPeer(net, "same", veth2.ifindex()));
        veth0.send(Progs.frame(60));
        assertEquals(0, veth3.received().size());
        assertEquals(1, veth1.counters().redirectDrops());
    }

    @Test
    void cloneRedirectDeliversACopyAndTheOriginalGoesOn() {
        attach(veth1, Hook.INGRESS, Progs.cloneTo(net, "clone", veth2.ifindex(), 0, Progs.PASS));
        veth0.send(Progs.frame(60));
        assertEquals(1, veth1.received().size());
        assertEquals(1, veth3.received().size());
        attach(veth2, Hook.INGRESS, Progs.cloneTo(net, "clone-in", veth1.ifindex(), 1, Progs.DROP));
        veth3.send(Progs.frame(60));
        assertEquals(0, veth2.received().size());
        assertEquals(1, veth1.received().size(), "the copy entered veth1's ingress (which clones to veth2 again)");
        assertEquals(1, veth3.received().size());
    }

    @Test
    void classicFiltersRunByPriorityAfterNext() {
        NetProgram t1 = Progs.tracing(net, "t1", 1, Progs.NEXT);
        NetProgram f5 = Progs.tracing(net, "f5", 5, Progs.NEXT);
        NetProgram f2 = Progs.tracing(net, "f2", 2, 3); // unknown to cls_bpf: UNSPEC, next filter
        NetProgram f3 = Progs.tracing(net, "f3", 3, Progs.PASS);
        attach(veth1, Hook.INGRESS, t1);
        NetException noQdisc =
                assertThrows(NetException.class, () -> net.addFilter(veth1, Hook.INGRESS, new ClassicFilter(1, 1, f2)));
        assertEquals(Errno.EINVAL, noQdisc.errno());
        net.addClsact(veth1);
        net.addFilter(veth1, Hook.INGRESS, new ClassicFilter(5, 1, f5));
        net.addFilter(veth1, Hook.INGRESS, new ClassicFilter(2, 1, f2));
        net.addFilter(veth1, Hook.INGRESS, new ClassicFilter(3, 1, f3));
        veth0.send(Progs.frame(Progs.TRACE_FRAME));
        assertEquals(
                "[1, 2, 3]", java.util.Arrays.toString(trace(veth1.received().get(0))));

        NetException taken =
                assertThrows(NetException.class, () -> net.addFilter(veth1, Hook.INGRESS, new ClassicFilter(3, 1, f5)));
        assertEquals(Errno.EEXIST, taken.errno());
        NetProgram drop = Progs.constant(net, "other-app", Progs.DROP);
        net.replaceFilter(veth1, Hook.INGRESS, new ClassicFilter(2, 1, drop)); // another app overwrites it
        veth0.send(Progs.frame(Progs.TRACE_FRAME));
        assertEquals(0, veth1.received().size());
        net.deleteFilter(veth1, Hook.INGRESS, 2, 1);
        assertEquals(
                Errno.ENOENT,
                assertThrows(NetException.class, () -> net.deleteFilter(veth1, Hook.INGRESS, 2, 1))
                        .errno());
        assertEquals(2, veth1.filters(Hook.INGRESS).size());
        veth0.send(Progs.frame(Progs.TRACE_FRAME));
        assertEquals(1, veth1.received().size());
    }

    @Test
    void tcxPassSkipsClassicFiltersAndStolenIsConsumed() {
        net.addClsact(veth1);
        net.addFilter(veth1, Hook.INGRESS, new ClassicFilter(1, 1, Progs.constant(net, "stolen", 4)));
        veth0.send(Progs.frame(60));
        assertEquals(0, veth1.received().size());
        assertEquals(1, veth1.counters(Hook.INGRESS).consumed());
        attach(veth1, Hook.INGRESS, Progs.constant(net, "pass", Progs.PASS));
        veth0.send(Progs.frame(60));
        assertEquals(1, veth1.received().size());
    }

    @Test
    void downDevicesNeitherSendNorReceive() {
        veth1.setUp(false);
        assertNull(veth0.send(Progs.frame(60)));
        assertEquals(1, veth1.counters().rxDropped());
        veth0.setUp(false);
        assertEquals(Errno.ENETDOWN, veth0.send(Progs.frame(60)));
        assertTrue(veth1.received().isEmpty());
        veth0.setUp(true);
        veth1.setUp(true);
        veth1.setMtu(100);
        veth0.send(Progs.frame(200));
        assertEquals(2, veth1.counters().rxDropped(), "longer than MTU + Ethernet header");
    }

    @Test
    void hostReceiverAndInjection() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        veth1.onReceive((dev, f) -> seen.add(dev.name() + ":" + f.length));
        veth1.inject(Progs.frame(64));
        veth0.send(Progs.frame(70));
        assertEquals(List.of("veth1:64", "veth1:70"), seen);
        assertThrows(NetException.class, () -> veth1.inject(new byte[3]));
        assertThrows(NetException.class, () -> veth1.send(new byte[13]));
    }
}
