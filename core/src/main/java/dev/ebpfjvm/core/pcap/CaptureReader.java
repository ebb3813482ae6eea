package dev.ebpfjvm.core.pcap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a capture, classic pcap or pcapng (told apart by the first four bytes), one packet at a
 * time from a stream. Every length is checked against the format's limits before anything is read
 * for it, and the stream is read in small chunks, so a short file claiming a huge packet costs
 * only its own bytes before the {@link CaptureFormatException} that names the offset.
 */
public final class CaptureReader implements AutoCloseable {
    private final CaptureInput in;
    private final CaptureFormat format;
    private final PacketSource source;

    private CaptureReader(CaptureInput in) {
        this.in = in;
        byte[] magic = in.read(4, "capture magic");
        int le = ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int be = Integer.reverseBytes(le);
        if (le == PcapngSource.SHB) {
            format = CaptureFormat.PCAPNG;
            source = new PcapngSource(in, magic);
        } else if (le == PcapSource.MAGIC_MICROS || be == PcapSource.MAGIC_MICROS) {
            format = CaptureFormat.PCAP_MICROS;
            source = new PcapSource(
                    in, le == PcapSource.MAGIC_MICROS ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, false);
        } else if (le == PcapSource.MAGIC_NANOS || be == PcapSource.MAGIC_NANOS) {
            format = CaptureFormat.PCAP_NANOS;
            source = new PcapSource(
                    in, le == PcapSource.MAGIC_NANOS ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, true);
        } else {
            throw new CaptureFormatException(0, String.format("magic 0x%08x is neither pcap nor pcapng", be));
        }
    }

    /**
     * {@return a reader positioned after the file header (pcap) or the first section header (pcapng)}
     *
     * @throws CaptureFormatException when the header does not parse
     */
    public static CaptureReader open(InputStream in) {
        return new CaptureReader(new CaptureInput(in));
    }

    /** {@return every packet of a capture held in memory} */
    public static List<Packet> readAll(byte[] capture) {
        try (CaptureReader r = open(new ByteArrayInputStream(capture))) {
            return r.stream().toList();
        }
    }

    /** {@return every packet of a capture file} */
    public static List<Packet> readAll(Path file) {
        try (CaptureReader r = open(Files.newInputStream(file))) {
            return r.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the file's format} */
    public CaptureFormat format() {
        return format;
    }

    /**
     * {@return the snapshot length: the pcap file header's, or for pcapng that of the current
     * section's first interface (0 before it is declared)}
     */
    public int snaplen() {
        return source instanceof PcapSource p ? p.snaplen() : ((PcapngSource) source).snaplen();
    }

    /** {@return the interfaces declared so far in the current section (1 for classic pcap)} */
    public int interfaceCount() {
        return source instanceof PcapngSource p ? p.interfaceCount() : 1;
    }

    /** {@return the offset of the next unread byte} */
    public long offset() {
        return in.offset();
    }

    /**
     * {@return the next packet, or null at the end of the capture}
     *
     * @throws CaptureFormatException when the next record or block does not parse
     */
    public Packet next() {
        return source.next();
    }

    /** {@return the remaining packets, read lazily} */
    public Stream<Packet> stream() {
        Iterator<Packet> it = new Iterator<>() {
            private Packet ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    ahead = source.next();
                }
                return ahead != null;
            }

            @Override
            public Packet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Packet p = ahead;
                ahead = null;
                return p;
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Closes the underlying stream. */
    @Override
    public void close() {
        in.close();
    }
}
