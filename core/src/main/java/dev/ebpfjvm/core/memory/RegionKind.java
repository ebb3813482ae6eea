package dev.ebpfjvm.core.memory;

/** What a region holds; the verifier's pointer types map onto these. */
public enum RegionKind {
    /** The 512-byte stack frames of one run. */
    STACK,
    /** The program's context ({@code __sk_buff}, or the raw buffer of a test harness). */
    CONTEXT,
    /** Packet bytes with head- and tailroom. */
    PACKET,
    /** The values of one map (all elements, or one element of a hash map). */
    MAP_VALUE,
    /** A map object itself: {@code lddw rX, map} yields its address at offset 0. */
    MAP,
    /** {@code .data}, {@code .rodata}, {@code .bss}: the value of a single-element array map. */
    GLOBAL_DATA,
    /** A ring buffer's data area, from which records are reserved. */
    RINGBUF,
    /** An executable (a program in a prog array, a callback): its address identifies it. */
    PROGRAM
}
