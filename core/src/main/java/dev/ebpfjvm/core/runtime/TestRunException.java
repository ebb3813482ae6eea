package dev.ebpfjvm.core.runtime;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.Errno;

/** A test run the kernel would refuse, with the errno {@code BPF_PROG_TEST_RUN} fails with and why. */
public final class TestRunException extends EbpfException {
    private static final long serialVersionUID = 1L;

    private final Errno errno;

    TestRunException(Errno errno, String reason) {
        super(errno.name() + ": " + reason);
        this.errno = errno;
    }

    /** {@return the errno the syscall fails with} */
    public Errno errno() {
        return errno;
    }
}
