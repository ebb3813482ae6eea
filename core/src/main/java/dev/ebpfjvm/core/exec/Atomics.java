package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Memory;
import java.lang.invoke.VarHandle;

/**
 * The {@code BPF_ATOMIC} read-modify-write operations, shared by both engines, atomic with respect
 * to each other on every thread, as on a multi-CPU kernel.
 *
 * <p>Two mechanisms, chosen once per JVM: where the {@link LittleEndian} byte-array views support
 * atomic access modes (JDK 17–21) they are used directly; newer JDKs dropped atomic modes on
 * byte-array views (a heap {@code byte[]} promises no alignment above 1), and there a
 * read-modify-write runs under one of {@value #STRIPES} striped locks chosen by array and 8-byte
 * word, so that two atomics on the same word always serialise. Plain loads and stores by other
 * instructions race with either mechanism exactly as they do in the kernel.
 *
 * <p>Mirrors the {@code STX | ATOMIC} cases of {@code ___bpf_prog_run()} in kernel/bpf/core.c: the
 * 32-bit forms operate on the low half of the register and return the old value zero-extended
 * ({@code (u32) atomic_fetch_add(...)}); {@code cmpxchg} compares with r0. An access that is not
 * aligned to its size faults, as the verifier rejects it ("misaligned access").
 */
public final class Atomics {
    /** The number of lock stripes of the lock-based path; a power of two. */
    static final int STRIPES = 64;
    /** True where the byte-array views support atomic access modes (JDK 17–21). */
    static final boolean VAR_HANDLE_ATOMICS =
            LittleEndian.LONG.isAccessModeSupported(VarHandle.AccessMode.GET_AND_ADD);
    private static final Object[] STRIPE_LOCKS = new Object[STRIPES];

    static {
        for (int i = 0; i < STRIPES; i++) {
            STRIPE_LOCKS[i] = new Object();
        }
    }

    private Atomics() {
    }

    /**
     * Applies an atomic operation.
     *
     * @param memory the run's address space
     * @param address where the operand lives
     * @param size 4 ({@code BPF_W}) or 8 ({@code BPF_DW})
     * @param op the operation
     * @param src the value of the source register
     * @param r0 the value of r0, the expected value of {@code cmpxchg}
     * @return the value in memory before the operation, zero-extended for size 4: what a fetching
     *     operation writes back to src (or to r0 for {@code cmpxchg}); ignore it for the others
     * @throws ProgramFaultException (pc -1) when the address is in no writable region, outside it,
     *     or misaligned
     */
    public static long apply(Memory memory, long address, int size, AtomicOp op, long src, long r0) {
        byte[] bytes = memory.writable(address);
        int index = Memory.checkedIndex(bytes, address, size);
        if ((index & (size - 1)) != 0) {
            throw new ProgramFaultException(-1, "misaligned atomic access of " + size + " bytes at "
                    + Address.toString(address));
        }
        if (VAR_HANDLE_ATOMICS) {
            return size == 8 ? apply64(bytes, index, op, src, r0)
                    : apply32(bytes, index, op, (int) src, (int) r0) & 0xffffffffL;
        }
        return applyLocked(bytes, index, size, op, src, r0);
    }

    /** The lock-based path, package-private so that tests run it on every JDK. */
    static long applyLocked(byte[] bytes, int index, int size, AtomicOp op, long src, long r0) {
        synchronized (STRIPE_LOCKS[stripe(bytes, index)]) {
            long old = LittleEndian.get(bytes, index, size);
            LittleEndian.put(bytes, index, size, combine(op, old, src, r0, size));
            return old;
        }
    }

    /** {@return the value an operation leaves in memory, given the old value (lock-based path)} */
    private static long combine(AtomicOp op, long old, long src, long r0, int size) {
        switch (op) {
            case ADD: case FETCH_ADD: return old + src;
            case OR: case FETCH_OR: return old | src;
            case AND: case FETCH_AND: return old & src;
            case XOR: case FETCH_XOR: return old ^ src;
            case XCHG: return src;
            case CMPXCHG:
                long mask = size == 8 ? -1L : 0xffffffffL;
                return (old & mask) == (r0 & mask) ? src : old;
            default: throw new AssertionError(op);
        }
    }

    private static int stripe(byte[] bytes, int index) {
        return (System.identityHashCode(bytes) * 31 + (index >>> 3)) & (STRIPES - 1);
    }

    private static long apply64(byte[] bytes, int index, AtomicOp op, long src, long r0) {
        switch (op) {
            case ADD: case FETCH_ADD: return (long) LittleEndian.LONG.getAndAdd(bytes, index, src);
            case OR: case FETCH_OR: return (long) LittleEndian.LONG.getAndBitwiseOr(bytes, index, src);
            case AND: case FETCH_AND: return (long) LittleEndian.LONG.getAndBitwiseAnd(bytes, index, src);
            case XOR: case FETCH_XOR: return (long) LittleEndian.LONG.getAndBitwiseXor(bytes, index, src);
            case XCHG: return (long) LittleEndian.LONG.getAndSet(bytes, index, src);
            case CMPXCHG: return (long) LittleEndian.LONG.compareAndExchange(bytes, index, r0, src);
            default: throw new AssertionError(op);
        }
    }

    private static int apply32(byte[] bytes, int index, AtomicOp op, int src, int r0) {
        switch (op) {
            case ADD: case FETCH_ADD: return (int) LittleEndian.INT.getAndAdd(bytes, index, src);
            case OR: case FETCH_OR: return (int) LittleEndian.INT.getAndBitwiseOr(bytes, index, src);
            case AND: case FETCH_AND: return (int) LittleEndian.INT.getAndBitwiseAnd(bytes, index, src);
            case XOR: case FETCH_XOR: return (int) LittleEndian.INT.getAndBitwiseXor(bytes, index, src);
            case XCHG: return (int) LittleEndian.INT.getAndSet(bytes, index, src);
            case CMPXCHG: return (int) LittleEndian.INT.compareAndExchange(bytes, index, r0, src);
            default: throw new AssertionError(op);
        }
    }
}
