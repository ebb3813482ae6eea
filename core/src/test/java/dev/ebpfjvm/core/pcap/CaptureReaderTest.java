package dev.ebpfjvm.core.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.testing.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixtures testdata/pcap/*.pcap(ng), written by make_captures.py with Python's struct module,
 * read against the packet lists the same script wrote beside them.
 */
class CaptureReaderTest {
    static Path fixture(String name) {
        Path p = TestPaths.testdata().resolve("pcap").resolve(name);
        assertTrue(Files.isRegularFile(p), p + " missing");
        return p;
    }

    /** {@return the packets make_captures.py listed in NAME.txt} */
    static List<Packet> expected(String name) throws IOException {
        return Files.readAllLines(fixture(name)).stream()
                .map(line -> line.split(" "))
                .map(f -> new Packet(
                        Long.parseLong(f[0]),
                        Integer.parseInt(f[1]),
                        Integer.parseInt(f[2]),
                        HexFormat.of().parseHex(f[3])))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"micros-le,PCAP_MICROS", "micros-be,PCAP_MICROS", "nanos-le,PCAP_NANOS", "nanos-be,PCAP_NANOS"})
    void classicPcapInBothByteOrdersAndResolutions(String name, CaptureFormat format) throws IOException {
        try (CaptureReader r = CaptureReader.open(Files.newInputStream(fixture(name + ".pcap")))) {
            assertEquals(format, r.format());
            assertEquals(65535, r.snaplen());
            assertEquals(1, r.interfaceCount());
            assertEquals(expected(name + ".txt"), r.stream().toList());
            assertEquals(Files.size(fixture(name + ".pcap")), r.offset());
        }
    }

    @Test
    void pcapngSectionsInterfacesResolutionsAndBlockKinds() throws IOException {
        List<Packet> got = CaptureReader.readAll(fixture("sections.pcapng"));
        assertEquals(expected("sections.txt"), got);
    }

    @Test
    void pcapngReaderTracksTheCurrentSection() throws IOException {
        try (CaptureReader r = CaptureReader.open(Files.newInputStream(fixture("sections.pcapng")))) {
            assertEquals(CaptureFormat.PCAPNG, r.format());
            assertEquals(0, r.interfaceCount());
            r.next();
            assertEquals(2, r.interfaceCount());
            assertEquals(65535, r.snaplen());
            r.next();
            r.next();
            r.next(); // first packet of section 2: its one interface
            assertEquals(1, r.interfaceCount());
            assertEquals(0, r.snaplen());
        }
    }

    @Test
    void otherLinkTypesAreRefusedAtTheLinkTypeField() {
        CaptureFormatException e =
                assertThrows(CaptureFormatException.class, () -> CaptureReader.readAll(fixture("raw-ip.pcap")));
        assertEquals(20, e.offset());
        assertTrue(e.getMessage().contains("link type 101"), e.getMessage());
    }

    @Test
    void emptyStreamHasNoMagic() {
        CaptureFormatException e = assertThrows(
                CaptureFormatException.class, () -> CaptureReader.open(new ByteArrayInputStream(new byte[2])));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("truncated capture magic"), e.getMessage());
    }
}
