package dev.ebpfjvm.core.pcap;

/** The capture file formats {@link CaptureReader} reads and {@link CaptureWriter} writes. */
public enum CaptureFormat {
    /** Classic pcap, magic {@code 0xa1b2c3d4}: timestamps in microseconds. */
    PCAP_MICROS,
    /** Classic pcap, magic {@code 0xa1b23c4d}: timestamps in nanoseconds. */
    PCAP_NANOS,
    /** pcapng: section header, interface descriptions, enhanced (and simple) packet blocks. */
    PCAPNG
}
