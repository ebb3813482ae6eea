package dev.ebpfjvm.core.verifier;

/**
 * What a helper argument must be ({@code enum bpf_arg_type} of include/linux/bpf.h, with the
 * flags tc's helpers combine with them folded into distinct kinds).
 */
public enum ArgType {
    /** {@code ARG_DONTCARE}: no argument. */
    NONE,
    /** {@code ARG_ANYTHING}: any initialised value. */
    ANYTHING,
    /** {@code ARG_CONST_MAP_PTR}: a map from lddw. */
    CONST_MAP_PTR,
    /** {@code ARG_PTR_TO_MAP_KEY}: initialised memory of the map's key size. */
    PTR_TO_MAP_KEY,
    /** {@code ARG_PTR_TO_MAP_VALUE}: initialised memory of the map's value size. */
    PTR_TO_MAP_VALUE,
    /** {@code ARG_PTR_TO_MEM | MEM_RDONLY}: initialised memory, its size in the next argument. */
    PTR_TO_MEM,
    /** {@code ARG_PTR_TO_MEM | PTR_MAYBE_NULL | MEM_RDONLY}: the same, or NULL with size 0. */
    PTR_TO_MEM_OR_NULL,
    /** {@code ARG_PTR_TO_UNINIT_MEM}: memory the helper writes, its size in the next argument. */
    PTR_TO_UNINIT_MEM,
    /** {@code ARG_CONST_SIZE}: a bounded size, at least 1. */
    CONST_SIZE,
    /** {@code ARG_CONST_SIZE_OR_ZERO}: a bounded size, possibly 0. */
    CONST_SIZE_OR_ZERO,
    /** {@code ARG_CONST_ALLOC_SIZE_OR_ZERO}: a constant size of memory the helper returns. */
    CONST_ALLOC_SIZE_OR_ZERO,
    /** {@code ARG_PTR_TO_CTX}: the unmodified context. */
    PTR_TO_CTX,
    /** {@code ARG_PTR_TO_SPIN_LOCK}: a {@code bpf_spin_lock} in a map value. */
    PTR_TO_SPIN_LOCK,
    /** {@code ARG_PTR_TO_RINGBUF_MEM | OBJ_RELEASE}: a reservation, released by the call. */
    PTR_TO_RINGBUF_MEM,
    /** {@code ARG_PTR_TO_FIXED_SIZE_MEM | MEM_UNINIT | MEM_WRITE | MEM_ALIGNED} of 8 bytes. */
    PTR_TO_LONG,
    /** {@code ARG_PTR_TO_CONST_STR}: a NUL-terminated string in read-only map data. */
    PTR_TO_CONST_STR,
    /** {@code ARG_PTR_TO_FUNC}: a callback address. */
    PTR_TO_FUNC,
    /** {@code ARG_PTR_TO_STACK | PTR_MAYBE_NULL}: a stack pointer or NULL. */
    PTR_TO_STACK_OR_NULL
}
