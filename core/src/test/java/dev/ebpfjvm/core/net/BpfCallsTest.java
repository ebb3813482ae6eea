package dev.ebpfjvm.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bpf(2)-shaped layer: descriptors, raw flag words, negative errno results in the kernel's order. */
class BpfCallsTest {
    private static final int IN = Hook.INGRESS.attachType();
    private static final int BEFORE = Anchor.F_BEFORE;
    private static final int REPLACE = Anchor.F_REPLACE;
    private static final int ID = Anchor.F_ID;
    private static final int LINK = Anchor.F_LINK;

    private Network net;
    private BpfCalls bpf;
    private int ifx;
    private int a;
    private int b;
    private int c;

    @BeforeEach
    void setUp() {
        net = new Network();
        ifx = net.addVeth("veth0", "veth1").get(1).ifindex();
        bpf = new BpfCalls(net);
        a = bpf.open(Progs.constant(net, "a", -1));
        b = bpf.open(Progs.constant(net, "b", -1));
        c = bpf.open(Progs.constant(net, "c", 0));
    }

    private static int err(Errno e) {
        return (int) e.negative();
    }

    @Test
    void descriptorsStartAtThreeAndReuseTheLowest() {
        assertEquals(3, a);
        assertEquals(4, b);
        assertEquals(0, bpf.close(b));
        assertEquals(err(Errno.EBADF), bpf.close(b));
        assertEquals(4, bpf.open(net.programById(2)));
    }

    @Test
    void attachChecksInTheKernelsOrder() {
        assertEquals(err(Errno.EINVAL), bpf.progAttach(ifx, a, 2, 0, 0, 0, 0), "not a tcx attach type");
        assertEquals(err(Errno.EINVAL), bpf.progAttach(99, 99, IN, 2, 0, 0, 0), "flags before fds");
        assertEquals(err(Errno.EBADF), bpf.progAttach(99, 99, IN, 0, 0, 0, 0), "program fd before device");
        assertEquals(err(Errno.ENODEV), bpf.progAttach(99, a, IN, 0, 0, 0, 0));
        assertEquals(err(Errno.EBADF), bpf.progAttach(ifx, a, IN, REPLACE, 77, 0, 0));
        assertEquals(0, bpf.progAttach(ifx, a, IN, 0, 0, 0, 0));
        int link = bpf.linkCreate(b, ifx, IN, 0, 0, 0);
        assertTrue(link > 0);
        assertEquals(err(Errno.EINVAL), bpf.progAttach(ifx, c, IN, BEFORE, 0, link, 0), "a link fd as program");
        assertEquals(err(Errno.EINVAL), bpf.progAttach(ifx, c, IN, BEFORE | LINK, 0, a, 0), "a program fd as link");
        assertEquals(err(Errno.ENOENT), bpf.progAttach(ifx, c, IN, BEFORE | ID, 0, 0, 0), "id 0");
        assertEquals(err(Errno.EBUSY), bpf.progAttach(ifx, c, IN, REPLACE, b, 0, 0));
        assertEquals(
                0,
                bpf.progAttach(
                        ifx, c, IN, BEFORE | LINK | ID, 0, bpf.linkInfo(link).id(), 0));
        BpfCalls.QueryReply q = bpf.progQuery(ifx, IN, 0, 8);
        assertEquals(0, q.error());
        assertArrayEquals(new int[] {1, 3, 2}, q.progIds());
        assertArrayEquals(new int[] {0, 0, bpf.linkInfo(link).id()}, q.linkIds());
        assertEquals(4, q.revision());
    }

    @Test
    void queryWithShortBuffersAndBadArguments() {
        bpf.progAttach(ifx, a, IN, 0, 0, 0, 0);
        bpf.progAttach(ifx, b, IN, 0, 0, 0, 0);
        bpf.progAttach(ifx, c, IN, 0, 0, 0, 0);
        BpfCalls.QueryReply q = bpf.progQuery(ifx, IN, 0, 2);
        assertEquals(err(Errno.ENOSPC), q.error());
        assertEquals(3, q.count());
        assertArrayEquals(new int[] {1, 2}, q.progIds());
        BpfCalls.QueryReply zero = bpf.progQuery(ifx, IN, 0, 0);
        assertEquals(0, zero.error());
        assertEquals(3, zero.count());
        assertEquals(0, zero.progIds().length);
        assertEquals(err(Errno.EINVAL), bpf.progQuery(ifx, IN, 2, 8).error());
        assertEquals(
                err(Errno.EINVAL),
                bpf.progQuery(ifx, IN, BpfCalls.F_QUERY_EFFECTIVE, 8).error());
        assertEquals(err(Errno.ENODEV), bpf.progQuery(99, IN, 0, 8).error());
        assertEquals(err(Errno.EINVAL), bpf.progQuery(ifx, 3, 0, 8).error());
        BpfCalls.QueryReply empty = bpf.progQuery(ifx, Hook.EGRESS.attachType(), 0, 8);
        assertEquals(0, empty.error());
        assertEquals(1, empty.revision());
    }

    @Test
    void detachInTheKernelsOrder() {
        assertEquals(err(Errno.ENOENT), bpf.progDetach(ifx, a, IN, 0, 0, 0), "no chain");
        bpf.progAttach(ifx, a, IN, 0, 0, 0, 0);
        assertEquals(err(Errno.EINVAL), bpf.progDetach(ifx, a, IN, 1, 0, 0));
        assertEquals(err(Errno.EBADF), bpf.progDetach(ifx, 66, IN, 0, 0, 0));
        assertEquals(err(Errno.ENODEV), bpf.progDetach(98, a, IN, 0, 0, 0));
        assertEquals(err(Errno.EINVAL), bpf.progDetach(ifx, a, IN, REPLACE, 0, 0));
        assertEquals(err(Errno.ESTALE), bpf.progDetach(ifx, a, IN, 0, 0, 5));
        assertEquals(err(Errno.ENOENT), bpf.progDetach(ifx, b, IN, 0, 0, 0));
        assertEquals(0, bpf.progDetach(ifx, 0, IN, 0, 0, 2));
    }

    @Test
    void linksThroughDescriptorsAndPins() {
        int l = bpf.linkCreate(a, ifx, IN, 0, 0, 0);
        assertEquals(err(Errno.EINVAL), bpf.linkCreate(b, ifx, 99, 0, 0, 0));
        assertEquals(err(Errno.ESTALE), bpf.linkCreate(b, ifx, IN, 0, 0, 9));
        assertEquals(err(Errno.EINVAL), bpf.linkUpdate(l, b, BEFORE, 0));
        assertEquals(err(Errno.EINVAL), bpf.linkUpdate(a, b, 0, 0), "a program fd as link");
        assertEquals(err(Errno.EINVAL), bpf.linkUpdate(l, b, 0, a), "old fd without REPLACE");
        assertEquals(err(Errno.EPERM), bpf.linkUpdate(l, b, REPLACE, c));
        assertEquals(0, bpf.linkUpdate(l, b, REPLACE, a));
        assertEquals(2, bpf.linkInfo(l).programId());
        assertEquals(0, bpf.objPin(l, "/sys/fs/bpf/l"));
        assertEquals(err(Errno.EEXIST), bpf.objPin(l, "/sys/fs/bpf/l"));
        assertEquals(err(Errno.EINVAL), bpf.objPin(a, "/sys/fs/bpf/p"));
        assertEquals(0, bpf.close(l));
        assertEquals(1, bpf.progQuery(ifx, IN, 0, 8).count(), "the pin holds it");
        assertEquals(err(Errno.ENOENT), bpf.objGet("/nothing"));
        int again = bpf.objGet("/sys/fs/bpf/l");
        assertEquals(0, bpf.linkDetach(again));
        assertEquals(0, bpf.linkDetach(again));
        assertEquals(err(Errno.ENOLINK), bpf.linkUpdate(again, c, 0, 0));
        assertEquals(0, bpf.linkInfo(again).ifindex());
        assertEquals(l, again, "the lowest free descriptor again");
        assertEquals(err(Errno.EBADF), bpf.linkDetach(55));
        assertEquals(
                Errno.EINVAL,
                assertThrows(NetException.class, () -> bpf.linkInfo(a)).errno());
    }

    @Test
    void programAttachedWithoutALinkOutlivesItsDescriptor() {
        bpf.progAttach(ifx, a, IN, 0, 0, 0, 0);
        bpf.close(a);
        assertArrayEquals(new int[] {1}, bpf.progQuery(ifx, IN, 0, 8).progIds());
        assertEquals(0, bpf.progDetach(ifx, 0, IN, 0, 0, 0));
    }
}
