package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The user-space API of every {@link BpfMap}, as the {@code bpf(2)} map commands give it: lookup,
 * update, delete, get-next-key and freeze on byte arrays, with the syscall's checks
 * (kernel/bpf/syscall.c: map_lookup_elem(), map_update_elem(), map_delete_elem(),
 * map_get_next_key(), map_freeze()) and errors thrown as {@link MapException}s. Per-CPU maps take
 * and give every CPU's value at once, each rounded up to 8 bytes. Keys and values of 1, 2, 4 or 8
 * bytes have little-endian conveniences ({@link #u32}, {@link #u64}, {@link #lookupLong},
 * {@link #updateLong}).
 *
 * <p>Subclasses implement the operations with the kernel's errno results ({@code 0} or
 * {@code -errno}), shared with the program side.
 */
abstract class MapAccess {
    /** {@code BPF_ANY}: create a new element or update an existing one. */
    public static final long ANY = 0;
    /** {@code BPF_NOEXIST}: create a new element only if it does not exist. */
    public static final long NOEXIST = 1;
    /** {@code BPF_EXIST}: update an existing element only. */
    public static final long EXIST = 2;
    /** {@code BPF_F_LOCK}: update under the value's spin lock; no map here has one, so it is EINVAL. */
    public static final long F_LOCK = 4;

    /** A key and its value, as {@link #entries()} lists them. */
    public record Entry(byte[] key, byte[] value) {}

    private volatile boolean frozen;

    /** {@return the map's name} */
    public abstract String name();

    /** {@return the key size in bytes} */
    public abstract int keySize();

    /** {@return the value size in bytes} */
    public abstract int valueSize();

    /** {@return the number of simulated CPUs} */
    public abstract int cpus();

    /** {@return map_flags} */
    public abstract int flags();

    /** {@return true for per-CPU maps} */
    public abstract boolean isPerCpu();

    /** Throws EBADF when the map is closed. */
    abstract void checkOpen(String operation);

    /** Looks up a key, writing the user-space value into {@code out}. {@return 0 or -errno} */
    abstract int doLookup(byte[] key, byte[] out);

    /** Creates or updates an element from a user-space value. {@return 0 or -errno} */
    abstract int doUpdate(byte[] key, byte[] value, long flags);

    /** Deletes an element. {@return 0 or -errno} */
    abstract int doDelete(byte[] key);

    /** Writes the key after {@code key} (the first when null) into {@code next}. {@return 0 or -errno} */
    abstract int doNextKey(byte[] key, byte[] next);

    /** {@return the length of a user-space value: value_size, or round_up(value_size, 8) × CPUs for per-CPU maps} */
    public final int userValueSize() {
        return isPerCpu() ? ValueLayout.roundUp8(valueSize()) * cpus() : valueSize();
    }

    /**
     * {@return the value of a key (every CPU's for per-CPU maps), or null when the key is absent
     * (the kernel's ENOENT)}
     *
     * @throws MapException EPERM for a {@code BPF_F_WRONLY} map, EINVAL for a key of the wrong size
     */
    public final byte[] lookup(byte[] key) {
        checkReadable("lookup");
        checkSize("lookup", "key", key, keySize());
        byte[] out = new byte[userValueSize()];
        int err = doLookup(key, out);
        if (err == Errno.ENOENT.negative()) {
            return null;
        }
        if (err != 0) {
            throw error("lookup", err, null);
        }
        return out;
    }

    /** Same as {@code update(key, value, ANY)}. */
    public final void update(byte[] key, byte[] value) {
        update(key, value, ANY);
    }

    /**
     * Creates or updates an element.
     *
     * @param flags {@link #ANY}, {@link #NOEXIST} or {@link #EXIST}
     * @throws MapException EEXIST (NOEXIST on an existing key), ENOENT (EXIST on an absent one),
     *     E2BIG (full hash map, array index out of range), EINVAL (bad flags, {@link #F_LOCK},
     *     wrong sizes), EPERM (frozen or {@code BPF_F_RDONLY} map)
     */
    public final void update(byte[] key, byte[] value, long flags) {
        checkWritable("update");
        checkSize("update", "key", key, keySize());
        checkSize("update", "value", value, userValueSize());
        if ((flags & F_LOCK) != 0) {
            throw error("update", (int) Errno.EINVAL.negative(), "BPF_F_LOCK needs a bpf_spin_lock in the value");
        }
        int err = doUpdate(key, value, flags);
        if (err != 0) {
            throw error("update", err, null);
        }
    }

    /**
     * Deletes an element. {@return false when the key was absent (the kernel's ENOENT)}
     *
     * @throws MapException EINVAL for arrays, E2BIG for an index out of range of a prog array or
     *     array of maps, EPERM for a frozen or read-only map
     */
    public final boolean delete(byte[] key) {
        checkWritable("delete");
        checkSize("delete", "key", key, keySize());
        int err = doDelete(key);
        if (err == Errno.ENOENT.negative()) {
            return false;
        }
        if (err != 0) {
            throw error("delete", err, null);
        }
        return true;
    }

    /**
     * {@return the key after {@code key} in the map's iteration order, the first key when
     * {@code key} is null or absent, or null after the last key (the kernel's ENOENT)}
     */
    public final byte[] nextKey(byte[] key) {
        checkReadable("get next key");
        if (key != null) {
            checkSize("get next key", "key", key, keySize());
        }
        byte[] next = new byte[keySize()];
        int err = doNextKey(key, next);
        if (err == Errno.ENOENT.negative()) {
            return null;
        }
        if (err != 0) {
            throw error("get next key", err, null);
        }
        return next;
    }

    /** {@return every key, in {@link #nextKey} order} */
    public List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>();
        for (byte[] k = nextKey(null); k != null; k = nextKey(k)) {
            keys.add(k);
        }
        return keys;
    }

    /** {@return every key with its value, in {@link #nextKey} order; keys deleted meanwhile are left out} */
    public final List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (byte[] key : keys()) {
            byte[] value = lookup(key);
            if (value != null) {
                entries.add(new Entry(key, value));
            }
        }
        return entries;
    }

    /**
     * Freezes the map for user space ({@code BPF_MAP_FREEZE}): later updates and deletes from user
     * space fail with EPERM; programs are not affected.
     *
     * @throws MapException EPERM when already frozen or read-only for user space, as the kernel
     */
    public final void freeze() {
        checkWritable("freeze");
        frozen = true;
    }

    /** {@return true once {@link #freeze()} was called} */
    public final boolean isFrozen() {
        return frozen;
    }

    // ---- per-CPU and little-endian conveniences

    /** {@return the value of each CPU (value_size bytes each), or null when the key is absent} */
    public final byte[][] lookupPerCpu(byte[] key) {
        byte[] all = lookup(key);
        if (all == null) {
            return null;
        }
        int stride = ValueLayout.roundUp8(valueSize());
        byte[][] values = new byte[all.length / stride][];
        for (int cpu = 0; cpu < values.length; cpu++) {
            values[cpu] = Arrays.copyOfRange(all, cpu * stride, cpu * stride + valueSize());
        }
        return values;
    }

    /** Updates a per-CPU element with one value (value_size bytes) per CPU. */
    public final void updatePerCpu(byte[] key, byte[][] values, long flags) {
        if (values.length != cpus()) {
            throw error("update", (int) Errno.EINVAL.negative(), values.length + " values for " + cpus() + " CPUs");
        }
        int stride = ValueLayout.roundUp8(valueSize());
        byte[] all = new byte[stride * cpus()];
        for (int cpu = 0; cpu < values.length; cpu++) {
            checkSize("update", "value of CPU " + cpu, values[cpu], valueSize());
            System.arraycopy(values[cpu], 0, all, cpu * stride, valueSize());
        }
        update(key, all, flags);
    }

    /** {@return v as 4 little-endian bytes, a u32 key or value} */
    public static byte[] u32(long v) {
        byte[] b = new byte[4];
        LittleEndian.putU32(b, 0, v);
        return b;
    }

    /** {@return v as 8 little-endian bytes, a u64 key or value} */
    public static byte[] u64(long v) {
        byte[] b = new byte[8];
        LittleEndian.putU64(b, 0, v);
        return b;
    }

    /** {@return the value of a key read as a little-endian unsigned integer of value_size (1, 2, 4, 8) bytes} */
    public final OptionalLong lookupLong(byte[] key) {
        checkNumeric("lookup");
        byte[] value = lookup(key);
        return value == null ? OptionalLong.empty() : OptionalLong.of(LittleEndian.get(value, 0, valueSize()));
    }

    /** Stores v, truncated to value_size (1, 2, 4, 8) bytes, little-endian, under a key. */
    public final void updateLong(byte[] key, long v, long flags) {
        checkNumeric("update");
        byte[] value = new byte[valueSize()];
        LittleEndian.put(value, 0, valueSize(), v);
        update(key, value, flags);
    }

    private void checkNumeric(String operation) {
        int size = valueSize();
        if (isPerCpu() || (size != 1 && size != 2 && size != 4 && size != 8)) {
            throw error(
                    operation,
                    (int) Errno.EINVAL.negative(),
                    "a " + (isPerCpu() ? "per-CPU " : "") + size
                            + "-byte value is not a number; use the byte-array API");
        }
    }

    /** Throws unless user space may read the map: EBADF when closed, EPERM when write-only. */
    final void checkReadable(String operation) {
        checkOpen(operation);
        if ((flags() & MapSpec.F_WRONLY) != 0) {
            throw error(operation, (int) Errno.EPERM.negative(), "map is write-only for user space");
        }
    }

    /** Throws unless user space may write the map: EBADF when closed, EPERM when frozen or read-only. */
    final void checkWritable(String operation) {
        checkOpen(operation);
        if (frozen) {
            throw error(operation, (int) Errno.EPERM.negative(), "map is frozen");
        }
        if ((flags() & MapSpec.F_RDONLY) != 0) {
            throw error(operation, (int) Errno.EPERM.negative(), "map is read-only for user space");
        }
    }

    /** Checks that a user buffer has the size the kernel would copy (ebpf-jvm's check: the kernel cannot see it). */
    final void checkSize(String operation, String what, byte[] bytes, int size) {
        if (bytes == null || bytes.length != size) {
            throw error(
                    operation,
                    (int) Errno.EINVAL.negative(),
                    what + " must be " + size + " bytes, not " + (bytes == null ? "null" : bytes.length));
        }
    }

    /** {@return the exception for a negative errno} */
    final MapException error(String operation, int err, String reason) {
        Errno errno = Errno.of(err);
        return new MapException(
                name(),
                operation,
                errno == null ? Errno.EINVAL : errno,
                errno == null ? "errno " + err + (reason == null ? "" : ", " + reason) : reason);
    }
}
