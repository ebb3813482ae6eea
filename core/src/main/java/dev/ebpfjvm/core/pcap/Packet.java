package dev.ebpfjvm.core.pcap;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One captured frame: when it was seen, on which interface, how long it was on the wire and the
 * bytes that were kept (at most the snapshot length).
 *
 * @param timestampNanos nanoseconds since the Unix epoch
 * @param interfaceIndex the pcapng interface id (always 0 in classic pcap)
 * @param originalLength the frame's length on the wire
 * @param data the captured bytes, never longer than {@code originalLength}
 */
public record Packet(long timestampNanos, int interfaceIndex, int originalLength, byte[] data) {
    /** Checks the lengths and copies nothing: the record owns {@code data}. */
    public Packet {
        if (interfaceIndex < 0) {
            throw new IllegalArgumentException("negative interface index " + interfaceIndex);
        }
        if (data.length > originalLength) {
            throw new IllegalArgumentException(
                    "captured " + data.length + " bytes > original length " + originalLength);
        }
    }

    /** {@return a whole frame (captured = original) on interface 0} */
    public static Packet of(long timestampNanos, byte[] frame) {
        return new Packet(timestampNanos, 0, frame.length, frame);
    }

    /** {@return the number of captured bytes} */
    public int capturedLength() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Packet p
                && p.timestampNanos == timestampNanos
                && p.interfaceIndex == interfaceIndex
                && p.originalLength == originalLength
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestampNanos) * 31 + interfaceIndex * 17 + originalLength + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(data, 0, Math.min(data.length, 32));
        return "Packet[ts=" + timestampNanos + "ns, if=" + interfaceIndex + ", len=" + originalLength + ", caplen="
                + data.length + ", data=" + hex + (data.length > 32 ? "…" : "") + "]";
    }
}
