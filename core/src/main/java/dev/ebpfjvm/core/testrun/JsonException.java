package dev.ebpfjvm.core.testrun;

import dev.ebpfjvm.core.EbpfException;

/** Text that is not valid JSON; the message names the offset. */
public final class JsonException extends EbpfException {
    private static final long serialVersionUID = 1L;

    JsonException(String message) {
        super(message);
    }
}
