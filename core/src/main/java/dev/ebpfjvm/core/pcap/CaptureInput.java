package dev.ebpfjvm.core.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The byte stream under a reader, with the offset of the next byte. Reads go through
 * {@link InputStream#readNBytes(int)}, which fills in small chunks: a length field that claims
 * more than the stream holds costs only what the stream really has before it is reported.
 */
final class CaptureInput {
    private final InputStream in;
    private long offset;

    CaptureInput(InputStream in) {
        this.in = in;
    }

    /** {@return the offset of the next byte} */
    long offset() {
        return offset;
    }

    /**
     * {@return exactly {@code n} bytes}
     *
     * @throws CaptureFormatException when the stream ends first
     */
    byte[] read(int n, String what) {
        long start = offset;
        byte[] b = readUpTo(n);
        if (b.length < n) {
            throw new CaptureFormatException(
                    start, "truncated " + what + ": " + n + " bytes needed, " + b.length + " left");
        }
        return b;
    }

    /** {@return exactly {@code n} bytes, or null when the stream ends cleanly before the first} */
    byte[] readOrEnd(int n, String what) {
        long start = offset;
        byte[] b = readUpTo(n);
        if (b.length == 0) {
            return null;
        }
        if (b.length < n) {
            throw new CaptureFormatException(
                    start, "truncated " + what + ": " + n + " bytes needed, " + b.length + " left");
        }
        return b;
    }

    private byte[] readUpTo(int n) {
        try {
            byte[] b = in.readNBytes(n);
            offset += b.length;
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException("reading capture at offset " + offset, e);
        }
    }

    void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
