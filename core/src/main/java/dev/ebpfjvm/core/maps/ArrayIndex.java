package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.memory.LittleEndian;

/** The u32 index keys shared by every array-like map (arrays, prog arrays, arrays of maps). */
final class ArrayIndex {
    private ArrayIndex() {}

    /** {@return the u32 index at key[off]} */
    static long of(byte[] key, int off) {
        return LittleEndian.getU32(key, off);
    }

    /**
     * Writes the index after {@code key} into {@code next}, as array_map_get_next_key() in
     * kernel/bpf/arraymap.c: index 0 when the key is null or out of range, ENOENT after the last.
     *
     * @return 0 or {@code -ENOENT}
     */
    static int nextKey(byte[] key, byte[] next, int maxEntries) {
        long index = key == null ? 0xffffffffL : of(key, 0);
        long max = Integer.toUnsignedLong(maxEntries);
        if (index >= max) {
            LittleEndian.putU32(next, 0, 0);
            return 0;
        }
        if (index == max - 1) {
            return (int) Errno.ENOENT.negative();
        }
        LittleEndian.putU32(next, 0, index + 1);
        return 0;
    }
}
