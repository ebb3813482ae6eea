package dev.ebpfjvm.core.isa;

/**
 * The src field of an {@code lddw}: what its 64-bit immediate stands for ({@code BPF_PSEUDO_*} in
 * uapi {@code bpf.h}). The loader resolves every non-plain form before a program runs.
 */
public enum PseudoSrc {
    /** 0: a plain 64-bit constant. */
    NONE(0),
    /**
     * {@code BPF_PSEUDO_MAP_FD}: dst gets the map. In the kernel's input imm is a map fd; in
     * ebpf-jvm the loader resolves it to the map's 64-bit address ({@code dev.ebpfjvm.core.load}).
     */
    MAP_FD(1),
    /**
     * {@code BPF_PSEUDO_MAP_VALUE}: in the kernel's input imm is a map fd, the next imm an offset
     * into its value; in ebpf-jvm the loader resolves it to the 64-bit address of that byte.
     */
    MAP_VALUE(2),
    /** {@code BPF_PSEUDO_BTF_ID}: imm is a BTF id of a kernel variable. */
    BTF_ID(3),
    /** {@code BPF_PSEUDO_FUNC}: imm is the relative slot offset of a function (callbacks). */
    FUNC(4),
    /** {@code BPF_PSEUDO_MAP_IDX}: like MAP_FD, imm an index into the fd array. */
    MAP_IDX(5),
    /** {@code BPF_PSEUDO_MAP_IDX_VALUE}: like MAP_VALUE, imm an index into the fd array. */
    MAP_IDX_VALUE(6);

    private static final PseudoSrc[] BY_CODE = values();
    private final int code;

    PseudoSrc(int code) {
        this.code = code;
    }

    /** {@return the src value} */
    public int code() {
        return code;
    }

    /** {@return the pseudo source of an lddw src field, or null if none} */
    public static PseudoSrc of(int src) {
        return src >= 0 && src < BY_CODE.length ? BY_CODE[src] : null;
    }
}
