package dev.ebpfjvm.core.verifier;

/**
 * The kinds of value a register or spilled stack slot holds ({@code enum bpf_reg_type} of
 * include/linux/bpf.h, the subset tc programs meet), with the names the kernel's log prints.
 */
public enum RegType {
    /** {@code NOT_INIT}: never written on this path. */
    NOT_INIT("?"),
    /** {@code SCALAR_VALUE}: a number, tracked as tnum and ranges. */
    SCALAR("scalar"),
    /** {@code PTR_TO_CTX}: the program's context ({@code __sk_buff}). */
    PTR_TO_CTX("ctx"),
    /** {@code PTR_TO_STACK}: a frame's stack ({@code fp}). */
    PTR_TO_STACK("fp"),
    /** {@code PTR_TO_PACKET}: packet data, accessible up to its proven range. */
    PTR_TO_PACKET("pkt"),
    /** {@code PTR_TO_PACKET_META}: packet metadata before {@code data}. */
    PTR_TO_PACKET_META("pkt_meta"),
    /** {@code PTR_TO_PACKET_END}: {@code data_end}, compared against, never dereferenced. */
    PTR_TO_PACKET_END("pkt_end"),
    /** {@code PTR_TO_MAP_VALUE}: a map value (or global data). */
    PTR_TO_MAP_VALUE("map_value"),
    /** {@code PTR_TO_MAP_VALUE | PTR_MAYBE_NULL}: a lookup result before its NULL check. */
    PTR_TO_MAP_VALUE_OR_NULL("map_value_or_null"),
    /** {@code CONST_PTR_TO_MAP}: a map, as lddw of a map gives it. */
    CONST_PTR_TO_MAP("map_ptr"),
    /** {@code CONST_PTR_TO_MAP | PTR_MAYBE_NULL}: an inner map looked up in a map-in-map. */
    CONST_PTR_TO_MAP_OR_NULL("map_ptr_or_null"),
    /** {@code PTR_TO_MEM}: a ring-buffer reservation of known size. */
    PTR_TO_MEM("mem"),
    /** {@code PTR_TO_MEM | PTR_MAYBE_NULL}: a reservation before its NULL check. */
    PTR_TO_MEM_OR_NULL("mem_or_null"),
    /** {@code PTR_TO_FUNC}: a callback address ({@code BPF_PSEUDO_FUNC}). */
    PTR_TO_FUNC("func"),
    /** {@code PTR_TO_SOCK_COMMON_OR_NULL}: {@code skb->sk}. */
    PTR_TO_SOCK_COMMON_OR_NULL("sock_common_or_null"),
    /** {@code PTR_TO_SOCK_COMMON}: {@code skb->sk} after its NULL check. */
    PTR_TO_SOCK_COMMON("sock_common");

    private final String logName;

    RegType(String logName) {
        this.logName = logName;
    }

    /** {@return the name the kernel's log gives the type (reg_type_str())} */
    public String logName() {
        return logName;
    }

    /** {@return true for the types that carry PTR_MAYBE_NULL} */
    public boolean isOrNull() {
        return this == PTR_TO_MAP_VALUE_OR_NULL
                || this == CONST_PTR_TO_MAP_OR_NULL
                || this == PTR_TO_MEM_OR_NULL
                || this == PTR_TO_SOCK_COMMON_OR_NULL;
    }

    /** {@return the type after a successful NULL check} */
    RegType nonNull() {
        switch (this) {
            case PTR_TO_MAP_VALUE_OR_NULL:
                return PTR_TO_MAP_VALUE;
            case PTR_TO_MEM_OR_NULL:
                return PTR_TO_MEM;
            case CONST_PTR_TO_MAP_OR_NULL:
                return CONST_PTR_TO_MAP;
            case PTR_TO_SOCK_COMMON_OR_NULL:
                return PTR_TO_SOCK_COMMON;
            default:
                return this;
        }
    }

    /** {@return true for the pointer types} */
    public boolean isPointer() {
        return this != NOT_INIT && this != SCALAR;
    }

    /** {@return true for packet and packet-meta pointers} */
    boolean isPacket() {
        return this == PTR_TO_PACKET || this == PTR_TO_PACKET_META;
    }
}
