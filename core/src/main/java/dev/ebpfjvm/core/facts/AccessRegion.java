package dev.ebpfjvm.core.facts;

/** The kind of region a proved load, store or atomic accesses (richer than {@link RegionHint}). */
public enum AccessRegion {
    /** A stack frame ({@code PTR_TO_STACK}). */
    STACK,
    /** The context ({@code PTR_TO_CTX}, the {@code __sk_buff}). */
    CONTEXT,
    /** Packet data ({@code PTR_TO_PACKET}), within a range proven against {@code data_end}. */
    PACKET,
    /** Packet metadata ({@code PTR_TO_PACKET_META}). */
    PACKET_META,
    /** The value of an ordinary map ({@code PTR_TO_MAP_VALUE}). */
    MAP_VALUE,
    /** Global data: the value of a {@code .data}, {@code .rodata} or {@code .bss} map. */
    GLOBAL_DATA,
    /** A ring-buffer reservation ({@code PTR_TO_MEM}). */
    RINGBUF_MEM,
    /** Different paths reach the instruction with pointers to different regions. */
    MIXED
}
