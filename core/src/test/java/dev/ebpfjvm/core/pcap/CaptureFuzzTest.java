package dev.ebpfjvm.core.pcap;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutated and cut fixtures: each reads to packets or fails with a {@link CaptureFormatException}
 * whose offset lies inside the input, never another exception. The seed is printed on failure.
 */
class CaptureFuzzTest {
    @ParameterizedTest
    @ValueSource(strings = {"micros-le.pcap", "nanos-be.pcap", "sections.pcapng"})
    void mutationsFailCleanly(String name) throws IOException {
        byte[] original = Files.readAllBytes(CaptureReaderTest.fixture(name));
        long seed = Long.getLong("TEST_SEED", 20261206L);
        Random random = new Random(seed);
        for (int round = 0; round < 3000; round++) {
            byte[] b = round % 3 == 0 ? Arrays.copyOf(original, random.nextInt(original.length + 1)) : original.clone();
            for (int k = random.nextInt(4); k >= 0 && b.length > 0; k--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            try {
                CaptureReader.readAll(b);
            } catch (CaptureFormatException e) {
                assertTrue(e.offset() >= 0 && e.offset() <= b.length, e.getMessage());
            } catch (RuntimeException e) {
                fail(name + " round " + round + " seed " + seed + ": " + e, e);
            }
        }
    }
}
