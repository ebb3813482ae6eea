package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bucket array of the hash map family, shaped like the kernel's {@code struct bpf_htab}
 * (kernel/bpf/hashtab.c): {@code roundup_pow_of_two(max_entries)} buckets, a key's bucket chosen
 * by {@link JHash} (seed 0), new elements added at the head of their bucket's chain. That makes
 * {@link #nextKey} walk keys in exactly the kernel's order for {@code BPF_F_ZERO_SEED} maps.
 *
 * <p>Concurrency, as RCU gives the kernel: lookups take no lock. A chain is a list of nodes whose
 * {@code next} links are volatile; a bucket head is read and written with volatile semantics.
 * Writers hold the lock of the bucket's stripe ({@link #lock(int)}: one of at most
 * {@value #MAX_STRIPES} monitors, like the kernel's per-bucket spin lock but striped) while they
 * link a new node at the head or unlink one. An unlinked node keeps its {@code next}, so a reader
 * standing on it finishes its walk; nodes are never reused (each insertion allocates one), so the
 * kernel's "nulls" re-check for elements moving between buckets is not needed.
 *
 * @param <E> what an element holds: a value slot, an LRU node, an inner map
 */
final class HashTable<E> {
    /** The most lock stripes a table has. */
    static final int MAX_STRIPES = 64;

    private static final VarHandle HEADS = MethodHandles.arrayElementVarHandle(Node[].class);

    /** One element in a bucket's chain. */
    static final class Node<E> {
        final byte[] key;
        final int hash;
        final E elem;
        volatile Node<E> next;

        Node(byte[] key, int hash, E elem, Node<E> next) {
            this.key = key;
            this.hash = hash;
            this.elem = elem;
            this.next = next;
        }
    }

    private final Node<E>[] heads;
    private final Object[] locks;
    private final int keySize;
    private final int mask;

    /**
     * {@return the table of a hash map: roundup_pow_of_two(max_entries) buckets, as htab_map_alloc()}
     *
     * @throws MapException ENOMEM above 2^30 buckets or when the heap cannot hold them, where the
     *     kernel's allocation would fail
     */
    static <E> HashTable<E> forMap(MapSpec spec, int maxEntries) {
        long max = Integer.toUnsignedLong(maxEntries);
        long buckets = Long.highestOneBit(Math.max(1, max - 1)) << (max > 1 ? 1 : 0);
        if (buckets > 1L << 30) {
            throw new MapException(spec.name(), "create", Errno.ENOMEM, buckets + " buckets exceed a Java array");
        }
        try {
            return new HashTable<>((int) buckets, spec.keySize());
        } catch (OutOfMemoryError e) {
            throw new MapException(spec.name(), "create", Errno.ENOMEM, "cannot allocate " + buckets + " buckets");
        }
    }

    /**
     * @param buckets the number of buckets, a power of two
     * @param keySize the key size in bytes
     */
    @SuppressWarnings("unchecked")
    private HashTable(int buckets, int keySize) {
        this.heads = (Node<E>[]) new Node[buckets];
        this.keySize = keySize;
        this.mask = buckets - 1;
        this.locks = new Object[Math.min(buckets, MAX_STRIPES)];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** {@return the number of lock stripes} */
    int stripes() {
        return locks.length;
    }

    /** {@return the hash of the key at key[off .. off + key_size)} */
    int hash(byte[] key, int off) {
        return JHash.hash(key, off, keySize, 0);
    }

    /** {@return the monitor writers of the bucket of a hash hold} */
    Object lock(int hash) {
        return locks[hash & mask & (locks.length - 1)];
    }

    /** {@return the node of a key, or null; safe without the lock} */
    Node<E> find(int hash, byte[] key, int off) {
        for (Node<E> n = head(hash & mask); n != null; n = n.next) {
            if (n.hash == hash && Arrays.equals(n.key, 0, keySize, key, off, off + keySize)) {
                return n;
            }
        }
        return null;
    }

    /** Links a new element at the head of its bucket; the caller holds {@link #lock(int)}. */
    void insert(int hash, byte[] key, int off, E elem) {
        int b = hash & mask;
        HEADS.setVolatile(heads, b, new Node<>(Arrays.copyOfRange(key, off, off + keySize), hash, elem, head(b)));
    }

    /** Unlinks a node; the caller holds {@link #lock(int)}. {@return false when it was not linked} */
    boolean remove(Node<E> node) {
        int b = node.hash & mask;
        Node<E> n = head(b);
        if (n == node) {
            HEADS.setVolatile(heads, b, node.next);
            return true;
        }
        for (; n != null; n = n.next) {
            if (n.next == node) {
                n.next = node.next;
                return true;
            }
        }
        return false;
    }

    /** {@return the node holding an element (by identity), or null; the caller holds {@link #lock(int)}} */
    Node<E> findElem(int hash, E elem) {
        for (Node<E> n = head(hash & mask); n != null; n = n.next) {
            if (n.elem == elem) {
                return n;
            }
        }
        return null;
    }

    /**
     * Writes the key after {@code key} into {@code next}, as htab_map_get_next_key() does: the next
     * node of the key's chain, else the first node of a following bucket; when {@code key} is null
     * or absent, the first key of the table.
     *
     * @return 0, or {@code -ENOENT} after the last key
     */
    int nextKey(byte[] key, byte[] next) {
        int b = 0;
        if (key != null) {
            int hash = hash(key, 0);
            Node<E> n = find(hash, key, 0);
            if (n != null) {
                Node<E> after = n.next;
                if (after != null) {
                    System.arraycopy(after.key, 0, next, 0, keySize);
                    return 0;
                }
                b = (hash & mask) + 1;
            }
        }
        for (; b <= mask; b++) {
            Node<E> first = head(b);
            if (first != null) {
                System.arraycopy(first.key, 0, next, 0, keySize);
                return 0;
            }
        }
        return (int) Errno.ENOENT.negative();
    }

    /** {@return every key, in {@link #nextKey} order, walking each chain once (no restarts under concurrent deletes)} */
    List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>();
        for (int b = 0; b <= mask; b++) {
            for (Node<E> n = head(b); n != null; n = n.next) {
                keys.add(n.key.clone());
            }
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private Node<E> head(int bucket) {
        return (Node<E>) HEADS.getVolatile(heads, bucket);
    }
}
