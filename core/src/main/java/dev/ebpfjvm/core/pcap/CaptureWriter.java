package dev.ebpfjvm.core.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Streams packets to a capture, little-endian as libpcap writes on x86: classic pcap (version 2.4,
 * microsecond or nanosecond magic, {@code LINKTYPE_ETHERNET}) or pcapng (one Section Header Block
 * of unspecified length, one Interface Description Block per interface with
 * {@code if_tsresol} 9, i.e. nanoseconds, then one Enhanced Packet Block per packet, no options).
 * A packet longer than the snapshot length is cut to it, keeping its original length. A capture we
 * wrote and {@link CaptureReader} reads back writes again to the same bytes.
 */
public final class CaptureWriter implements AutoCloseable {
    private final OutputStream out;
    private final CaptureFormat format;
    private final int snaplen;
    private final int interfaces;

    private CaptureWriter(OutputStream out, CaptureFormat format, int snaplen, int interfaces) {
        if (snaplen <= 0) {
            throw new IllegalArgumentException("snapshot length " + snaplen + " must be positive");
        }
        if (interfaces < 1 || (format != CaptureFormat.PCAPNG && interfaces != 1)) {
            throw new IllegalArgumentException(interfaces + " interfaces in a " + format + " capture");
        }
        this.out = out;
        this.format = format;
        this.snaplen = snaplen;
        this.interfaces = interfaces;
        if (format == CaptureFormat.PCAPNG) {
            ByteBuffer shb = le(28).putInt(PcapngSource.SHB)
                    .putInt(28)
                    .putInt(PcapngSource.BYTE_ORDER_MAGIC)
                    .putShort((short) 1)
                    .putShort((short) 0)
                    .putLong(-1)
                    .putInt(28);
            emit(shb);
            for (int i = 0; i < interfaces; i++) {
                // linktype, reserved, snaplen, if_tsresol(9) = 9, opt_endofopt
                ByteBuffer idb = le(32).putInt(PcapngSource.IDB)
                        .putInt(32)
                        .putShort((short) PcapSource.LINKTYPE_ETHERNET)
                        .putShort((short) 0)
                        .putInt(snaplen)
                        .putShort((short) PcapngSource.IF_TSRESOL)
                        .putShort((short) 1)
                        .putInt(9)
                        .putInt(0)
                        .putInt(32);
                emit(idb);
            }
        } else {
            int magic = format == CaptureFormat.PCAP_NANOS ? PcapSource.MAGIC_NANOS : PcapSource.MAGIC_MICROS;
            emit(le(24).putInt(magic)
                    .putShort((short) 2)
                    .putShort((short) 4)
                    .putInt(0)
                    .putInt(0)
                    .putInt(snaplen)
                    .putInt(PcapSource.LINKTYPE_ETHERNET));
        }
    }

    /**
     * {@return a writer that has written the file header (pcap) or the section and interface headers (pcapng)}
     *
     * @param format the file format
     * @param snaplen the snapshot length, positive
     * @param interfaces the number of interfaces, 1 for classic pcap
     */
    public static CaptureWriter open(OutputStream out, CaptureFormat format, int snaplen, int interfaces) {
        return new CaptureWriter(out, format, snaplen, interfaces);
    }

    /** {@return a writer of one interface with libpcap's default snapshot length, 262144} */
    public static CaptureWriter open(OutputStream out, CaptureFormat format) {
        return open(out, format, PcapSource.MAX_CAPLEN, 1);
    }

    /**
     * Appends a packet.
     *
     * @throws IllegalArgumentException when its interface is not declared or its timestamp does
     *     not fit the format (negative, or seconds beyond 32 bits in classic pcap)
     */
    public void write(Packet p) {
        if (p.interfaceIndex() >= interfaces) {
            throw new IllegalArgumentException("interface " + p.interfaceIndex() + " of " + interfaces);
        }
        long ts = p.timestampNanos();
        if (ts < 0) {
            throw new IllegalArgumentException("negative timestamp " + ts);
        }
        int cap = Math.min(p.data().length, snaplen);
        if (format == CaptureFormat.PCAPNG) {
            int padded = (cap + 3) & ~3;
            int len = 32 + padded;
            ByteBuffer h = le(28).putInt(PcapngSource.EPB)
                    .putInt(len)
                    .putInt(p.interfaceIndex())
                    .putInt((int) (ts >>> 32))
                    .putInt((int) ts)
                    .putInt(cap)
                    .putInt(p.originalLength());
            emit(h);
            emit(p.data(), cap);
            emit(le(padded - cap + 4).put(new byte[padded - cap]).putInt(len));
        } else {
            long sec = ts / 1_000_000_000L;
            long frac = ts % 1_000_000_000L;
            if (sec > 0xffffffffL) {
                throw new IllegalArgumentException("timestamp " + ts + "ns beyond 32-bit seconds");
            }
            if (format == CaptureFormat.PCAP_MICROS) {
                frac /= 1000;
            }
            emit(le(16).putInt((int) sec).putInt((int) frac).putInt(cap).putInt(p.originalLength()));
            emit(p.data(), cap);
        }
    }

    /** Flushes the stream. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes and closes the stream. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void emit(ByteBuffer b) {
        emit(b.array(), b.position());
    }

    private void emit(byte[] b, int n) {
        try {
            out.write(b, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
