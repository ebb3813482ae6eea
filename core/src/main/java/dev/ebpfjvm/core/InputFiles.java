package dev.ebpfjvm.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads input files (objects, case files, conformance tests, assembler text) only when they are
 * regular files of a sane size, so that {@code /dev/zero}, a FIFO or a directory given as input is
 * a one-line error instead of a hang or an exhausted heap. The size is checked before reading and
 * again while reading, for a file that grows meanwhile.
 */
public final class InputFiles {
    /** The largest object file read: 256 MiB. */
    public static final long MAX_OBJECT_BYTES = 256L << 20;
    /** The largest text file read (JSON cases, conformance tests, assembler): 64 MiB. */
    public static final long MAX_TEXT_BYTES = 64L << 20;

    private InputFiles() {}

    /**
     * {@return the bytes of a regular file of at most {@code maxBytes} bytes}
     *
     * @throws IOException whose message names the file and says why when it is not a regular file
     *     (a directory, a device, a FIFO), is larger, or cannot be read
     */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IOException(file + ": not a regular file (a device, FIFO or socket)");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException(file + ": " + size + " bytes, more than the " + maxBytes + " this input may have");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw new IOException(file + ": more than the " + maxBytes + " bytes this input may have");
            }
            return bytes;
        }
    }
}
