package dev.ebpfjvm.core.helpers;

import static dev.ebpfjvm.core.helpers.Harness.stack;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkbDataHelpersTest {
    private final Harness h = Harness.frame(Harness.IPV4_UDP);

    @Test
    void storeBytes_copiesIntoPacket() {
        h.putHex(stack(0), "aabbccdd");
        assertEquals(0, SkbDataHelpers.storeBytes(h.ctx, 0, 42, stack(0), 4, 0));
        assertTrue(h.data().endsWith("aabbccdd"));
    }

    @Test
    void storeBytes_invalidateHashClearsHash() {
        h.skb().meta().setHash(5, true, true);
        h.putHex(stack(0), "00");
        assertEquals(
                0,
                SkbDataHelpers.storeBytes(
                        h.ctx, 0, 0, stack(0), 1, SkbDataHelpers.F_INVALIDATE_HASH | SkbDataHelpers.F_RECOMPUTE_CSUM));
        assertEquals(0, h.skb().meta().hash());
        assertFalse(h.skb().meta().isSwHash());
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 8, 1L << 32, -1})
    void storeBytes_unknownFlagsAreEinval(long flags) {
        assertEquals(Errno.EINVAL.negative(), SkbDataHelpers.storeBytes(h.ctx, 0, 0, stack(0), 1, flags));
    }

    @Test
    void storeBytes_pastTheEndIsEfault() {
        String before = h.data();
        assertEquals(Errno.EFAULT.negative(), SkbDataHelpers.storeBytes(h.ctx, 0, 43, stack(0), 4, 0));
        assertEquals(Errno.EFAULT.negative(), SkbDataHelpers.storeBytes(h.ctx, 0, 0x8000_0000L, stack(0), 1, 0));
        assertEquals(
                Errno.EFAULT.negative(),
                SkbDataHelpers.storeBytes(h.ctx, 0, 0xffff_ffffL, stack(0), 2, 0),
                "offset + len wraps as u32 but offset > INT_MAX");
        assertEquals(before, h.data());
    }

    @Test
    void loadBytes_copiesFromPacket() {
        assertEquals(0, SkbDataHelpers.loadBytes(h.ctx, 0, 12, stack(0), 2, 0));
        assertEquals("0800", HexFormat.of().formatHex(h.get(stack(0), 2)));
        assertEquals(0, SkbDataHelpers.loadBytes(h.ctx, 0, 0, stack(0), 46, 0));
        assertEquals(Harness.IPV4_UDP, HexFormat.of().formatHex(h.get(stack(0), 46)));
    }

    @Test
    void loadBytes_pastTheEndZeroesAndIsEfault() {
        h.putHex(stack(0), "ffffffff");
        assertEquals(Errno.EFAULT.negative(), SkbDataHelpers.loadBytes(h.ctx, 0, 44, stack(0), 4, 0));
        assertArrayEquals(new byte[4], h.get(stack(0), 4));
        assertEquals(Errno.EFAULT.negative(), SkbDataHelpers.loadBytes(h.ctx, 0, 0x8000_0000L, stack(0), 4, 0));
    }

    @Test
    void loadBytesRelative_fromMacAndNetworkHeaders() {
        assertEquals(0, SkbDataHelpers.loadBytesRelative(h.ctx, 0, 0, stack(0), 1, SkbDataHelpers.HDR_START_NET));
        assertEquals(0x45, h.get(stack(0), 1)[0]);
        assertEquals(0, SkbDataHelpers.loadBytesRelative(h.ctx, 0, 12, stack(0), 2, SkbDataHelpers.HDR_START_MAC));
        assertEquals("0800", HexFormat.of().formatHex(h.get(stack(0), 2)));
        assertEquals(0, SkbDataHelpers.loadBytesRelative(h.ctx, 0, 28, stack(0), 4, SkbDataHelpers.HDR_START_NET));
    }

    @Test
    void loadBytesRelative_errorsZeroAndAreEfault() {
        h.putHex(stack(0), "ff");
        assertEquals(
                Errno.EFAULT.negative(),
                SkbDataHelpers.loadBytesRelative(h.ctx, 0, 29, stack(0), 4, SkbDataHelpers.HDR_START_NET));
        assertEquals(0, h.get(stack(0), 1)[0]);
        assertEquals(
                Errno.EFAULT.negative(),
                SkbDataHelpers.loadBytesRelative(h.ctx, 0, 0x10000, stack(0), 1, SkbDataHelpers.HDR_START_MAC));
        assertEquals(Errno.EFAULT.negative(), SkbDataHelpers.loadBytesRelative(h.ctx, 0, 0, stack(0), 1, 2));
        h.skb().setMacHeader(dev.ebpfjvm.core.skb.Skb.UNSET);
        assertEquals(
                Errno.EFAULT.negative(),
                SkbDataHelpers.loadBytesRelative(h.ctx, 0, 0, stack(0), 1, SkbDataHelpers.HDR_START_MAC));
    }

    @Test
    void pullData_succeedsWithinTheDataElseEnomem() {
        assertEquals(0, SkbDataHelpers.pullData(h.ctx, 0, 0, 0, 0, 0));
        assertEquals(0, SkbDataHelpers.pullData(h.ctx, 0, 46, 0, 0, 0));
        assertEquals(Errno.ENOMEM.negative(), SkbDataHelpers.pullData(h.ctx, 0, 47, 0, 0, 0));
    }
}
