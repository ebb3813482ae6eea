package dev.ebpfjvm.core.memory;

import dev.ebpfjvm.core.ProgramFaultException;
import java.util.Objects;

/**
 * The address space of one run: the per-run regions (stack, context, packet), which have fixed
 * ids, and the long-lived regions within the {@link Reach} of the program that runs (set by
 * {@link dev.ebpfjvm.core.exec.Executable#run} and by tail calls). Not thread-safe: each thread
 * runs with its own {@code Memory}.
 *
 * <p>The generic accessors here decode the region of every address; engines use them only where
 * the region is not known statically. Faults they raise carry pc -1: the engine fills in the pc.
 */
public final class Memory {
    /** The region id of the stack frames. */
    public static final int STACK_REGION = 1;
    /** The region id of the context. */
    public static final int CONTEXT_REGION = 2;
    /** The region id of the packet. */
    public static final int PACKET_REGION = 3;
    /** The first id the {@link RegionTable} hands out; ids below are reserved for per-run regions. */
    public static final int FIRST_SHARED_REGION = 16;

    /** The size of one stack frame, {@code MAX_BPF_STACK}. */
    public static final int FRAME_SIZE = 512;
    /** The deepest bpf-to-bpf call chain, {@code MAX_CALL_FRAMES}. */
    public static final int MAX_FRAMES = 8;

    private Reach reach;
    private final byte[] stack = new byte[FRAME_SIZE * MAX_FRAMES];
    private byte[] context;
    private boolean contextWritable = true;
    private ContextModel contextModel;
    private byte[] packet;

    /** A memory that reaches no long-lived region until a program's {@link Reach} is set. */
    public Memory() {
        this.reach = Reach.NOTHING;
    }

    /** {@return the stack: frame i occupies bytes [i * 512, (i + 1) * 512)} */
    public byte[] stack() {
        return stack;
    }

    /** {@return the frame pointer r10 of call depth {@code frame} (0 = the entry function)} */
    public static long framePointer(int frame) {
        return Address.of(STACK_REGION, (frame + 1) * FRAME_SIZE);
    }

    /** {@return the context bytes, or null when the program has no context} */
    public byte[] context() {
        return context;
    }

    /** Sets the context bytes (kept, not copied); null for none. Clears any context model. */
    public void setContext(byte[] bytes, boolean writable) {
        this.context = bytes;
        this.contextWritable = writable;
        this.contextModel = null;
    }

    /** {@return the context model, or null when the context is plain bytes} */
    public ContextModel contextModel() {
        return contextModel;
    }

    /**
     * Makes the context a modelled structure (an {@code __sk_buff}); the context region then has
     * no bytes of its own and every access goes through the model.
     */
    public void setContextModel(ContextModel model) {
        this.context = null;
        this.contextModel = model;
    }

    /** {@return the packet bytes, or null when there is no packet} */
    public byte[] packet() {
        return packet;
    }

    /** Sets the packet bytes (kept, not copied); null for none. */
    public void setPacket(byte[] bytes) {
        this.packet = bytes;
    }

    /** {@return the long-lived regions the running program may reach} */
    public Reach reach() {
        return reach;
    }

    /** Sets the long-lived regions the program about to run may reach. */
    public void setReach(Reach reach) {
        this.reach = Objects.requireNonNull(reach, "reach");
    }

    /**
     * {@return the owner of the region an address points into, if the running program may reach
     * it and it is of the given kind; else null} Helpers find maps and callbacks this way.
     */
    public Object ownerAt(long address, RegionKind kind) {
        Region region = reach.region(Address.region(address));
        return region != null && region.kind() == kind ? region.owner() : null;
    }

    /**
     * The bytes an address points into, for reading.
     *
     * @throws ProgramFaultException when the address is in no region
     */
    public byte[] readable(long address) {
        byte[] bytes = readableOrNull(address);
        if (bytes == null) {
            throw invalidAccess("read", address);
        }
        return bytes;
    }

    /**
     * The bytes an address points into, for writing.
     *
     * @throws ProgramFaultException when the address is in no region or in a read-only one
     */
    public byte[] writable(long address) {
        byte[] bytes = writableOrNull(address);
        if (bytes == null) {
            throw invalidAccess("write", address);
        }
        return bytes;
    }

    /**
     * {@return the bytes an address points into, or null when it is in no region} The JIT resolves
     * a region once per run this way (the context behind the entry r1) and lets a null array fault
     * on first use.
     */
    public byte[] readableOrNull(long address) {
        int id = Address.region(address);
        switch (id) {
            case STACK_REGION:
                return stack;
            case CONTEXT_REGION:
                return context;
            case PACKET_REGION:
                return packet;
            default:
                Region region = reach.region(id);
                return region == null ? null : region.bytes();
        }
    }

    /** {@return the bytes an address points into, or null when it is in no region or a read-only one} */
    public byte[] writableOrNull(long address) {
        int id = Address.region(address);
        switch (id) {
            case STACK_REGION:
                return stack;
            case CONTEXT_REGION:
                return contextWritable ? context : null;
            case PACKET_REGION:
                return packet;
            default:
                Region region = reach.region(id);
                return region == null || !region.isWritable() ? null : region.bytes();
        }
    }

    /** {@return the zero-extended value of {@code size} bytes at an address} */
    public long load(long address, int size) {
        if (contextModel != null && Address.region(address) == CONTEXT_REGION) {
            return contextModel.load(Address.offset(address), size);
        }
        byte[] bytes = readable(address);
        return LittleEndian.get(bytes, checkedIndex(bytes, address, size), size);
    }

    /** Stores the low {@code size} bytes of a value at an address. */
    public void store(long address, int size, long value) {
        if (contextModel != null && Address.region(address) == CONTEXT_REGION) {
            contextModel.store(Address.offset(address), size, value);
            return;
        }
        byte[] bytes = writable(address);
        LittleEndian.put(bytes, checkedIndex(bytes, address, size), size, value);
    }

    /** Copies {@code length} bytes from an address into a new array (for helpers reading keys, strings). */
    public byte[] read(long address, int length) {
        byte[] bytes = readable(address);
        int from = checkedIndex(bytes, address, length);
        byte[] out = new byte[length];
        System.arraycopy(bytes, from, out, 0, length);
        return out;
    }

    /** Copies bytes to an address (for helpers writing results). */
    public void write(long address, byte[] src, int srcOffset, int length) {
        byte[] bytes = writable(address);
        System.arraycopy(src, srcOffset, bytes, checkedIndex(bytes, address, length), length);
    }

    /**
     * Zeroes {@code length} bytes at an address, checking that they are writable before touching
     * any (for helpers that clear their output on failure); nothing is allocated.
     *
     * @throws ProgramFaultException when the bytes are not all in one writable region, or the length is negative
     */
    public void zero(long address, int length) {
        byte[] bytes = writable(address);
        int from = checkedIndex(bytes, address, length);
        java.util.Arrays.fill(bytes, from, from + length, (byte) 0);
    }

    /**
     * {@return the index of an address in its region's bytes, checked to hold {@code size} bytes}
     *
     * @throws ProgramFaultException when the access does not fit in the region
     */
    public static int checkedIndex(byte[] bytes, long address, int size) {
        int index = Address.offset(address);
        if (index < 0 || size < 0 || index > bytes.length - size) {
            throw new ProgramFaultException(
                    -1,
                    "invalid access of " + size + " bytes at " + Address.toString(address) + " (region size "
                            + bytes.length + ")");
        }
        return index;
    }

    private static ProgramFaultException invalidAccess(String what, long address) {
        return new ProgramFaultException(-1, "invalid memory " + what + " at " + Address.toString(address));
    }
}
