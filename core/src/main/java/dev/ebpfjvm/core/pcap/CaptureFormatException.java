package dev.ebpfjvm.core.pcap;

import dev.ebpfjvm.core.EbpfException;

/** A capture file that does not parse: names the byte offset where it goes wrong and why. */
public final class CaptureFormatException extends EbpfException {
    private static final long serialVersionUID = 1L;
    private final long offset;

    /**
     * @param offset the file offset of the field or block at fault
     * @param reason what is wrong there
     */
    public CaptureFormatException(long offset, String reason) {
        super("capture offset " + offset + ": " + reason);
        this.offset = offset;
    }

    /** {@return the file offset of the field or block at fault} */
    public long offset() {
        return offset;
    }
}
