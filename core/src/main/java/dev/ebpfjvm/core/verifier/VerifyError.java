package dev.ebpfjvm.core.verifier;

/** A rejection found while exploring a path: the slot and the kernel-style error lines. */
final class VerifyError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int slot;

    VerifyError(int slot, String reason) {
        super(reason, null, false, false);
        this.slot = slot;
    }
}
