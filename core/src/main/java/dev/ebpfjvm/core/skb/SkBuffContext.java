package dev.ebpfjvm.core.skb;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Alu;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.ContextModel;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Memory;
import java.util.Objects;

/**
 * The {@code struct __sk_buff} of a tc program: every load and store the program makes through
 * its context pointer lands here and is rewritten onto the {@link Skb}, as the verifier's
 * {@code convert_ctx_accesses()} rewrites them with {@code tc_cls_act_convert_ctx_access()}
 * (net/core/filter.c, v6.18). Reads of {@code data}, {@code data_end} and {@code data_meta} yield
 * pointers into the packet region; the access rules are those of
 * {@code tc_cls_act_is_valid_access()} and {@code bpf_skb_is_valid_access()}, and a forbidden
 * access faults with the verifier's message.
 *
 * <p>Narrow loads follow the verifier exactly: a load of {@code size} bytes at offset {@code off}
 * of a 4-byte field whose kernel field is {@code t} bytes wide sees the whole kernel value when
 * {@code size >= t}, and otherwise the value shifted right by {@code (off & 3) * 8} and masked to
 * {@code size} bytes. So a 2-byte load of the upper half of {@code protocol} reads the protocol.
 *
 * <p>The packet buffer is published to the run's {@link Memory}; helpers that change the packet
 * call {@link #packetChanged()} so that the memory sees a reallocated buffer.
 */
public final class SkBuffContext implements ContextModel {
    private final Skb skb;
    private final Memory memory;
    private final Devices devices;

    private SkBuffContext(Skb skb, Memory memory, Devices devices) {
        this.skb = Objects.requireNonNull(skb, "skb");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.devices = Objects.requireNonNull(devices, "devices");
    }

    /**
     * Makes an skb the context of the next runs on {@code ctx}: its memory gets this model and the
     * packet, r1 at entry points at the context, and helpers find the skb through
     * {@link #of(ProgramContext)}.
     *
     * @param devices the devices helpers may hand packets to
     * @return the installed model
     */
    public static SkBuffContext install(ProgramContext ctx, Skb skb, Devices devices) {
        SkBuffContext model = new SkBuffContext(skb, ctx.memory(), devices);
        ctx.memory().setContextModel(model);
        ctx.memory().setPacket(skb.buffer());
        ctx.setEntry(Address.of(Memory.CONTEXT_REGION, 0), 0);
        ctx.setAttachment(model);
        return model;
    }

    /**
     * {@return the skb model installed on a run}
     *
     * @throws ProgramFaultException when the run's context is not an skb (a helper for tc
     *     programs called from another kind of program)
     */
    public static SkBuffContext of(ProgramContext ctx) {
        Object a = ctx.attachment();
        if (!(a instanceof SkBuffContext)) {
            throw new ProgramFaultException(-1, "helper needs an __sk_buff context");
        }
        return (SkBuffContext) a;
    }

    /** {@return the skb} */
    public Skb skb() {
        return skb;
    }

    /** {@return the devices helpers may hand packets to} */
    public Devices devices() {
        return devices;
    }

    /** {@return the run's memory} */
    public Memory memory() {
        return memory;
    }

    /** Publishes the skb's current buffer to the memory; call after every change of the packet. */
    public void packetChanged() {
        memory.setPacket(skb.buffer());
    }

    /** {@return the packet pointer of a buffer index} */
    public static long packetAddress(int index) {
        return Address.of(Memory.PACKET_REGION, index);
    }

    @Override
    public long load(int offset, int size) {
        SkBuffField f = check(offset, size, false);
        SkbMetadata m = skb.meta();
        switch (f) {
            case DATA:
            case DATA_META:
                return packetAddress(skb.data());
            case DATA_END:
                return packetAddress(skb.dataEnd());
            case TSTAMP:
                return m.tstamp();
            case HWTSTAMP:
                return m.hwtstamp();
            case SK:
            case TSTAMP_TYPE:
                return 0;
            case CB:
                return LittleEndian.get(m.cb(), offset - f.offset(), size);
            default:
                return narrow(field(f, m), f.targetSize(), offset, size);
        }
    }

    @Override
    public void store(int offset, int size, long value) {
        SkBuffField f = check(offset, size, true);
        SkbMetadata m = skb.meta();
        switch (f) {
            case MARK:
                m.setMark((int) value);
                break;
            case PRIORITY:
                m.setPriority((int) value);
                break;
            case TC_INDEX:
                m.setTcIndex((int) value);
                break;
            case TC_CLASSID:
                m.setTcClassid((int) value);
                break;
            case TSTAMP:
                m.setTstamp(value);
                break;
            case CB:
                LittleEndian.put(m.cb(), offset - f.offset(), size, value);
                break;
            case QUEUE_MAPPING:
                // "if (src >= NO_QUEUE_MAPPING) skip the store", a 64-bit unsigned compare.
                if (Long.compareUnsigned(value, 0xffff) < 0) {
                    m.setQueueMapping((int) value);
                }
                break;
            default:
                throw invalid(offset, size);
        }
    }

    /** The kernel value behind a 4-byte field, zero-extended. */
    private long field(SkBuffField f, SkbMetadata m) {
        switch (f) {
            case LEN:
                return skb.len();
            case PKT_TYPE:
                return m.pktType();
            case MARK:
                return m.mark() & 0xffffffffL;
            case QUEUE_MAPPING:
                return m.queueMapping();
            case PROTOCOL:
                return Alu.bswap(m.protocol(), 16);
            case VLAN_PRESENT:
                return m.vlanPresent() ? 1 : 0;
            case VLAN_TCI:
                return m.vlanTci();
            case VLAN_PROTO:
                return Alu.bswap(m.vlanProto(), 16);
            case PRIORITY:
                return m.priority() & 0xffffffffL;
            case INGRESS_IFINDEX:
                return m.ingressIfindex() & 0xffffffffL;
            case IFINDEX:
                return m.ifindex() & 0xffffffffL;
            case TC_INDEX:
                return m.tcIndex();
            case HASH:
                return m.hash() & 0xffffffffL;
            case TC_CLASSID:
                return m.tcClassid();
            case NAPI_ID:
                return m.napiId() & 0xffffffffL;
            case WIRE_LEN:
                return m.wireLen() & 0xffffffffL;
            case GSO_SEGS:
                return m.gsoSegs();
            case GSO_SIZE:
                return m.gsoSize();
            default:
                throw new IllegalStateException("not a 4-byte field: " + f);
        }
    }

    /** Mirrors the narrow-load fix-up of {@code convert_ctx_accesses()} in kernel/bpf/verifier.c. */
    static long narrow(long value, int targetSize, int offset, int size) {
        if (size >= targetSize) {
            return value;
        }
        int shift = (offset & 3) * 8;
        return (value >>> shift) & ((1L << (size * 8)) - 1);
    }

    /**
     * Mirrors {@code tc_cls_act_is_valid_access()} and {@code bpf_skb_is_valid_access()}.
     *
     * @return the field accessed
     */
    private static SkBuffField check(int offset, int size, boolean write) {
        SkBuffField f = SkBuffField.at(offset);
        // size is 1, 2, 4 or 8, so alignment is a mask test (a division would cost more than the rest).
        if (f == null
                || size <= 0
                || size > 8
                || (size & (size - 1)) != 0
                || (offset & (size - 1)) != 0
                || (write && !f.isWritable())) {
            throw invalid(offset, size);
        }
        boolean ok;
        switch (f) {
            case CB:
                ok = offset + size <= f.offset() + f.size();
                break;
            case DATA:
            case DATA_END:
            case DATA_META:
                ok = size == 4;
                break;
            case TSTAMP:
            case HWTSTAMP:
            case SK:
                ok = size == 8;
                break;
            case TSTAMP_TYPE:
                ok = size == 1;
                break;
            default:
                ok = write ? size == 4 : size <= 4;
        }
        if (!ok) {
            throw invalid(offset, size);
        }
        return f;
    }

    private static ProgramFaultException invalid(int offset, int size) {
        return new ProgramFaultException(-1, "invalid bpf_context access off=" + offset + " size=" + size);
    }
}
