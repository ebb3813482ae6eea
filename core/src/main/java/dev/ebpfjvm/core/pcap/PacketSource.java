package dev.ebpfjvm.core.pcap;

/** One format's packet decoder under a {@link CaptureReader}. */
interface PacketSource {
    /** {@return the next packet, or null at the end of the capture} */
    Packet next();
}
