package dev.ebpfjvm.core.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pkts.Pcap;
import io.pkts.PcapOutputStream;
import io.pkts.frame.PcapGlobalHeader;
import io.pkts.packet.PCapPacket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Classic pcap cross-checked against pkts.io (io.pkts:pkts-core, test scope), a pure-Java reader
 * and writer: it reads the fixtures and what our writer wrote to the same packets as ours, and we
 * read what it writes. (pkts reads no pcapng; the pcapng fixtures are checked against the lists
 * make_captures.py wrote.)
 */
class PktsCrossCheckTest {
    /** {@return the packets as pkts reads them, arrival times turned to nanoseconds} */
    private static List<Packet> pkts(byte[] capture) throws Exception {
        Pcap pcap = Pcap.openStream(new ByteArrayInputStream(capture));
        long scale = pcap.getPcapHeader().timestampsInNs() ? 1 : 1000;
        List<Packet> out = new ArrayList<>();
        pcap.loop(p -> {
            PCapPacket f = (PCapPacket) p;
            byte[] data = f.getPayload() == null ? new byte[0] : f.getPayload().getArray();
            assertEquals(f.getCapturedLength(), data.length);
            out.add(new Packet(f.getArrivalTime() * scale, 0, (int) f.getTotalLength(), data));
            return true;
        });
        pcap.close();
        return out;
    }

    /**
     * The fixtures read the same, except that pkts takes {@code ts_sec} as signed: the fourth
     * packet, at 4e9 seconds (2096), comes out 2^32 seconds early there. libpcap's
     * {@code pcap_sf_pkthdr} has an unsigned {@code bpf_u_int32 tv_sec}; we follow it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"micros-le", "micros-be", "nanos-le", "nanos-be"})
    void fixturesReadTheSame(String name) throws Exception {
        byte[] capture = Files.readAllBytes(CaptureReaderTest.fixture(name + ".pcap"));
        List<Packet> ours = CaptureReader.readAll(capture);
        List<Packet> theirs = pkts(capture);
        assertEquals(4, ours.size());
        assertEquals(ours.subList(0, 3), theirs.subList(0, 3));
        Packet late = ours.get(3);
        assertEquals(4_000_000_000_000_500_000L, late.timestampNanos());
        assertEquals(
                new Packet(late.timestampNanos() - (1L << 32) * 1_000_000_000L, 0, late.originalLength(), late.data()),
                theirs.get(3));
    }

    @ParameterizedTest
    @EnumSource(
            value = CaptureFormat.class,
            names = {"PCAP_MICROS", "PCAP_NANOS"})
    void whatWeWritePktsReads(CaptureFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CaptureWriter w = CaptureWriter.open(out, format, 1024, 1)) {
            new TrafficGenerator(TrafficMix.DEFAULT, 5).generate(300).forEach(w::write);
        }
        byte[] capture = out.toByteArray();
        List<Packet> ours = CaptureReader.readAll(capture);
        assertEquals(300, ours.size());
        assertEquals(ours, pkts(capture));
    }

    /**
     * pkts copies the packets of a capture we wrote into a file of its own, which we read to the
     * same packets and which is byte for byte what we write. (Frames only: pkts's writer sets the
     * original length to the captured one and keeps the input's byte order in the records under
     * its little-endian header, so truncated or big-endian inputs do not survive it.)
     */
    @Test
    void whatPktsWritesWeRead() throws Exception {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (CaptureWriter w = CaptureWriter.open(ours, CaptureFormat.PCAP_MICROS, 65535, 1)) {
            new TrafficGenerator(TrafficMix.DEFAULT, 8).generate(300).forEach(w::write);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pcap pcap = Pcap.openStream(new ByteArrayInputStream(ours.toByteArray()));
        PcapOutputStream pos = PcapOutputStream.create(PcapGlobalHeader.createDefaultHeader(), out);
        pcap.loop(p -> {
            try {
                pos.write(p);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return true;
        });
        pos.close();
        byte[] written = out.toByteArray();
        assertEquals(CaptureReader.readAll(ours.toByteArray()), CaptureReader.readAll(written));
        assertArrayEquals(ours.toByteArray(), written);
    }
}
