package dev.ebpfjvm.core.memory;

/**
 * A long-lived region registered in the {@link RegionTable}: map values, global data, map objects.
 * The per-run regions (stack, context, packet) live in {@link Memory} instead and need no entry.
 */
public final class Region {
    private final int id;
    private final RegionKind kind;
    private final byte[] bytes;
    private final boolean writable;
    private final Object owner;

    Region(int id, RegionKind kind, byte[] bytes, boolean writable, Object owner) {
        this.id = id;
        this.kind = kind;
        this.bytes = bytes;
        this.writable = writable;
        this.owner = owner;
    }

    /** {@return the region id, the upper half of every address into this region} */
    public int id() {
        return id;
    }

    /** {@return what the region holds} */
    public RegionKind kind() {
        return kind;
    }

    /** {@return the backing bytes (empty for MAP and PROGRAM regions)} */
    public byte[] bytes() {
        return bytes;
    }

    /** {@return false for regions programs may only read, such as {@code .rodata}} */
    public boolean isWritable() {
        return writable;
    }

    /** {@return the object this region belongs to (a map, an executable), or null} */
    public Object owner() {
        return owner;
    }

    /** {@return the address of a byte of this region} */
    public long address(int offset) {
        return Address.of(id, offset);
    }

    @Override
    public String toString() {
        return "Region[" + id + " " + kind + " " + bytes.length + " bytes]";
    }
}
