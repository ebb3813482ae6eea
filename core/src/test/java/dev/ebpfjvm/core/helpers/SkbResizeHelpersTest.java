package dev.ebpfjvm.core.helpers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.skb.Skb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected behaviour as recorded from the kernel with testdata/skb_resize.c (cases/skb_resize). */
class SkbResizeHelpersTest {
    private final Harness h = Harness.frame(Harness.IPV4_UDP);
    private final Skb skb = h.skb();

    @ParameterizedTest(name = "change_tail({0}, {1}) = {2}")
    @CsvSource({
        "100,0,0,100",
        "20,0,0,20",
        "14,0,0,14",
        "13,0,-22,46",
        "60,1,-22,46",
        "16064,0,0,16064",
        "16065,0,-22,46"
    })
    void changeTail(long len, long flags, long rc, int newLen) {
        assertEquals(rc, SkbResizeHelpers.changeTail(h.ctx, 0, len, flags, 0, 0));
        assertEquals(newLen, skb.len());
        assertEquals(46, skb.meta().wireLen());
        assertEquals(skb.buffer(), h.ctx.memory().packet());
    }

    @Test
    void changeTail_growsWithZerosAndResetsGso() {
        skb.meta().setGsoSize(1000);
        skb.meta().setGsoSegs(3);
        assertEquals(0, SkbResizeHelpers.changeTail(h.ctx, 0, 60, 0, 0, 0));
        assertTrue(h.data().endsWith("00".repeat(14)));
        assertEquals(0, skb.meta().gsoSize());
        assertEquals(0, skb.meta().gsoSegs());
    }

    @Test
    void changeTail_encapsulationIsEnotsupp() {
        skb.meta().setEncapsulation(true);
        assertEquals(Errno.ENOTSUPP.negative(), SkbResizeHelpers.changeTail(h.ctx, 0, 60, 0, 0, 0));
    }

    @ParameterizedTest(name = "change_head({0}, {1}) = {2}")
    @CsvSource({"14,0,0,60", "4,2,-22,46", "16064,0,-22,46", "4294967295,0,-22,46"})
    void changeHead(long len, long flags, long rc, int newLen) {
        int l3 = skb.networkHeader();
        assertEquals(rc, SkbResizeHelpers.changeHead(h.ctx, 0, len, flags, 0, 0));
        assertEquals(newLen, skb.len());
        if (rc == 0) {
            assertEquals(skb.data(), skb.macHeader());
            assertTrue(h.data().startsWith("00".repeat((int) len) + "000000000000"));
            assertEquals(0x45, skb.buffer()[skb.networkHeader()], "the network header stays on the IP header");
        } else {
            assertEquals(l3, skb.networkHeader());
        }
    }

    @Test
    void changeHead_gsoSkbMayPassTheMaximumUntilAllocationFails() {
        skb.meta().setGsoSize(100);
        assertEquals(0, SkbResizeHelpers.changeHead(h.ctx, 0, 20000, 0, 0, 0));
        assertEquals(Errno.ENOMEM.negative(), SkbResizeHelpers.changeHead(h.ctx, 0, 1 << 21, 0, 0, 0));
    }

    @Test
    void changeProto_4to6InsertsZerosAfterMacHeader() {
        assertEquals(0, SkbResizeHelpers.changeProto(h.ctx, 0, 0xdd86, 0, 0, 0));
        assertEquals(66, skb.len());
        assertEquals(0x86dd, skb.meta().protocol());
        assertTrue(h.data().startsWith("000000000000020000000001" + "0800" + "00".repeat(20) + "45"));
        assertEquals(skb.data() + 14, skb.networkHeader());
        assertEquals(0, SkbResizeHelpers.changeProto(h.ctx, 0, 0x0008, 0, 0, 0));
        assertEquals(Harness.IPV4_UDP, h.data().replace("00".repeat(20) + "45", "45"));
        assertEquals(0x0800, skb.meta().protocol());
    }

    @Test
    void changeProto_errors() {
        skb.meta().setHash(9, true, true);
        assertEquals(Errno.EINVAL.negative(), SkbResizeHelpers.changeProto(h.ctx, 0, 0xdd86, 1, 0, 0));
        assertEquals(Errno.ENOTSUPP.negative(), SkbResizeHelpers.changeProto(h.ctx, 0, 0x0008, 0, 0, 0));
        assertEquals(9, skb.meta().hash());
        Harness v6 = Harness.frame("000000000000020000000001" + "86dd" + "60000000" + "00".repeat(14));
        assertEquals(Errno.ENOMEM.negative(), SkbResizeHelpers.changeProto(v6.ctx, 0, 0x0008, 0, 0, 0));
    }

    @Test
    void changeProto_clearsHash() {
        skb.meta().setHash(9, true, true);
        SkbResizeHelpers.changeProto(h.ctx, 0, 0xdd86, 0, 0, 0);
        assertEquals(0, skb.meta().hash());
    }
}
