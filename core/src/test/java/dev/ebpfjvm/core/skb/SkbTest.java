package dev.ebpfjvm.core.skb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SkbTest {
    private final Skb skb = Skb.of(HexFormat.of().parseHex("0102030405"));

    @Test
    void of_copiesBytesBetweenHeadAndTailroom() {
        assertEquals(Skb.DEFAULT_HEADROOM, skb.headroom());
        assertEquals(Skb.DEFAULT_TAILROOM, skb.tailroom());
        assertEquals(5, skb.len());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, skb.bytes());
    }

    @Test
    void pushWithinHeadroomKeepsBuffer() {
        byte[] before = skb.buffer();
        skb.push(10);
        assertSame(before, skb.buffer());
        assertEquals(15, skb.len());
        skb.pull(10);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, skb.bytes());
    }

    @Test
    void growingPastTheRoomReallocatesAndShiftsPositions() {
        skb.setMacHeader(skb.data());
        skb.setNetworkHeader(skb.data() + 2);
        int netOffset = skb.networkOffset();
        byte[] before = skb.buffer();
        skb.push(100);
        assertNotSame(before, skb.buffer());
        assertEquals(100 + netOffset, skb.networkOffset());
        assertEquals(skb.data() + 100, skb.macHeader());
        skb.pull(100);
        skb.put(1000);
        assertEquals(1005, skb.len());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 0}, java.util.Arrays.copyOf(skb.bytes(), 6));
        assertEquals(Skb.UNSET, Skb.of(new byte[1]).transportHeader());
    }

    @Test
    void trimAndBadCounts() {
        skb.trim(2);
        assertEquals(2, skb.len());
        assertThrows(IllegalArgumentException.class, () -> skb.trim(3));
        assertThrows(IllegalArgumentException.class, () -> skb.pull(3));
        assertThrows(IllegalArgumentException.class, () -> skb.push(-1));
    }

    @Test
    void copyIsDeep() {
        skb.meta().setMark(5);
        skb.meta().cb()[0] = 9;
        Skb c = skb.copy();
        c.buffer()[c.data()] = 42;
        c.meta().setMark(6);
        c.meta().cb()[0] = 8;
        assertEquals(1, skb.bytes()[0]);
        assertEquals(5, skb.meta().mark());
        assertEquals(9, skb.meta().cb()[0]);
        assertEquals(6, c.meta().mark());
    }

    @Test
    void metadataWidths() {
        SkbMetadata m = skb.meta();
        m.setTcIndex(0x12345);
        m.setTcClassid(0x10001);
        m.setQueueMapping(0x1ffff);
        m.setGsoSize(70000);
        m.setPktType(9);
        assertEquals(0x2345, m.tcIndex());
        assertEquals(1, m.tcClassid());
        assertEquals(0xffff, m.queueMapping());
        assertEquals(70000 & 0xffff, m.gsoSize());
        assertEquals(1, m.pktType());
        m.putVlanTag(0x8100, 0x1005);
        m.clearVlanTag();
        assertEquals(0, m.vlanTci());
    }
}
