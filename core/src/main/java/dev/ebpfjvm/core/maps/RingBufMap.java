package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code BPF_MAP_TYPE_RINGBUF} (kernel/bpf/ringbuf.c): a multi-producer, single-consumer ring of
 * variable-length records that programs reserve, fill and then submit or discard, and user space
 * consumes in order.
 *
 * <pre>
 *  record: | len : 32 (bit 31 BUSY, bit 30 DISCARD) | pg_off : 32 | data … padded to 8 |
 * </pre>
 *
 * Positions only grow; a record sits at {@code position & (size - 1)}. A reservation fails (NULL)
 * when the record (8-byte header plus data, rounded up to 8) is larger than the ring, or would put
 * the producer {@code size} or more bytes ahead of the consumer or of the oldest record still busy
 * (so a ring can never be completely full: recorded against Linux 6.18 in RingBufMapTest).
 * The consumer stops at the first busy record and skips discarded ones.
 *
 * <p>The kernel maps the data pages twice so that a record wrapping past the end is contiguous.
 * Here the data region ({@link RegionKind#RINGBUF}) is {@code 2 × size} bytes: a record is always
 * written from its header onwards, possibly into the second half, and on commit the part beyond
 * {@code size} is copied to the ring's start before the busy bit is cleared, which publishes it.
 *
 * <p>Synchronisation: reserving, committing and reading a record's header all take the producer
 * lock. The kernel reserves under its spin lock too, but commits with an atomic exchange on the
 * header and lets the consumer read headers with acquire loads; atomic access modes on a
 * {@code byte[]} view are not available on every JDK (JDK 22 and later refuse all but plain access
 * on byte-array views), so here the lock gives the same ordering: a program's writes to its
 * record, then the commit's header store, happen before the consumer's read of that header and
 * data. The consumer methods assume one consumer at a time, as libbpf's ring_buffer does, and are
 * synchronized to keep it so.
 */
public final class RingBufMap extends BpfMap {
    /** {@code BPF_RINGBUF_BUSY_BIT}. */
    public static final int BUSY_BIT = 1 << 31;
    /** {@code BPF_RINGBUF_DISCARD_BIT}. */
    public static final int DISCARD_BIT = 1 << 30;
    /** {@code BPF_RINGBUF_HDR_SZ}. */
    public static final int HDR_SZ = 8;
    /** {@code BPF_RB_NO_WAKEUP}. */
    public static final long RB_NO_WAKEUP = 1;
    /** {@code BPF_RB_FORCE_WAKEUP}. */
    public static final long RB_FORCE_WAKEUP = 2;
    /** {@code BPF_RB_AVAIL_DATA}: query flag for the bytes not yet consumed. */
    public static final long RB_AVAIL_DATA = 0;
    /** {@code BPF_RB_RING_SIZE}: query flag for the data size. */
    public static final long RB_RING_SIZE = 1;
    /** {@code BPF_RB_CONS_POS}: query flag for the consumer position. */
    public static final long RB_CONS_POS = 2;
    /** {@code BPF_RB_PROD_POS}: query flag for the producer position. */
    public static final long RB_PROD_POS = 3;

    /** {@code RINGBUF_MAX_RECORD_SZ}. */
    private static final long MAX_RECORD_SZ = 0xffffffffL / 4;
    /** Pages before the data in {@code struct bpf_ringbuf}: the meta page, the consumer and producer pages. */
    private static final int DATA_PAGE_OFFSET = 3;

    private final Region data;
    private final byte[] bytes;
    private final int size;
    private final long mask;
    private final Object producerLock = new Object();
    private final Object wakeup = new Object();
    private final AtomicLong wakeups = new AtomicLong();
    private volatile long consumerPos;
    private volatile long producerPos;
    private long pendingPos;

    RingBufMap(MapSpec spec, int cpus, RegionTable regions) {
        this(spec, cpus, regions, allocate(spec, 2 * Integer.toUnsignedLong(spec.maxEntries())));
    }

    private RingBufMap(MapSpec spec, int cpus, RegionTable regions, byte[] bytes) {
        super(spec, spec.maxEntries(), cpus, regions);
        this.bytes = bytes;
        this.size = spec.maxEntries();
        this.mask = size - 1L;
        this.data = regions().register(RegionKind.RINGBUF, bytes, true, this);
    }

    @Override
    public Kind kind() {
        return Kind.RINGBUF;
    }

    /** {@return the data size in bytes (max_entries)} */
    public int size() {
        return size;
    }

    /**
     * {@code bpf_ringbuf_reserve()}: {@return the address of a new busy record's data, or 0 when
     * flags are non-zero, the record is too large, or the ring has no room}
     */
    public long reserve(long sampleSize, long flags) {
        if (flags != 0 || Long.compareUnsigned(sampleSize, MAX_RECORD_SZ) > 0) {
            return 0;
        }
        long len = ValueLayout.roundUp8((int) sampleSize + HDR_SZ) & 0xffffffffL;
        if (len > size) {
            return 0;
        }
        long cons = consumerPos;
        synchronized (producerLock) {
            long prod = producerPos;
            long pend = advancePending(prod);
            long newProd = prod + len;
            if (newProd - cons > mask || newProd - pend > mask) {
                return 0;
            }
            int hdr = (int) (prod & mask);
            LittleEndian.putU32(bytes, hdr, sampleSize | BUSY_BIT);
            LittleEndian.putU32(bytes, hdr + 4, DATA_PAGE_OFFSET + (hdr >>> 12));
            producerPos = newProd;
            return data.address(hdr + HDR_SZ);
        }
    }

    /** Moves the pending position past records no longer busy. {@return it} */
    private long advancePending(long prod) {
        long pend = pendingPos;
        while (pend < prod) {
            int len = (int) LittleEndian.getU32(bytes, (int) (pend & mask));
            if ((len & BUSY_BIT) != 0) {
                break;
            }
            pend += recordLength(len);
        }
        pendingPos = pend;
        return pend;
    }

    /** {@code bpf_ringbuf_submit()}: publishes a reserved record. */
    public void submit(long sample, long flags) {
        commit(sample, flags, false);
    }

    /** {@code bpf_ringbuf_discard()}: publishes a reserved record as discarded, so consumers skip it. */
    public void discard(long sample, long flags) {
        commit(sample, flags, true);
    }

    /**
     * {@code bpf_ringbuf_output()}: reserves, copies {@code length} bytes and submits.
     *
     * @return 0, -EINVAL for unknown flags, -EAGAIN when the ring has no room
     */
    public long output(byte[] src, int srcOff, long length, long flags) {
        if ((flags & ~(RB_NO_WAKEUP | RB_FORCE_WAKEUP)) != 0) {
            return Errno.EINVAL.negative();
        }
        long sample = reserve(length, 0);
        if (sample == 0) {
            return Errno.EAGAIN.negative();
        }
        System.arraycopy(src, srcOff, bytes, Address.offset(sample), (int) length);
        commit(sample, flags, false);
        return 0;
    }

    /** {@code bpf_ringbuf_query()}: {@return the value a query flag asks for, 0 for unknown flags} */
    public long query(long flags) {
        if (flags == RB_AVAIL_DATA) {
            return availableData();
        } else if (flags == RB_RING_SIZE) {
            return size;
        } else if (flags == RB_CONS_POS) {
            return consumerPos;
        } else if (flags == RB_PROD_POS) {
            return producerPos;
        }
        return 0;
    }

    /** bpf_ringbuf_commit(): copies a wrapped record's tail to the ring's start and clears the busy bit. */
    private void commit(long sample, long flags, boolean discard) {
        int hdr = Address.offset(sample) - HDR_SZ;
        if (Address.region(sample) != data.id() || hdr < 0 || hdr >= size || (hdr & 7) != 0) {
            throw new ProgramFaultException(-1, "not a ring buffer record: " + Address.toString(sample));
        }
        synchronized (producerLock) {
            int len = (int) LittleEndian.getU32(bytes, hdr);
            if ((len & BUSY_BIT) == 0) {
                throw new ProgramFaultException(
                        -1,
                        "ring buffer record at " + Address.toString(sample) + " was already submitted or discarded");
            }
            int end = hdr + HDR_SZ + (len & ~BUSY_BIT);
            if (end > size) {
                System.arraycopy(bytes, size, bytes, 0, end - size);
            }
            LittleEndian.putU32(bytes, hdr, (len ^ BUSY_BIT) | (discard ? DISCARD_BIT : 0));
        }
        long cons = consumerPos & mask;
        if ((flags & RB_FORCE_WAKEUP) != 0 || (cons == hdr && (flags & RB_NO_WAKEUP) == 0)) {
            wake();
        }
    }

    private void wake() {
        synchronized (wakeup) {
            wakeups.incrementAndGet();
            wakeup.notifyAll();
        }
    }

    /** {@return the record's length in the ring: header plus data rounded up to 8 (libbpf's roundup_len())} */
    private static long recordLength(int len) {
        long data = len & ~(BUSY_BIT | DISCARD_BIT);
        return (data + HDR_SZ + 7) & ~7L;
    }

    // ---- user-space consumer (libbpf's ringbuf_process_ring())

    /** Same as {@code consume(Integer.MAX_VALUE, handler)}. */
    public int consume(Consumer<byte[]> handler) {
        return consume(Integer.MAX_VALUE, handler);
    }

    /**
     * Hands submitted records to {@code handler} in order, skipping discarded ones and stopping at
     * the first busy one or after {@code max} records.
     *
     * @return the number of records handled
     */
    public synchronized int consume(int max, Consumer<byte[]> handler) {
        checkOpen("consume");
        int count = 0;
        long cons = consumerPos;
        while (count < max) {
            int hdr = (int) (cons & mask);
            int len;
            synchronized (producerLock) {
                if (cons >= producerPos) {
                    break;
                }
                len = (int) LittleEndian.getU32(bytes, hdr);
            }
            if ((len & BUSY_BIT) != 0) {
                break;
            }
            byte[] record = (len & DISCARD_BIT) == 0 ? read(hdr + HDR_SZ, len) : null;
            cons += recordLength(len);
            consumerPos = cons;
            if (record != null) {
                handler.accept(record);
                count++;
            }
        }
        return count;
    }

    /** {@return the next submitted record's data, or null when there is none} */
    public byte[] poll() {
        byte[][] record = new byte[1][];
        consume(1, r -> record[0] = r);
        return record[0];
    }

    private byte[] read(int from, int length) {
        byte[] out = new byte[length];
        int start = (int) (from & mask);
        int first = Math.min(length, size - start);
        System.arraycopy(bytes, start, out, 0, first);
        System.arraycopy(bytes, 0, out, first, length - first);
        return out;
    }

    /**
     * Waits until a commit wakes consumers up (as epoll on the map fd) or the timeout passes.
     * {@return true when data is available}
     */
    public boolean awaitData(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (wakeup) {
            long seen = wakeups.get();
            while (availableData() == 0 && wakeups.get() == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(wakeup, left);
            }
        }
        return availableData() > 0;
    }

    /** {@return the bytes produced but not consumed (records of any state, headers included)} */
    public long availableData() {
        return producerPos - consumerPos;
    }

    /** {@return the producer position} */
    public long producerPosition() {
        return producerPos;
    }

    /** {@return the consumer position} */
    public long consumerPosition() {
        return consumerPos;
    }

    /** {@return how many times commits have woken consumers up (BPF_RB_NO_WAKEUP / FORCE_WAKEUP decide)} */
    public long wakeups() {
        return wakeups.get();
    }

    @Override
    int doLookup(byte[] key, byte[] out) {
        return (int) Errno.ENOTSUPP.negative();
    }

    @Override
    int doUpdate(byte[] key, byte[] value, long flags) {
        return (int) Errno.ENOTSUPP.negative();
    }

    @Override
    int doDelete(byte[] key) {
        return (int) Errno.ENOTSUPP.negative();
    }

    @Override
    int doNextKey(byte[] key, byte[] next) {
        return (int) Errno.ENOTSUPP.negative();
    }

    @Override
    void releaseValues() {
        regions().release(data);
    }
}
