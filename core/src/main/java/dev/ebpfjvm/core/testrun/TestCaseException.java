package dev.ebpfjvm.core.testrun;

import dev.ebpfjvm.core.EbpfException;

/**
 * A test-run case that cannot run: an unknown or unsupported program, an unknown map or global, a
 * key or value of the wrong size. The message names the case and the field.
 */
public final class TestCaseException extends EbpfException {
    private static final long serialVersionUID = 1L;

    public TestCaseException(String message) {
        super(message);
    }

    public TestCaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
