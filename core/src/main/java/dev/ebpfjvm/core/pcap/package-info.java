/**
 * Captures in and out: {@link dev.ebpfjvm.core.pcap.CaptureReader} reads classic pcap (microsecond
 * and nanosecond, either byte order) and pcapng (several sections and interfaces) into
 * {@link dev.ebpfjvm.core.pcap.Packet}s, {@link dev.ebpfjvm.core.pcap.CaptureWriter} streams them
 * back out in either format, and {@link dev.ebpfjvm.core.pcap.TrafficGenerator} makes a seeded
 * flow mix of Ethernet frames for runs without a capture. Only {@code LINKTYPE_ETHERNET} is
 * accepted. Bytes that do not parse raise {@link dev.ebpfjvm.core.pcap.CaptureFormatException},
 * which names the file offset and the reason.
 */
package dev.ebpfjvm.core.pcap;
