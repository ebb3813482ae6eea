package dev.ebpfjvm.core.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Writing captures: byte-exact round trips, the Python-written fixtures reproduced, the rejections. */
class CaptureWriterTest {
    private static byte[] write(CaptureFormat format, int snaplen, int interfaces, List<Packet> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CaptureWriter w = CaptureWriter.open(out, format, snaplen, interfaces)) {
            packets.forEach(w::write);
        }
        return out.toByteArray();
    }

    /** Read, then write with what the reader saw: the same bytes. */
    private static byte[] rewrite(byte[] capture) {
        try (CaptureReader r = CaptureReader.open(new java.io.ByteArrayInputStream(capture))) {
            List<Packet> packets = r.stream().toList();
            return write(r.format(), r.snaplen(), r.interfaceCount(), packets);
        }
    }

    private static List<Packet> traffic(int n, int interfaces) {
        List<Packet> out = new ArrayList<>();
        int i = 0;
        for (Packet p : new TrafficGenerator(TrafficMix.DEFAULT, 42).generate(n)) {
            out.add(new Packet(p.timestampNanos(), i++ % interfaces, p.originalLength(), p.data()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"micros-le", "nanos-le"})
    void pythonWrittenLittleEndianPcapIsReproducedByteForByte(String name) throws IOException {
        byte[] original = Files.readAllBytes(CaptureReaderTest.fixture(name + ".pcap"));
        assertArrayEquals(original, rewrite(original));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"micros-be,micros-le", "nanos-be,nanos-le"})
    void bigEndianPcapIsWrittenLittleEndian(String name, String le) throws IOException {
        assertArrayEquals(
                Files.readAllBytes(CaptureReaderTest.fixture(le + ".pcap")),
                rewrite(Files.readAllBytes(CaptureReaderTest.fixture(name + ".pcap"))));
    }

    @ParameterizedTest
    @EnumSource(CaptureFormat.class)
    void roundTripIsByteExact(CaptureFormat format) {
        int interfaces = format == CaptureFormat.PCAPNG ? 3 : 1;
        List<Packet> packets = traffic(500, interfaces);
        byte[] first = write(format, 65535, interfaces, packets);
        assertArrayEquals(first, rewrite(first));
        List<Packet> back = CaptureReader.readAll(first);
        assertEquals(packets.size(), back.size());
        for (int i = 0; i < packets.size(); i++) {
            Packet want = packets.get(i);
            long ts = format == CaptureFormat.PCAP_MICROS ? want.timestampNanos() / 1000 * 1000 : want.timestampNanos();
            assertEquals(new Packet(ts, want.interfaceIndex(), want.originalLength(), want.data()), back.get(i));
        }
    }

    @Test
    void pcapngLayout() {
        byte[] b = write(CaptureFormat.PCAPNG, 96, 1, List.of(new Packet(0x1_0000_0002L, 0, 5, new byte[] {1, 2, 3})));
        assertEquals(
                "0a0d0d0a1c0000004d3c2b1a01000000ffffffffffffffff1c000000"
                        + "01000000200000000100000060000000090001000900000000000000" + "20000000"
                        + "060000002400000000000000010000000200000003000000050000000102030024000000",
                java.util.HexFormat.of().formatHex(b));
    }

    @Test
    void pcapLayout() {
        byte[] b = write(CaptureFormat.PCAP_NANOS, 96, 1, List.of(new Packet(3_000_000_007L, 0, 5, new byte[] {9})));
        assertEquals(
                "4d3cb2a1020004000000000000000000600000000100000003000000070000000100000005000000" + "09",
                java.util.HexFormat.of().formatHex(b));
    }

    @ParameterizedTest
    @EnumSource(CaptureFormat.class)
    void longerThanTheSnapshotIsCut(CaptureFormat format) {
        byte[] frame = new byte[100];
        frame[63] = 7;
        Packet back = CaptureReader.readAll(write(format, 64, 1, List.of(Packet.of(0, frame))))
                .get(0);
        assertEquals(100, back.originalLength());
        assertEquals(64, back.capturedLength());
        assertEquals(7, back.data()[63]);
    }

    @Test
    void rejections() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> CaptureWriter.open(out, CaptureFormat.PCAP_MICROS, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> CaptureWriter.open(out, CaptureFormat.PCAP_MICROS, 64, 2));
        assertThrows(IllegalArgumentException.class, () -> CaptureWriter.open(out, CaptureFormat.PCAPNG, 64, 0));
        CaptureWriter pcap = CaptureWriter.open(out, CaptureFormat.PCAP_NANOS);
        assertThrows(IllegalArgumentException.class, () -> pcap.write(new Packet(0, 1, 1, new byte[1])));
        assertThrows(IllegalArgumentException.class, () -> pcap.write(Packet.of(-1, new byte[1])));
        assertThrows(
                IllegalArgumentException.class,
                () -> pcap.write(Packet.of(0x1_0000_0000L * 1_000_000_000L, new byte[1])));
        CaptureWriter ng = CaptureWriter.open(out, CaptureFormat.PCAPNG, 64, 2);
        assertThrows(IllegalArgumentException.class, () -> ng.write(new Packet(0, 2, 1, new byte[1])));
        assertThrows(IllegalArgumentException.class, () -> ng.write(Packet.of(-5, new byte[1])));
    }
}
