package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.RingBufMap;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.memory.RegionKind;

/**
 * The map and ring buffer helper functions, as both engines call them: static methods with the
 * {@link dev.ebpfjvm.core.exec.Helper} signature (r1–r5 in, r0 out). A map argument is a map's
 * address, resolved through its {@link RegionKind#MAP} region; keys and values are read from
 * program memory in place (stack, map values, packet) without copying. Failures come back to the
 * program as negative errnos, as the kernel's helpers return them (kernel/bpf/helpers.c,
 * kernel/bpf/ringbuf.c). Arguments the verifier would have rejected (not a map pointer, a key
 * outside its region) fault the program instead.
 */
public final class MapHelpers {
    private MapHelpers() {}

    /** Registers every helper of this class under its kernel id. {@return the builder} */
    public static HelperRegistry.Builder register(HelperRegistry.Builder builder) {
        builder.add(HelperId.MAP_LOOKUP_ELEM.id(), HelperId.MAP_LOOKUP_ELEM.kernelName(), MapHelpers::mapLookupElem);
        builder.add(HelperId.MAP_UPDATE_ELEM.id(), HelperId.MAP_UPDATE_ELEM.kernelName(), MapHelpers::mapUpdateElem);
        builder.add(HelperId.MAP_DELETE_ELEM.id(), HelperId.MAP_DELETE_ELEM.kernelName(), MapHelpers::mapDeleteElem);
        builder.add(HelperId.MAP_PUSH_ELEM.id(), HelperId.MAP_PUSH_ELEM.kernelName(), MapHelpers::mapPushElem);
        builder.add(HelperId.MAP_POP_ELEM.id(), HelperId.MAP_POP_ELEM.kernelName(), MapHelpers::mapPopElem);
        builder.add(HelperId.MAP_PEEK_ELEM.id(), HelperId.MAP_PEEK_ELEM.kernelName(), MapHelpers::mapPeekElem);
        builder.add(HelperId.RINGBUF_OUTPUT.id(), HelperId.RINGBUF_OUTPUT.kernelName(), MapHelpers::ringbufOutput);
        builder.add(HelperId.RINGBUF_RESERVE.id(), HelperId.RINGBUF_RESERVE.kernelName(), MapHelpers::ringbufReserve);
        builder.add(HelperId.RINGBUF_SUBMIT.id(), HelperId.RINGBUF_SUBMIT.kernelName(), MapHelpers::ringbufSubmit);
        builder.add(HelperId.RINGBUF_DISCARD.id(), HelperId.RINGBUF_DISCARD.kernelName(), MapHelpers::ringbufDiscard);
        builder.add(HelperId.RINGBUF_QUERY.id(), HelperId.RINGBUF_QUERY.kernelName(), MapHelpers::ringbufQuery);
        return builder;
    }

    /** {@code void *bpf_map_lookup_elem(map, key)}: {@return the value's address, or 0 (NULL)} */
    public static long mapLookupElem(ProgramContext ctx, long map, long key, long r3, long r4, long r5) {
        BpfMap m = mapAt(ctx, map);
        byte[] k = ctx.memory().readable(key);
        return m.lookupFromProgram(ctx, k, Memory.checkedIndex(k, key, m.keySize()));
    }

    /** {@code long bpf_map_update_elem(map, key, value, flags)}: {@return 0 or a negative errno} */
    public static long mapUpdateElem(ProgramContext ctx, long map, long key, long value, long flags, long r5) {
        BpfMap m = mapAt(ctx, map);
        byte[] k = ctx.memory().readable(key);
        int keyOff = Memory.checkedIndex(k, key, m.keySize());
        byte[] v = ctx.memory().readable(value);
        return m.updateFromProgram(ctx, k, keyOff, v, Memory.checkedIndex(v, value, m.valueSize()), flags);
    }

    /** {@code long bpf_map_delete_elem(map, key)}: {@return 0 or a negative errno} */
    public static long mapDeleteElem(ProgramContext ctx, long map, long key, long r3, long r4, long r5) {
        BpfMap m = mapAt(ctx, map);
        byte[] k = ctx.memory().readable(key);
        return m.deleteFromProgram(ctx, k, Memory.checkedIndex(k, key, m.keySize()));
    }

    /**
     * {@code long bpf_map_push_elem(map, value, flags)}: only queue, stack and bloom filter maps
     * implement it (none of them here), so {@return -EINVAL for flags queue_stack_map_push_elem()
     * rejects, else -ENOTSUPP}
     */
    public static long mapPushElem(ProgramContext ctx, long map, long value, long flags, long r4, long r5) {
        mapAt(ctx, map);
        if ((flags & BpfMap.NOEXIST) != 0 || Long.compareUnsigned(flags, BpfMap.EXIST) > 0) {
            return Errno.EINVAL.negative();
        }
        return Errno.ENOTSUPP.negative();
    }

    /** {@code long bpf_map_pop_elem(map, value)}: {@return -ENOTSUPP: no map here is a queue or stack} */
    public static long mapPopElem(ProgramContext ctx, long map, long value, long r3, long r4, long r5) {
        mapAt(ctx, map);
        return Errno.ENOTSUPP.negative();
    }

    /** {@code long bpf_map_peek_elem(map, value)}: {@return -ENOTSUPP: no map here is a queue, stack or bloom filter} */
    public static long mapPeekElem(ProgramContext ctx, long map, long value, long r3, long r4, long r5) {
        mapAt(ctx, map);
        return Errno.ENOTSUPP.negative();
    }

    /** {@code long bpf_ringbuf_output(ringbuf, data, size, flags)}: {@return 0, -EINVAL or -EAGAIN} */
    public static long ringbufOutput(ProgramContext ctx, long map, long data, long size, long flags, long r5) {
        RingBufMap rb = ringBufAt(ctx, map);
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new ProgramFaultException(-1, "bpf_ringbuf_output of " + Long.toUnsignedString(size) + " bytes");
        }
        byte[] src = ctx.memory().readable(data);
        return rb.output(src, Memory.checkedIndex(src, data, (int) size), size, flags);
    }

    /** {@code void *bpf_ringbuf_reserve(ringbuf, size, flags)}: {@return the record's address, or 0} */
    public static long ringbufReserve(ProgramContext ctx, long map, long size, long flags, long r4, long r5) {
        return ringBufAt(ctx, map).reserve(size, flags);
    }

    /** {@code void bpf_ringbuf_submit(data, flags)}: {@return 0} */
    public static long ringbufSubmit(ProgramContext ctx, long data, long flags, long r3, long r4, long r5) {
        recordAt(ctx, data).submit(data, flags);
        return 0;
    }

    /** {@code void bpf_ringbuf_discard(data, flags)}: {@return 0} */
    public static long ringbufDiscard(ProgramContext ctx, long data, long flags, long r3, long r4, long r5) {
        recordAt(ctx, data).discard(data, flags);
        return 0;
    }

    /** {@code u64 bpf_ringbuf_query(ringbuf, flags)}: {@return the queried position or size, 0 for unknown flags} */
    public static long ringbufQuery(ProgramContext ctx, long map, long flags, long r3, long r4, long r5) {
        return ringBufAt(ctx, map).query(flags);
    }

    /**
     * {@return the map a map pointer designates}
     *
     * @throws ProgramFaultException when the pointer is not a map's address
     */
    static BpfMap mapAt(ProgramContext ctx, long map) {
        Object owner = ctx.memory().ownerAt(map, RegionKind.MAP);
        if (!(owner instanceof BpfMap) || Address.offset(map) != 0) {
            throw new ProgramFaultException(-1, "not a map pointer: " + Address.toString(map));
        }
        return (BpfMap) owner;
    }

    private static RingBufMap ringBufAt(ProgramContext ctx, long map) {
        BpfMap m = mapAt(ctx, map);
        if (!(m instanceof RingBufMap)) {
            throw new ProgramFaultException(-1, "ring buffer helper on " + m);
        }
        return (RingBufMap) m;
    }

    private static RingBufMap recordAt(ProgramContext ctx, long data) {
        Object owner = ctx.memory().ownerAt(data, RegionKind.RINGBUF);
        if (!(owner instanceof RingBufMap)) {
            throw new ProgramFaultException(-1, "not a ring buffer record: " + Address.toString(data));
        }
        return (RingBufMap) owner;
    }
}
