package dev.ebpfjvm.core.pcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Classic pcap after its magic: the rest of the 24-byte file header, then records of a 16-byte
 * header ({@code ts_sec, ts_usec|ts_nsec, incl_len, orig_len}) and {@code incl_len} bytes.
 */
final class PcapSource implements PacketSource {
    /** Magic of microsecond files, as written in their own byte order. */
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    /** Magic of nanosecond files. */
    static final int MAGIC_NANOS = 0xa1b23c4d;
    /** libpcap's MAXIMUM_SNAPLEN: no record of an Ethernet capture is longer. */
    static final int MAX_CAPLEN = 262144;

    static final int LINKTYPE_ETHERNET = 1;

    private final CaptureInput in;
    private final ByteOrder order;
    private final boolean nanos;
    private final int snaplen;

    PcapSource(CaptureInput in, ByteOrder order, boolean nanos) {
        this.in = in;
        this.order = order;
        this.nanos = nanos;
        long start = in.offset();
        ByteBuffer h = ByteBuffer.wrap(in.read(20, "pcap file header")).order(order);
        int major = h.getShort(0) & 0xffff;
        if (major != 2) {
            throw new CaptureFormatException(start, "pcap major version " + major + ", expected 2");
        }
        long snap = h.getInt(12) & 0xffffffffL;
        int linkType = h.getInt(16) & 0x03ffffff;
        if (linkType != LINKTYPE_ETHERNET) {
            throw new CaptureFormatException(start + 16, "link type " + linkType + " is not LINKTYPE_ETHERNET (1)");
        }
        this.snaplen = (int) Math.min(snap, Integer.MAX_VALUE);
    }

    CaptureFormat format() {
        return nanos ? CaptureFormat.PCAP_NANOS : CaptureFormat.PCAP_MICROS;
    }

    int snaplen() {
        return snaplen;
    }

    @Override
    public Packet next() {
        long start = in.offset();
        byte[] raw = in.readOrEnd(16, "pcap record header");
        if (raw == null) {
            return null;
        }
        ByteBuffer r = ByteBuffer.wrap(raw).order(order);
        long sec = r.getInt(0) & 0xffffffffL;
        long frac = r.getInt(4) & 0xffffffffL;
        long incl = r.getInt(8) & 0xffffffffL;
        long orig = r.getInt(12) & 0xffffffffL;
        if (incl > MAX_CAPLEN) {
            throw new CaptureFormatException(start + 8, "captured length " + incl + " > " + MAX_CAPLEN);
        }
        if (incl > orig) {
            throw new CaptureFormatException(start + 8, "captured length " + incl + " > original length " + orig);
        }
        if (orig > Integer.MAX_VALUE) {
            throw new CaptureFormatException(start + 12, "original length " + orig + " too large");
        }
        byte[] data = in.read((int) incl, "packet data of record at offset " + start);
        long ts = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
        return new Packet(ts, 0, (int) orig, data);
    }
}
