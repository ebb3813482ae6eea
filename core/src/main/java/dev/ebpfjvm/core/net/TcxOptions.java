package dev.ebpfjvm.core.net;

import java.util.Objects;

/**
 * What a typed tcx attach or detach names, as cilium/ebpf's {@code link.TCXOptions}.
 *
 * @param device the device
 * @param hook ingress or egress
 * @param program the program to attach; for a detach the program to remove, or null to pick the
 *     entry by the anchor alone
 * @param anchor the position ({@link Anchor#tail()} when null)
 * @param expectedRevision the revision the chain must have, 0 for any
 */
public record TcxOptions(NetDevice device, Hook hook, NetProgram program, Anchor anchor, long expectedRevision) {
    public TcxOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(hook, "hook");
    }

    /** {@return options for the tail of a hook with no revision check} */
    public static TcxOptions of(NetDevice device, Hook hook, NetProgram program) {
        return new TcxOptions(device, hook, program, null, 0);
    }

    /** {@return these options with another anchor} */
    public TcxOptions at(Anchor a) {
        return new TcxOptions(device, hook, program, a, expectedRevision);
    }

    /** {@return these options with an expected revision} */
    public TcxOptions expecting(long revision) {
        return new TcxOptions(device, hook, program, anchor, revision);
    }
}
