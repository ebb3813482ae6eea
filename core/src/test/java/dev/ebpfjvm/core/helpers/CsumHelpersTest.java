package dev.ebpfjvm.core.helpers;

import static dev.ebpfjvm.core.helpers.Harness.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.skb.ChecksumState;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsumHelpersTest {
    private static final int IP_CHECK = 24;
    private static final int UDP_CHECK = 40;
    private final Harness h = Harness.frame(Harness.IPV4_UDP);

    private int u16(int off) {
        return (int) LittleEndian.getU16(h.skb().buffer(), h.skb().data() + off);
    }

    private long u32(int off) {
        return LittleEndian.getU32(h.skb().buffer(), h.skb().data() + off);
    }

    /** Rewrites the destination address in place and returns the old value (as loaded). */
    private long rewriteDaddr(long newDaddr) {
        long old = u32(30);
        LittleEndian.putU32(h.skb().buffer(), h.skb().data() + 30, newDaddr);
        return old;
    }

    private int ipHeaderSum() {
        return Checksum.fold(Checksum.partial(h.skb().buffer(), h.skb().data() + 14, 20, 0));
    }

    @Test
    void l3CsumReplace_size4KeepsHeaderValid() {
        long to = 0x0900a8c0L;
        long from = rewriteDaddr(to);
        assertEquals(0, CsumHelpers.l3CsumReplace(h.ctx, 0, IP_CHECK, from, to, 4));
        assertEquals(0, ipHeaderSum());
    }

    @Test
    void l3CsumReplace_size2AndDiffKeepHeaderValid() {
        int off = 14 + 8;
        int oldTtlProto = u16(off);
        int newTtlProto = (oldTtlProto & 0xff00) | 0x3f;
        LittleEndian.putU16(h.skb().buffer(), h.skb().data() + off, newTtlProto);
        assertEquals(0, CsumHelpers.l3CsumReplace(h.ctx, 0, IP_CHECK, oldTtlProto, newTtlProto, 2));
        assertEquals(0, ipHeaderSum());
        long to = 0x0102a8c0L;
        long from = rewriteDaddr(to);
        h.put(stack(0), le32(from));
        h.put(stack(4), le32(to));
        long diff = CsumHelpers.csumDiff(h.ctx, stack(0), 4, stack(4), 4, 0);
        assertEquals(0, CsumHelpers.l3CsumReplace(h.ctx, 0, IP_CHECK, 0, diff, 0));
        assertEquals(0, ipHeaderSum());
    }

    private static byte[] le32(long v) {
        byte[] b = new byte[4];
        LittleEndian.putU32(b, 0, v);
        return b;
    }

    @ParameterizedTest(name = "offset {0} flags {1} -> {2}")
    @CsvSource({"24,16,-22", "24,1,-22", "24,3,-22", "25,4,-14", "65536,4,-14", "45,4,-14", "44,4,0"})
    void l3CsumReplace_errors(long offset, long flags, long expected) {
        assertEquals(expected, CsumHelpers.l3CsumReplace(h.ctx, 0, offset, 0, 0, flags));
    }

    @Test
    void l3CsumReplace_diffModeNeedsZeroFrom() {
        assertEquals(Errno.EINVAL.negative(), CsumHelpers.l3CsumReplace(h.ctx, 0, IP_CHECK, 1, 0, 0));
    }

    @Test
    void l4CsumReplace_pseudoHeaderChangeKeepsUdpValid() {
        long to = 0x0900a8c0L;
        long from = rewriteDaddr(to);
        assertEquals(0, CsumHelpers.l4CsumReplace(h.ctx, 0, UDP_CHECK, from, to, 4 | CsumHelpers.F_PSEUDO_HDR));
        assertEquals(0, udpSum());
    }

    private int udpSum() {
        byte[] b = h.skb().buffer();
        int d = h.skb().data();
        byte[] pseudo = new byte[12];
        System.arraycopy(b, d + 26, pseudo, 0, 8);
        pseudo[9] = 17;
        pseudo[11] = 12;
        int sum = Checksum.partial(pseudo, 0, 12, 0);
        return Checksum.fold(Checksum.partial(b, d + 34, 12, sum));
    }

    @Test
    void l4CsumReplace_mangledZeroLeavesZeroChecksum() {
        LittleEndian.putU16(h.skb().buffer(), h.skb().data() + UDP_CHECK, 0);
        assertEquals(0, CsumHelpers.l4CsumReplace(h.ctx, 0, UDP_CHECK, 1, 2, 2 | CsumHelpers.F_MARK_MANGLED_0));
        assertEquals(0, u16(UDP_CHECK));
        assertEquals(
                0,
                CsumHelpers.l4CsumReplace(
                        h.ctx, 0, UDP_CHECK, 0, 0x1234, CsumHelpers.F_MARK_MANGLED_0 | CsumHelpers.F_MARK_ENFORCE));
        assertEquals(Checksum.replaceByDiff(0, 0x1234), u16(UDP_CHECK));
    }

    @Test
    void l4CsumReplace_mangledZeroTurnsZeroResultInto0xffff() {
        int check = u16(UDP_CHECK);
        // Changing a field from 0 to ~check's complement makes the folded result 0.
        int to = check;
        assertEquals(0, CsumHelpers.l4CsumReplace(h.ctx, 0, UDP_CHECK, 0, to, 2 | CsumHelpers.F_MARK_MANGLED_0));
        assertEquals(Checksum.replace4(check, 0, to) == 0 ? 0xffff : Checksum.replace4(check, 0, to), u16(UDP_CHECK));
    }

    @ParameterizedTest(name = "offset {0} flags {1} -> {2}")
    @CsvSource({"40,256,-22", "40,8,-22", "41,2,-14", "45,2,-14", "40,128,0", "40,132,0"})
    void l4CsumReplace_errors(long offset, long flags, long expected) {
        assertEquals(expected, CsumHelpers.l4CsumReplace(h.ctx, 0, offset, 0, 0, flags));
    }

    /** Values recorded from the kernel (6.18) with a probe program; see testdata/skb_csum.c. */
    @ParameterizedTest(name = "csum_diff case {index}")
    @CsvSource({
        "040302010000ffff7856341200000000,0d0c0b0a0100000021436587ffffffff,0,0x73ed",
        "'',0d0c0b0a0100000021436587ffffffff,0,0xe09f",
        "040302010000ffff7856341200000000,'',0,0x934d",
        "040302010000ffff,0d0c0b0a,0x12345,0x3558",
        "'','',0xdeadbeef,0x9d9d",
        "00000000000000000000000000000000,00000000000000000000000000000000,0,0xffff",
        "'',00000000000000000000000000000000,0,0",
        "00000000000000000000000000000000,'',0,0",
        "04030201,0d0c0b0a,0xffffffff,0x1212",
        "0d0c0b0a0100000021436587ffffffff,0d0c0b0a0100000021436587ffffffff,0,0xffff",
        "040302010000ffff7856341200000000,0d0c0b0a0100000021436587ffffffff,0xfffffff0,0x73de",
        "0403,0d0c0b0a,0,0x1314",
        "010000,0100000000,0,0xffff"
    })
    void csumDiff_matchesKernel(String from, String to, String seed, String expected) {
        byte[] f = HexFormat.of().parseHex(from);
        byte[] t = HexFormat.of().parseHex(to);
        h.put(stack(0), f);
        h.put(stack(100), t);
        long r = CsumHelpers.csumDiff(
                h.ctx,
                f.length == 0 ? 0 : stack(0),
                f.length,
                t.length == 0 ? 0 : stack(100),
                t.length,
                Long.decode(seed));
        assertEquals(Long.decode(expected).longValue(), r);
    }

    @Test
    void csumUpdate_isEnotsuppWithoutChecksumComplete() {
        assertEquals(Errno.ENOTSUPP.negative(), CsumHelpers.csumUpdate(h.ctx, 0, 5, 0, 0, 0));
    }

    @Test
    void csumLevel_incrementsDecrementsResetsAndQueries() {
        assertEquals(Errno.EACCES.negative(), CsumHelpers.csumLevel(h.ctx, 0, CsumHelpers.CSUM_LEVEL_QUERY, 0, 0, 0));
        assertEquals(0, CsumHelpers.csumLevel(h.ctx, 0, CsumHelpers.CSUM_LEVEL_INC, 0, 0, 0));
        assertEquals(ChecksumState.UNNECESSARY, h.skb().meta().checksum());
        assertEquals(0, CsumHelpers.csumLevel(h.ctx, 0, CsumHelpers.CSUM_LEVEL_QUERY, 0, 0, 0));
        for (int i = 0; i < 5; i++) {
            CsumHelpers.csumLevel(h.ctx, 0, CsumHelpers.CSUM_LEVEL_INC, 0, 0, 0);
        }
        assertEquals(3, CsumHelpers.csumLevel(h.ctx, 0, CsumHelpers.CSUM_LEVEL_QUERY, 0, 0, 0));
        assertEquals(0, CsumHelpers.csumLevel(h.ctx, 0, CsumHelpers.CSUM_LEVEL_DEC, 0, 0, 0));
        assertEquals(2, CsumHelpers.csumLevel(h.ctx, 0, CsumHelpers.CSUM_LEVEL_QUERY, 0, 0, 0));
        assertEquals(0, CsumHelpers.csumLevel(h.ctx, 0, CsumHelpers.CSUM_LEVEL_RESET, 0, 0, 0));
        assertEquals(Errno.EACCES.negative(), CsumHelpers.csumLevel(h.ctx, 0, CsumHelpers.CSUM_LEVEL_QUERY, 0, 0, 0));
        assertEquals(Errno.EINVAL.negative(), CsumHelpers.csumLevel(h.ctx, 0, 4, 0, 0, 0));
    }

    @Test
    void csumLevel_decrementAtZeroDropsToNone() {
        CsumHelpers.csumLevel(h.ctx, 0, CsumHelpers.CSUM_LEVEL_INC, 0, 0, 0);
        CsumHelpers.csumLevel(h.ctx, 0, CsumHelpers.CSUM_LEVEL_DEC, 0, 0, 0);
        assertEquals(ChecksumState.NONE, h.skb().meta().checksum());
    }

    /** Property: an incremental 4-byte update always leaves a header that sums to zero, as recomputation does. */
    @Test
    void l3CsumReplace_randomRewritesStayValid() {
        long seed = Long.getLong("ebpfjvm.seed", System.nanoTime());
        Random r = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            long to = r.nextInt() & 0xffffffffL;
            long from = rewriteDaddr(to);
            assertEquals(0, CsumHelpers.l3CsumReplace(h.ctx, 0, IP_CHECK, from, to, 4), "seed " + seed);
            assertEquals(0, ipHeaderSum(), "seed " + seed + " iteration " + i);
        }
    }
}
