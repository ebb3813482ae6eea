package dev.ebpfjvm.core.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every rejection of the readers: a typed exception naming the offset and the reason. */
class MalformedCaptureTest {
    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] pcapHeader(int major) {
        return le(24).putInt(0xa1b2c3d4)
                .putShort((short) major)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt(65535)
                .putInt(1)
                .array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void rejected(byte[] capture, long offset, String reason) {
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> CaptureReader.readAll(capture));
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith("capture offset " + offset + ": "), e.getMessage());
    }

    @Test
    void unknownMagic() {
        rejected(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, "neither pcap nor pcapng");
    }

    @Test
    void pcapTruncatedFileHeader() {
        rejected(Arrays.copyOf(pcapHeader(2), 14), 4, "truncated pcap file header: 20 bytes needed, 10 left");
    }

    @Test
    void pcapMajorVersion() {
        rejected(pcapHeader(3), 4, "pcap major version 3");
    }

    @Test
    void pcapTruncatedRecordHeader() {
        rejected(concat(pcapHeader(2), new byte[5]), 24, "truncated pcap record header");
    }

    @Test
    void pcapCapturedBeyondOriginal() {
        rejected(
                concat(
                        pcapHeader(2),
                        le(16).putInt(1).putInt(0).putInt(61).putInt(60).array(),
                        new byte[61]),
                32,
                "captured length 61 > original length 60");
    }

    @Test
    void pcapHugeCapturedLength() {
        rejected(
                concat(
                        pcapHeader(2),
                        le(16).putInt(1).putInt(0).putInt(-16).putInt(-16).array()),
                32,
                "captured length 4294967280 > 262144");
    }

    @Test
    void pcapHugeOriginalLength() {
        rejected(
                concat(
                        pcapHeader(2),
                        le(16).putInt(1).putInt(0).putInt(4).putInt(-1).array(),
                        new byte[4]),
                36,
                "original length 4294967295 too large");
    }

    @Test
    void pcapTruncatedPacketData() {
        rejected(
                concat(
                        pcapHeader(2),
                        le(16).putInt(1).putInt(0).putInt(100).putInt(100).array(),
                        new byte[10]),
                40,
                "truncated packet data of record at offset 24: 100 bytes needed, 10 left");
    }

    /** A stream that records the largest read it is asked for. */
    private static final class Watched extends ByteArrayInputStream {
        int largest;

        Watched(byte[] b) {
            super(b);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            largest = Math.max(largest, b.length);
            return super.read(b, off, len);
        }
    }

    @Test
    void aFewBytesClaimingMuchAllocateLittle() {
        byte[] pcapng =
                concat(shb(28), le(8).putInt(1).putInt(PcapngSource.MAX_BLOCK).array(), new byte[8]);
        Watched in = new Watched(pcapng);
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> readAll(in));
        assertEquals(36, e.offset());
        assertTrue(e.getMessage().contains("16777208 bytes needed, 8 left"), e.getMessage());
        assertTrue(in.largest <= 16384, "buffer of " + in.largest + " bytes for an 44-byte capture");
        Watched pcap = new Watched(concat(
                pcapHeader(2),
                le(16).putInt(1).putInt(0).putInt(262144).putInt(262144).array(),
                new byte[3]));
        assertThrows(CaptureFormatException.class, () -> readAll(pcap));
        assertTrue(pcap.largest <= 16384, "buffer of " + pcap.largest + " bytes");
    }

    private static void readAll(InputStream in) {
        try (CaptureReader r = CaptureReader.open(in)) {
            while (r.next() != null) {
                continue;
            }
        }
    }

    // pcapng

    private static byte[] shb(int length) {
        return le(28).putInt(PcapngSource.SHB)
                .putInt(length)
                .putInt(0x1a2b3c4d)
                .putShort((short) 1)
                .putShort((short) 0)
                .putLong(-1)
                .putInt(length)
                .array();
    }

    private static byte[] block(int type, byte[] body) {
        int len = 12 + body.length;
        return le(len).putInt(type).putInt(len).put(body).putInt(len).array();
    }

    private static byte[] idb(int linkType, byte[] options) {
        return block(
                1,
                le(8 + options.length)
                        .putShort((short) linkType)
                        .putShort((short) 0)
                        .putInt(0)
                        .put(options)
                        .array());
    }

    private static byte[] epb(int iface, int cap, int orig, int dataLen) {
        return block(
                6,
                le(20 + dataLen)
                        .putInt(iface)
                        .putInt(0)
                        .putInt(0)
                        .putInt(cap)
                        .putInt(orig)
                        .array());
    }

    @Test
    void pcapngBadByteOrderMagic() {
        byte[] b = shb(28);
        b[8] = 0x77;
        rejected(b, 8, "bad byte-order magic 0x1a2b3c77");
    }

    @Test
    void pcapngMajorVersion() {
        byte[] b = shb(28);
        b[12] = 2;
        rejected(b, 12, "pcapng major version 2");
    }

    @Test
    void pcapngLengthTooSmall() {
        rejected(concat(shb(28), le(12).putInt(6).putInt(8).putInt(8).array()), 32, "block length 8 < 12");
        rejected(concat(shb(24)), 4, "block length 24 < 28");
    }

    @Test
    void pcapngLengthNotAligned() {
        rejected(concat(shb(28), le(16).putInt(6).putInt(14).putInt(14).array()), 32, "not a multiple of 4");
    }

    @Test
    void pcapngHugeLength() {
        rejected(
                concat(shb(28), le(12).putInt(6).putInt(0x7ffffffc).putInt(0).array()),
                32,
                "block length 2147483644 > 16777216");
        rejected(shb(-4), 4, "block length 4294967292 > 16777216");
    }

    @Test
    void pcapngTrailerMismatch() {
        byte[] b = concat(shb(28), block(0xbad, new byte[4]));
        b[b.length - 4] = 20;
        rejected(b, 40, "trailing block length 20 != leading block length 16");
    }

    @Test
    void pcapngTruncatedBlock() {
        byte[] b = concat(shb(28), block(0xbad, new byte[8]));
        rejected(Arrays.copyOf(b, b.length - 2), 36, "truncated pcapng block at offset 28 of length 20");
        rejected(Arrays.copyOf(b, 30), 28, "truncated pcapng block type");
        rejected(Arrays.copyOf(shb(28), 10), 4, "truncated pcapng section header");
    }

    @Test
    void pcapngPacketBeforeItsInterface() {
        rejected(concat(shb(28), epb(0, 0, 0, 0)), 36, "interface 0 not declared (0 in this section)");
        rejected(concat(shb(28), block(3, new byte[4])), 36, "interface 0 not declared");
        rejected(concat(shb(28), idb(1, new byte[0]), shb(28), epb(0, 0, 0, 0)), 84, "interface 0 not declared");
    }

    @Test
    void pcapngCapturedBeyondTheBlock() {
        rejected(
                concat(shb(28), idb(1, new byte[0]), epb(0, 5, 5, 4)),
                68,
                "captured length 5 > the 4 bytes the block holds");
    }

    @Test
    void pcapngCapturedBeyondOriginal() {
        rejected(concat(shb(28), idb(1, new byte[0]), epb(0, 4, 3, 4)), 68, "captured length 4 > original length 3");
    }

    @Test
    void pcapngHugeOriginalLength() {
        rejected(concat(shb(28), idb(1, new byte[0]), epb(0, 0, -1, 0)), 72, "original length 4294967295 too large");
        rejected(
                concat(shb(28), idb(1, new byte[0]), block(3, le(4).putInt(-1).array())),
                56,
                "original length 4294967295 too large");
    }

    @Test
    void pcapngShortBodies() {
        rejected(concat(shb(28), idb(1, new byte[0]), block(6, new byte[16])), 56, "enhanced packet body 16 < 20");
        rejected(concat(shb(28), idb(1, new byte[0]), block(2, new byte[16])), 56, "packet block body 16 < 20");
        rejected(concat(shb(28), idb(1, new byte[0]), block(3, new byte[0])), 56, "simple packet body 0 < 4");
        rejected(concat(shb(28), block(1, new byte[4])), 36, "interface description body 4 < 8");
    }

    @Test
    void pcapngOtherLinkType() {
        rejected(concat(shb(28), idb(101, new byte[0])), 36, "link type 101 is not LINKTYPE_ETHERNET");
    }

    @Test
    void pcapngBadOptions() {
        rejected(
                concat(
                        shb(28),
                        idb(
                                1,
                                le(8).putShort((short) 9)
                                        .putShort((short) 2)
                                        .putInt(6)
                                        .array())),
                44,
                "if_tsresol of length 2");
        rejected(
                concat(
                        shb(28),
                        idb(
                                1,
                                le(8).putShort((short) 9)
                                        .putShort((short) 1)
                                        .putInt(19)
                                        .array())),
                44,
                "if_tsresol 10^-19");
        rejected(
                concat(
                        shb(28),
                        idb(
                                1,
                                le(8).putShort((short) 9)
                                        .putShort((short) 1)
                                        .putInt(0xff)
                                        .array())),
                44,
                "if_tsresol 2^-127");
        rejected(
                concat(
                        shb(28),
                        idb(
                                1,
                                le(8).putShort((short) 14)
                                        .putShort((short) 4)
                                        .putInt(0)
                                        .array())),
                44,
                "if_tsoffset of length 4");
        rejected(
                concat(
                        shb(28),
                        idb(
                                1,
                                le(8).putShort((short) 2)
                                        .putShort((short) 5)
                                        .putInt(0)
                                        .array())),
                44,
                "option 2 of length 5 overruns the block");
    }

    @Test
    void packetRecordChecksItsLengths() {
        assertThrows(IllegalArgumentException.class, () -> new Packet(0, 0, 3, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> new Packet(0, -1, 4, new byte[4]));
    }
}
