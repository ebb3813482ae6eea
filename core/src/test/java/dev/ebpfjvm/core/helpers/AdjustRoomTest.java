package dev.ebpfjvm.core.helpers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.skb.ChecksumState;
import dev.ebpfjvm.core.skb.Skb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected behaviour as recorded from the kernel with testdata/skb_resize.c (cases/skb_resize). */
class AdjustRoomTest {
    private static final long L2_SHIFT = 56;
    private final Harness h = Harness.frame(Harness.IPV4_UDP);
    private final Skb skb = h.skb();

    private long adjust(long diff, long mode, long flags) {
        return AdjustRoom.adjustRoom(h.ctx, 0, diff, mode, flags, 0);
    }

    @ParameterizedTest(name = "adjust_room({0}, {1}, {2}) = {3}")
    @CsvSource({
        "8,0,0,0,54",
        "20,1,0,0,66",
        "-8,0,0,0,38",
        "-30,0,0,-524,46",
        "8,2,0,-524,46",
        "4096,0,0,-14,46",
        "-4096,0,0,-14,46",
        "8,0,512,-22,46",
        "20,1,2,0,66",
        "20,1,6,-22,46",
        "28,1,26,-22,46",
        "8,0,128,-22,46",
        "-8,0,384,-22,46",
        "-8,0,256,-524,46",
        "4,0,33,0,50"
    })
    void adjustRoom(long diff, long mode, long flags, long rc, int len) {
        assertEquals(rc, adjust(diff, mode, flags));
        assertEquals(len, skb.len());
    }

    @Test
    void encapL2Checks() {
        assertEquals(-22, adjust(28, 1, 2 | 64 | (10L << L2_SHIFT)), "an Ethernet inner header is at least 14 bytes");
        assertEquals(-22, adjust(20, 1, 2 | (30L << L2_SHIFT)), "the inner MAC header must fit in the new room");
        assertEquals(0, adjust(34, 1, 2 | 64 | (14L << L2_SHIFT)));
    }

    @Test
    void macModeMovesNetworkHeaderOntoNewRoom() {
        assertEquals(0, adjust(20, AdjustRoom.MODE_MAC, 0));
        assertEquals(skb.data() + 14, skb.networkHeader());
        assertTrue(h.data().startsWith("000000000000020000000001" + "0800" + "00".repeat(20) + "45"));
    }

    @Test
    void netModeInsertsAfterIpHeader() {
        assertEquals(0, adjust(8, AdjustRoom.MODE_NET, 0));
        assertTrue(h.data().startsWith(Harness.IPV4_UDP.substring(0, 68) + "00".repeat(8) + "03e8"));
        assertEquals(0, adjust(-8, AdjustRoom.MODE_NET, 0));
        assertEquals(Harness.IPV4_UDP, h.data());
    }

    @Test
    void encapsulatingSetsStateAndProtocolAndRefusesTwice() {
        assertEquals(0, adjust(40, AdjustRoom.MODE_MAC, AdjustRoom.F_ENCAP_L3_IPV6 | AdjustRoom.F_ENCAP_L4_UDP));
        assertTrue(skb.meta().isEncapsulation());
        assertEquals(0x86dd, skb.meta().protocol());
        assertEquals(skb.data() + 14 + 40, skb.transportHeader());
        assertEquals(-114, adjust(40, AdjustRoom.MODE_MAC, AdjustRoom.F_ENCAP_L3_IPV6));
    }

    @Test
    void decapSwitchesProtocol() {
        Harness v6 = Harness.frame("000000000000020000000001" + "86dd" + "00".repeat(80));
        assertEquals(0, AdjustRoom.adjustRoom(v6.ctx, 0, -20, AdjustRoom.MODE_MAC, AdjustRoom.F_DECAP_L3_IPV4, 0));
        assertEquals(0x0800, v6.skb().meta().protocol());
    }

    @Test
    void nonIpAndGsoAreEnotsupp() {
        Harness arp = Harness.frame("000000000000020000000001" + "0806" + "00".repeat(30));
        assertEquals(-524, AdjustRoom.adjustRoom(arp.ctx, 0, 8, 0, 0, 0));
        skb.meta().setGsoSize(1000);
        assertEquals(-524, adjust(8, 0, 0));
        assertEquals(-524, adjust(-8, 0, 0));
    }

    @Test
    void successResetsChecksumUnnecessaryUnlessAsked() {
        skb.meta().setChecksum(ChecksumState.UNNECESSARY, 1);
        assertEquals(0, adjust(4, 0, AdjustRoom.F_NO_CSUM_RESET));
        assertEquals(ChecksumState.UNNECESSARY, skb.meta().checksum());
        assertEquals(0, adjust(4, 0, 0));
        assertEquals(ChecksumState.NONE, skb.meta().checksum());
    }
}
