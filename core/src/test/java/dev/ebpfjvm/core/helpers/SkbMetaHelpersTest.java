package dev.ebpfjvm.core.helpers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.skb.Redirect;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.skb.SkbMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hash, packet type, ECN, redirect and environment helpers; kernel facts from testdata/skb_misc.c. */
class SkbMetaHelpersTest {
    private final Harness h = Harness.frame(Harness.IPV4_UDP);
    private final SkbMetadata m = h.skb().meta();

    @Test
    void hash_setRecalcInvalidate() {
        assertEquals(0, SkbMetaHelpers.setHash(h.ctx, 0, 0x1234, 0, 0, 0));
        assertEquals(0x1234, SkbMetaHelpers.getHashRecalc(h.ctx, 0, 0, 0, 0, 0), "a software hash is kept");
        assertEquals(0, SkbMetaHelpers.setHashInvalid(h.ctx, 0, 0, 0, 0, 0));
        assertEquals(0, m.hash());
        long flow = SkbMetaHelpers.getHashRecalc(h.ctx, 0, 0, 0, 0, 0);
        assertNotEquals(0, flow);
        assertEquals(flow, m.hash() & 0xffffffffL);
        assertTrue(m.isL4Hash(), "UDP has ports");
        Harness same = Harness.frame(Harness.IPV4_UDP);
        assertEquals(flow, SkbMetaHelpers.getHashRecalc(same.ctx, 0, 0, 0, 0, 0), "equal flows hash equally");
    }

    @ParameterizedTest(name = "change_type {0} -> {1}")
    @CsvSource({"3,0,3", "4,-22,0", "4294967296,0,0"})
    void changeType(long type, long rc, int after) {
        assertEquals(rc, SkbMetaHelpers.changeType(h.ctx, 0, type, 0, 0, 0));
        assertEquals(after, m.pktType());
    }

    @Test
    void changeType_currentTypeMustBeChangeable() {
        m.setPktType(4);
        assertEquals(-22, SkbMetaHelpers.changeType(h.ctx, 0, 0, 0, 0, 0));
    }

    private static String ipv4WithTos(int tos) {
        String frame = Harness.IPV4_UDP;
        return frame.substring(0, 30) + String.format("%02x", tos) + frame.substring(32);
    }

    @ParameterizedTest(name = "tos {0}: {1}")
    @CsvSource({"0,0,00", "1,1,03", "2,1,03", "3,1,03"})
    void ecnSetCe_ipv4(int tos, long rc, String tosAfter) {
        Harness e = Harness.frame(ipv4WithTos(tos));
        Harness expected = Harness.frame(ipv4WithTos(tos == 0 ? 0 : 3));
        assertEquals(rc, SkbMetaHelpers.ecnSetCe(e.ctx, 0, 0, 0, 0, 0));
        assertEquals(tosAfter, e.data().substring(30, 32));
        if (tos == 1 || tos == 2) {
            // A valid header stays valid: compare with the sum of the rewritten header.
            int sumBefore = Checksum.fold(
                    Checksum.partial(Harness.frame(ipv4WithTos(tos)).skb().buffer(), 64 + 14, 20, 0));
            int sumAfter =
                    Checksum.fold(Checksum.partial(e.skb().buffer(), e.skb().data() + 14, 20, 0));
            assertEquals(sumBefore, sumAfter);
        } else {
            assertEquals(expected.data(), e.data());
        }
    }

    @Test
    void ecnSetCe_ipv6AndOthers() {
        Harness v6 = Harness.frame("000000000000020000000001" + "86dd" + "60200000" + "00".repeat(36));
        assertEquals(1, SkbMetaHelpers.ecnSetCe(v6.ctx, 0, 0, 0, 0, 0));
        assertEquals("6030", v6.data().substring(28, 32));
        Harness notEct = Harness.frame("000000000000020000000001" + "86dd" + "60000000" + "00".repeat(36));
        assertEquals(0, SkbMetaHelpers.ecnSetCe(notEct.ctx, 0, 0, 0, 0, 0));
        Harness arp = Harness.frame("000000000000020000000001" + "0806" + "00".repeat(28));
        assertEquals(0, SkbMetaHelpers.ecnSetCe(arp.ctx, 0, 0, 0, 0, 0));
    }

    @Test
    void lookupsFindNothing() {
        assertEquals(0, SkbMetaHelpers.getCgroupClassid(h.ctx, 0, 0, 0, 0, 0));
        assertEquals(0, SkbMetaHelpers.getRouteRealm(h.ctx, 0, 0, 0, 0, 0));
        assertEquals(0, SkbMetaHelpers.skbUnderCgroup(h.ctx, 0, 0, 0, 0, 0));
    }

    @ParameterizedTest(name = "redirect({0}, {1}) = {2}")
    @CsvSource({"5,0,7", "5,1,7", "5,2,2", "5,-1,2"})
    void redirect(long ifindex, long flags, long rc) {
        assertEquals(rc, RedirectHelpers.redirect(h.ctx, ifindex, flags, 0, 0, 0));
        assertEquals(rc == 7 ? new Redirect(5, flags == 1, false) : null, m.redirect());
    }

    @Test
    void redirectPeer() {
        assertEquals(2, RedirectHelpers.redirectPeer(h.ctx, 5, 1, 0, 0, 0));
        assertEquals(7, RedirectHelpers.redirectPeer(h.ctx, 5, 0, 0, 0, 0));
        assertEquals(new Redirect(5, false, true), m.redirect());
    }

    @Test
    void cloneRedirect_deliversACopyToAnExistingDevice() {
        List<String> got = new ArrayList<>();
        Harness d = Harness.frame(Harness.IPV4_UDP, new dev.ebpfjvm.core.skb.Devices() {
            @Override
            public boolean exists(int ifindex) {
                return ifindex == 3;
            }

            @Override
            public int deliver(Skb clone, int ifindex, boolean ingress) {
                got.add(ifindex + (ingress ? " in " : " out ") + clone.len());
                clone.trim(0);
                return 0;
            }
        });
        assertEquals(0, RedirectHelpers.cloneRedirect(d.ctx, 0, 3, 1, 0, 0));
        assertEquals(List.of("3 in 46"), got);
        assertEquals(46, d.skb().len(), "the original is untouched");
        assertEquals(-22, RedirectHelpers.cloneRedirect(d.ctx, 0, 4, 0, 0, 0));
        assertEquals(-22, RedirectHelpers.cloneRedirect(d.ctx, 0, 3, 4, 0, 0));
        d.skb().setMacHeader(d.skb().networkHeader());
        assertEquals(-34, RedirectHelpers.cloneRedirect(d.ctx, 0, 3, 0, 0, 0));
    }

    @Test
    void cloneRedirect_loopbackTakesIt() {
        assertEquals(0, RedirectHelpers.cloneRedirect(h.ctx, 0, 1, 0, 0, 0));
        assertEquals(-22, RedirectHelpers.cloneRedirect(h.ctx, 0, 999, 0, 0, 0));
    }

    @Test
    void environmentHelpers() {
        assertEquals(Harness.MONO_NS, BaseHelpers.ktimeGetNs(h.ctx, 0, 0, 0, 0, 0));
        assertEquals(Harness.MONO_NS, BaseHelpers.ktimeGetCoarseNs(h.ctx, 0, 0, 0, 0, 0));
        assertEquals(Harness.BOOT_NS, BaseHelpers.ktimeGetBootNs(h.ctx, 0, 0, 0, 0, 0));
        assertEquals(new java.util.Random(7).nextInt() & 0xffffffffL, BaseHelpers.getPrandomU32(h.ctx, 0, 0, 0, 0, 0));
        h.ctx.setCpu(3);
        assertEquals(3, BaseHelpers.getSmpProcessorId(h.ctx, 0, 0, 0, 0, 0));
        assertEquals(0, BaseHelpers.getNumaNodeId(h.ctx, 0, 0, 0, 0, 0));
    }
}
