package dev.ebpfjvm.core.verifier;

import java.util.List;
import java.util.Objects;

/**
 * A helper's prototype as the verifier checks calls against it ({@code struct bpf_func_proto}).
 *
 * @param id the helper id ({@code BPF_FUNC_*})
 * @param name the kernel's name ({@code map_lookup_elem}); the log prints {@code name#id}
 * @param ret what it returns
 * @param args up to five arguments (shorter lists mean the rest are {@link ArgType#NONE})
 * @param changesPacket true when the helper may move packet data (all packet pointers die)
 */
public record HelperProto(int id, String name, RetType ret, List<ArgType> args, boolean changesPacket) {
    public HelperProto {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ret, "ret");
        args = List.copyOf(args);
        if (args.size() > 5) {
            throw new IllegalArgumentException("a helper takes at most 5 arguments");
        }
    }

    /** {@return the kind of argument i (0-based), NONE past the last} */
    public ArgType arg(int i) {
        return i < args.size() ? args.get(i) : ArgType.NONE;
    }

    /** What a helper returns ({@code enum bpf_return_type}). */
    public enum RetType {
        /** {@code RET_INTEGER}. */
        INTEGER,
        /** {@code RET_VOID}: r0 is left uninitialised. */
        VOID,
        /** {@code RET_PTR_TO_MAP_VALUE_OR_NULL}. */
        PTR_TO_MAP_VALUE_OR_NULL,
        /** {@code RET_PTR_TO_RINGBUF_MEM_OR_NULL}: acquires a reference. */
        PTR_TO_RINGBUF_MEM_OR_NULL
    }
}
