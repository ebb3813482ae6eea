package dev.ebpfjvm.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The typed tcx API: every anchor, every error, link lifetime, pins, device removal. */
class TcxApiTest {
    private Network net;
    private NetDevice dev;
    private NetProgram a;
    private NetProgram b;
    private NetProgram c;
    private NetProgram d;

    @BeforeEach
    void setUp() {
        net = new Network();
        dev = net.addVeth("veth0", "veth1").get(1);
        a = Progs.constant(net, "a", Progs.NEXT);
        b = Progs.constant(net, "b", Progs.NEXT);
        c = Progs.constant(net, "c", Progs.NEXT);
        d = Progs.constant(net, "d", Progs.PASS);
    }

    private TcxOptions opts(NetProgram p, Anchor anchor) {
        return TcxOptions.of(dev, Hook.INGRESS, p).at(anchor);
    }

    private void attach(NetProgram p, Anchor anchor) {
        net.attachProgram(opts(p, anchor));
    }

    private List<NetProgram> chain() {
        TcxChain ch = dev.chain(Hook.INGRESS);
        return ch == null ? List.of() : ch.programs();
    }

    private static void assertErrno(Errno errno, Executable call) {
        NetException e = assertThrows(NetException.class, call);
        assertEquals(errno, e.errno(), e.getMessage());
    }

    @Test
    void tailIsTheDefaultAndHeadPrepends() {
        attach(a, null);
        attach(b, Anchor.tail());
        attach(c, Anchor.head());
        attach(d, Anchor.none());
        assertEquals(List.of(c, a, b, d), chain());
        assertEquals(5, dev.chain(Hook.INGRESS).revision());
    }

    @Test
    void beforeAndAfterPrograms() {
        attach(a, null);
        attach(b, null);
        attach(c, Anchor.before(b));
        attach(d, Anchor.after(a));
        assertEquals(List.of(a, d, c, b), chain());
    }

    @Test
    void beforeAndAfterProgramIds() {
        attach(a, null);
        attach(b, Anchor.beforeProgramId(a.id()));
        attach(c, Anchor.afterProgramId(a.id()));
        assertEquals(List.of(b, a, c), chain());
    }

    @Test
    void beforeAndAfterLinks() {
        Link l1 = net.attachTcx(opts(a, null));
        Link l2 = net.attachTcx(opts(b, Anchor.before(l1)));
        attach(c, Anchor.after(l2));
        attach(d, Anchor.afterLinkId(l1.id()));
        Link l3 = net.attachTcx(opts(Progs.constant(net, "e", 0), Anchor.beforeLinkId(l2.id())));
        assertEquals(List.of(l3.program(), b, c, a, d), chain());
        TcxQuery q = net.query(dev, Hook.INGRESS);
        assertEquals(
                List.of(l3.id(), l2.id(), 0, l1.id(), 0),
                q.entries().stream().map(TcxQuery.Attached::linkId).toList());
    }

    @Test
    void replaceSwapsInPlace() {
        attach(a, null);
        attach(b, null);
        long rev = dev.chain(Hook.INGRESS).revision();
        attach(c, Anchor.replace(a));
        assertEquals(List.of(c, b), chain());
        assertEquals(rev + 1, dev.chain(Hook.INGRESS).revision());
    }

    @Test
    void errorsOfAttach() {
        attach(a, null);
        assertErrno(Errno.EEXIST, () -> attach(a, Anchor.head()));
        assertErrno(Errno.ESTALE, () -> net.attachProgram(opts(b, null).expecting(7)));
        assertErrno(Errno.ESTALE, () -> net.attachProgram(opts(a, null).expecting(7))); // ESTALE before EEXIST
        assertErrno(Errno.ENOENT, () -> attach(b, Anchor.before(c)));
        assertErrno(Errno.ENOENT, () -> attach(b, Anchor.beforeProgramId(999)));
        assertErrno(Errno.ENOENT, () -> attach(b, Anchor.afterLinkId(999)));
        assertErrno(Errno.ENOENT, () -> attach(b, Anchor.replace(c)));
        assertErrno(Errno.EINVAL, () -> attach(b, new Anchor(0, a, null, 0)));
        assertErrno(Errno.EINVAL, () -> attach(b, new Anchor(Anchor.F_BEFORE | Anchor.F_LINK, null, null, 0)));
        assertErrno(Errno.EINVAL, () -> attach(b, new Anchor(2, null, null, 0))); // ALLOW_MULTI
        assertErrno(Errno.ERANGE, () -> attach(b, new Anchor(Anchor.F_BEFORE | Anchor.F_AFTER, null, null, 0)));
        net.attachProgram(opts(b, null).expecting(2));
        assertEquals(List.of(a, b), chain());
    }

    @Test
    void linkOwnedEntriesResistProgramOperations() {
        Link l = net.attachTcx(opts(a, null));
        assertErrno(Errno.EBUSY, () -> attach(b, Anchor.replace(a)));
        assertErrno(Errno.EBUSY, () -> net.detachProgram(opts(a, null)));
        assertErrno(Errno.EBUSY, () -> net.detachProgram(opts(null, Anchor.head())));
        assertErrno(Errno.EEXIST, () -> net.attachTcx(opts(a, null)));
        assertEquals(List.of(a), chain());
        l.update(b);
        assertEquals(List.of(b), chain());
        assertSame(b, l.program());
    }

    @Test
    void chainHoldsSixtyThreeEntries() {
        List<NetProgram> all = new ArrayList<>();
        for (int i = 0; i < TcxChain.MAX_ENTRIES; i++) {
            NetProgram p = Progs.constant(net, "p" + i, Progs.NEXT);
            all.add(p);
            attach(p, null);
        }
        assertEquals(all, chain());
        NetProgram extra = Progs.constant(net, "extra", 0);
        assertErrno(Errno.ERANGE, () -> attach(extra, null));
        assertErrno(Errno.ERANGE, () -> net.attachTcx(opts(extra, null)));
        assertErrno(Errno.ERANGE, () -> attach(extra, Anchor.head()));
        attach(extra, Anchor.replace(all.get(5)));
        assertSame(extra, chain().get(5));
    }

    @Test
    void detachByProgramAndByPosition() {
        attach(a, null);
        attach(b, null);
        attach(c, null);
        attach(d, null);
        net.detachProgram(opts(b, null));
        assertEquals(List.of(a, c, d), chain());
        net.detachProgram(opts(null, Anchor.head()));
        assertEquals(List.of(c, d), chain());
        net.detachProgram(opts(null, Anchor.tail()));
        assertEquals(List.of(c), chain());
        assertErrno(Errno.ENOENT, () -> net.detachProgram(opts(a, null)));
        assertErrno(Errno.ESTALE, () -> net.detachProgram(opts(c, null).expecting(1)));
        assertErrno(Errno.EINVAL, () -> net.detachProgram(opts(c, new Anchor(Anchor.F_REPLACE, null, null, 0))));
        net.detachProgram(opts(null, Anchor.none()));
        assertNull(dev.chain(Hook.INGRESS));
        assertEquals(new TcxQuery(1, List.of()), net.query(dev, Hook.INGRESS));
        assertErrno(Errno.ENOENT, () -> net.detachProgram(opts(a, null)));
    }

    @Test
    void linkUpdateChecksTheOldProgram() {
        Link l = net.attachTcx(opts(a, null));
        attach(c, null);
        assertErrno(Errno.EPERM, () -> l.update(b, c));
        assertErrno(Errno.EEXIST, () -> l.update(c));
        long rev = dev.chain(Hook.INGRESS).revision();
        l.update(a);
        assertEquals(rev, dev.chain(Hook.INGRESS).revision(), "same program: no new revision");
        l.update(b, a);
        assertEquals(List.of(b, c), chain());
        assertEquals(b.id(), l.info().programId());
    }

    @Test
    void linkDetachLeavesItAliveButDetached() {
        Link l = net.attachTcx(opts(a, null));
        l.detach();
        assertEquals(List.of(), chain());
        assertEquals(0, l.info().ifindex());
        assertErrno(Errno.ENOLINK, () -> l.update(b));
        l.detach();
        l.close();
        l.close();
        assertErrno(Errno.EBADF, l::detach);
    }

    @Test
    void closingTheLastHandleDetachesUnlessPinned() {
        Link l1 = net.attachTcx(opts(a, null));
        Link l2 = net.attachTcx(opts(b, null));
        l1.close();
        assertEquals(List.of(b), chain());
        l2.pin("/l2");
        assertErrno(Errno.EEXIST, () -> l2.pin("/l2"));
        l2.close();
        assertEquals(List.of(b), chain());
        Link again = net.loadPinnedLink("/l2");
        assertEquals(dev.ifindex(), again.info().ifindex());
        net.pins().unpin("/l2");
        assertEquals(List.of(b), chain(), "the new handle still holds it");
        again.close();
        assertEquals(List.of(), chain());
        assertErrno(Errno.ENOENT, () -> net.loadPinnedLink("/l2"));
        assertErrno(Errno.ENOENT, () -> net.pins().unpin("/l2"));
    }

    @Test
    void deviceRemovalReleasesProgramsAndDetachesLinks() {
        Link l = net.attachTcx(opts(a, null));
        attach(b, null);
        net.addClsact(dev);
        net.remove(dev);
        assertTrue(dev.isRemoved());
        assertNull(net.device("veth1"));
        assertNull(net.device("veth0"), "the peer goes too");
        assertEquals(0, l.info().ifindex());
        assertErrno(Errno.ENOLINK, () -> l.update(c));
        l.detach();
        l.close();
        assertErrno(Errno.ENODEV, () -> attach(c, null));
        assertErrno(Errno.ENODEV, () -> net.query(dev, Hook.INGRESS));
        assertErrno(Errno.ENODEV, () -> net.remove(dev));
        assertErrno(Errno.EINVAL, () -> net.remove(net.loopback()));
    }

    @Test
    void clsactKeepsAnEmptyChain() {
        net.addClsact(dev);
        assertEquals(new TcxQuery(1, List.of()), net.query(dev, Hook.EGRESS));
        attach(a, null);
        net.detachProgram(opts(a, null));
        assertEquals(3, net.query(dev, Hook.INGRESS).revision());
        net.deleteClsact(dev);
        assertNull(dev.chain(Hook.INGRESS));
        assertErrno(Errno.EINVAL, () -> net.deleteClsact(dev));
    }

    @Test
    void devicesGetIfindexesAndUniqueNames() {
        assertEquals(1, net.loopback().ifindex());
        assertEquals(2, net.device("veth0").ifindex());
        assertEquals(3, dev.ifindex());
        assertSame(net.device("veth0"), dev.peer());
        assertErrno(Errno.EEXIST, () -> net.addDummy("veth0"));
        assertErrno(Errno.EEXIST, () -> net.addVeth("x", "x"));
        NetDevice dummy = net.addDummy("dummy0");
        assertEquals(4, dummy.ifindex());
        assertErrno(Errno.EINVAL, () -> dummy.setMtu(10));
        dummy.setMtu(9000);
        assertEquals(9000, dummy.mtu());
        assertEquals(
                List.of("lo", "veth0", "veth1", "dummy0"),
                net.devices().stream().map(NetDevice::name).toList());
    }
}
