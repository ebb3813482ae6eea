package dev.ebpfjvm.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.conformance.ConformanceReader;
import dev.ebpfjvm.core.elf.ObjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: inputs are read only when they are regular files of a sane size, and fail at once otherwise. */
class InputFilesTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private static void refused(Path file, String reason) {
        IOException e = assertTimeoutPreemptively(
                AT_ONCE,
                () -> assertThrows(IOException.class, () -> InputFiles.read(file, InputFiles.MAX_OBJECT_BYTES)));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(reason), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void devZero_isNotARegularFile() {
        refused(Path.of("/dev/zero"), "not a regular file");
        assertTimeoutPreemptively(
                AT_ONCE, () -> assertThrows(IOException.class, () -> ObjectReader.read(Path.of("/dev/zero"))));
        assertTimeoutPreemptively(
                AT_ONCE, () -> assertThrows(IOException.class, () -> ConformanceReader.read(Path.of("/dev/zero"))));
    }

    @Test
    void aDirectory_isRefused() {
        refused(dir, "is a directory");
        assertThrows(IOException.class, () -> ObjectReader.read(dir));
    }

    @Test
    void aFifo_isRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        refused(fifo, "not a regular file");
    }

    @Test
    void aFileOverTheLimit_isRefused() throws IOException {
        Path file = Files.write(dir.resolve("big"), new byte[1025]);
        IOException e = assertThrows(IOException.class, () -> InputFiles.read(file, 1024));
        assertTrue(e.getMessage().contains("1025 bytes"), e.getMessage());
        assertArrayEquals(new byte[1025], InputFiles.read(file, 1025));
    }
}
