package dev.ebpfjvm.core.skb;

/**
 * {@code skb->ip_summed}: what is known about the packet's checksums. Only the two states the
 * model produces are here: {@code CHECKSUM_COMPLETE} and {@code CHECKSUM_PARTIAL} come from
 * devices and the socket layer, which the model does not have, so no helper keeps
 * {@code skb->csum} up to date.
 */
public enum ChecksumState {
    /** {@code CHECKSUM_NONE}: nothing is known; software must verify (the state of a test-run skb). */
    NONE,
    /** {@code CHECKSUM_UNNECESSARY}: verified, {@code csum_level + 1} levels deep. */
    UNNECESSARY
}
