package dev.ebpfjvm.core.verifier;

import java.util.List;
import java.util.Objects;

/**
 * A global (non-static) function of the program, which the kernel verifies once on its own from
 * its BTF prototype rather than at each call (btf_prepare_func_args()): callers must pass what the
 * prototype says, and the call returns an unknown scalar.
 *
 * @param slot the function's first slot
 * @param name its name
 * @param args its parameters, in order (at most 5)
 */
public record GlobalFunc(int slot, String name, List<Arg> args) {
    public GlobalFunc {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }

    /**
     * One parameter.
     *
     * @param kind what it is
     * @param size for MEM, the size of the pointed-to type
     */
    public record Arg(Kind kind, int size) {
        public Arg {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** What a parameter is, from its BTF type. */
    public enum Kind {
        /** A pointer to the program's context ({@code struct __sk_buff *}). */
        CTX,
        /** An integer or enum. */
        SCALAR,
        /** A pointer to memory of a known size, possibly NULL ({@code PTR_TO_MEM | PTR_MAYBE_NULL}). */
        MEM
    }
}
