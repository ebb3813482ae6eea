package dev.ebpfjvm.core.helpers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.skb.SkbMetadata;
import org.junit.jupiter.api.Test;

/** Expected behaviour as recorded from the kernel with testdata/skb_vlan.c (cases/skb_vlan). */
class VlanHelpersTest {
    private static final long BE_8021Q = 0x0081;
    private static final long BE_8021AD = 0xa888;
    private final Harness h = Harness.frame(Harness.IPV4_UDP);
    private final SkbMetadata m = h.skb().meta();

    private long push(long proto, long tci) {
        return VlanHelpers.push(h.ctx, 0, proto, tci, 0, 0);
    }

    private long pop() {
        return VlanHelpers.pop(h.ctx, 0, 0, 0, 0, 0);
    }

    @Test
    void push_firstTagIsOnlyAccelerated() {
        String before = h.data();
        assertEquals(0, push(BE_8021Q, 100));
        assertEquals(before, h.data());
        assertTrue(m.vlanPresent());
        assertEquals(100, m.vlanTci());
        assertEquals(0x8100, m.vlanProto());
        assertEquals(0x0800, m.protocol());
    }

    @Test
    void push_secondTagWritesTheFirstIntoThePacket() {
        push(BE_8021Q, 100);
        assertEquals(0, push(BE_8021AD, 201));
        assertEquals(50, h.skb().len());
        assertTrue(h.data().startsWith("000000000000020000000001" + "8100" + "0064" + "0800" + "45"));
        assertEquals(0x8100, m.protocol());
        assertEquals(0x88a8, m.vlanProto());
        assertEquals(201, m.vlanTci());
        assertEquals(h.skb().data() + 14, h.skb().networkHeader(), "the network header moves onto the inserted tag");
        assertEquals(46, m.wireLen(), "wire_len does not change");
    }

    @Test
    void push_unknownProtocolMeans8021Q() {
        assertEquals(0, push(0x0008, 300));
        assertEquals(0x8100, m.vlanProto());
    }

    @Test
    void push_faultsWhenDataIsNotAtMacHeader() {
        push(BE_8021Q, 1);
        h.skb().pull(2);
        assertEquals(Errno.EINVAL.negative(), push(BE_8021Q, 2));
    }

    @Test
    void pop_reversesPushes() {
        String before = h.data();
        push(BE_8021Q, 100);
        push(BE_8021AD, 201);
        push(BE_8021Q, 102);
        assertEquals(0, pop());
        assertEquals(0x88a8, m.vlanProto());
        assertEquals(201, m.vlanTci());
        assertEquals(0x8100, m.protocol());
        assertEquals(0, pop());
        assertEquals(0, pop());
        assertFalse(m.vlanPresent());
        assertEquals(before, h.data());
        assertEquals(0x0800, m.protocol());
    }

    @Test
    void pop_untaggedDoesNothing() {
        assertEquals(0, pop());
        assertFalse(m.vlanPresent());
    }

    @Test
    void pop_inPacketTagAndQinQ() {
        Harness q = Harness.frame("000000000000020000000001" + "88a8" + "000a" + "8100" + "0014" + "0800"
                + Harness.IPV4_UDP.substring(28));
        assertEquals(0, VlanHelpers.pop(q.ctx, 0, 0, 0, 0, 0));
        SkbMetadata qm = q.skb().meta();
        assertTrue(qm.vlanPresent(), "the inner tag moves out of the packet");
        assertEquals(0x14, qm.vlanTci());
        assertEquals(0x8100, qm.vlanProto());
        assertEquals(0x0800, qm.protocol());
        assertEquals(Harness.IPV4_UDP, q.data());
        assertEquals(q.skb().data() + 14, q.skb().networkHeader());
    }

    @Test
    void pop_truncatedTagIsEnomem() {
        Harness t = Harness.frame("000000000000020000000001" + "8100" + "0064");
        assertEquals(Errno.ENOMEM.negative(), VlanHelpers.pop(t.ctx, 0, 0, 0, 0, 0));
    }

    @Test
    void pop_encapsulatedLengthMeans8023Or8022() {
        Harness raw = Harness.frame("000000000000020000000001" + "8100" + "0064" + "0020" + "ffff" + "00".repeat(10));
        assertEquals(0, VlanHelpers.pop(raw.ctx, 0, 0, 0, 0, 0));
        assertEquals(0x0001, raw.skb().meta().protocol());
        Harness llc = Harness.frame("000000000000020000000001" + "8100" + "0064" + "0020" + "4242" + "00".repeat(10));
        assertEquals(0, VlanHelpers.pop(llc.ctx, 0, 0, 0, 0, 0));
        assertEquals(0x0004, llc.skb().meta().protocol());
    }
}
