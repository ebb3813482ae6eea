package dev.ebpfjvm.core.memory;

/**
 * Segmented virtual addresses.
 *
 * <pre>
 *  | region id : 32 | offset : 32 |
 * </pre>
 *
 * Pointer arithmetic works on the whole {@code long}, as in the kernel; an offset that leaves its
 * region lands outside the region's array (or in no region) and faults on access.
 */
public final class Address {
    /** The null pointer: region 0, which is never allocated. */
    public static final long NULL = 0L;

    private Address() {}

    /** {@return the address of a byte in a region} */
    public static long of(int regionId, int offset) {
        return ((long) regionId << 32) | (offset & 0xffffffffL);
    }

    /** {@return the region id of an address} */
    public static int region(long address) {
        return (int) (address >>> 32);
    }

    /** {@return the offset of an address within its region} */
    public static int offset(long address) {
        return (int) address;
    }

    /** {@return a readable form: {@code region:offset} in hex} */
    public static String toString(long address) {
        return String.format("%d:0x%x", region(address), offset(address));
    }
}
