package dev.ebpfjvm.core.exec;

import java.util.Objects;

/**
 * A helper function bound to its kernel id.
 *
 * @param id the helper id of uapi {@code bpf.h} ({@code BPF_FUNC_*})
 * @param name the helper's name without the {@code bpf_} prefix, as bpftool prints it
 * @param impl the implementation both engines call
 */
public record HelperFunction(int id, String name, Helper impl) {
    public HelperFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(impl, "impl");
    }
}
