package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Memory;
import java.lang.invoke.VarHandle;

/**
 * The {@code BPF_ATOMIC} read-modify-write operations, shared by both engines, so that programs on
 * several threads updating one map value see each other's updates as on a multi-CPU kernel.
 *
 * <p>Where the JDK supports them (JDK 17 to 21) they use the atomic access modes of the
 * {@link LittleEndian} VarHandles on the region's {@code byte[]}. JDK 22 dropped every atomic mode
 * of {@code byteArrayViewVarHandle} (a {@code byte[]}'s elements are not guaranteed to be aligned
 * for wider types; JDK-8318966) and offers no other lock-free access to a {@code byte[]} without
 * {@code Unsafe}, so there the operations hold the monitor of the region's {@code byte[]}: they
 * stay atomic with respect to each other, which is what BPF atomics promise; plain loads and
 * stores racing with them are as racy as in the kernel. Code outside the engines that must update
 * a map value atomically with the programs' atomics does it through {@link #apply} too.
 *
 * <p>Mirrors the {@code STX | ATOMIC} cases of {@code ___bpf_prog_run()} in kernel/bpf/core.c: the
 * 32-bit forms operate on the low half of the register and return the old value zero-extended
 * ({@code (u32) atomic_fetch_add(...)}); {@code cmpxchg} compares with r0. An access that is not
 * aligned to its size faults, as the verifier rejects it ("misaligned access").
 */
public final class Atomics {
    /** True when the VarHandles support atomic access modes on {@code byte[]} (JDK 17–21). */
    static final boolean LOCK_FREE = LittleEndian.LONG.isAccessModeSupported(VarHandle.AccessMode.GET_AND_ADD)
            && LittleEndian.INT.isAccessModeSupported(VarHandle.AccessMode.GET_AND_ADD);

    private static final long LOW32 = 0xffffffffL;

    private Atomics() {}

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
            throw new ProgramFaultException(
                    -1, "misaligned atomic access of " + size + " bytes at " + Address.toString(address));
        }
        if (!LOCK_FREE) {
            return applyLocked(bytes, index, size, op, src, r0);
        }
        return size == 8 ? apply64(bytes, index, op, src, r0) : apply32(bytes, index, op, (int) src, (int) r0) & LOW32;
    }

    /**
     * The operation under the monitor of the region's bytes, for JDKs without atomic access modes
     * on {@code byte[]}; package-private so that tests run it on every JDK.
     */
    static long applyLocked(byte[] bytes, int index, int size, AtomicOp op, long src, long r0) {
        synchronized (bytes) {
            long old = LittleEndian.get(bytes, index, size);
            long updated;
            switch (op) {
                case ADD:
                case FETCH_ADD:
                    updated = old + src;
                    break;
                case OR:
                case FETCH_OR:
                    updated = old | src;
                    break;
                case AND:
                case FETCH_AND:
                    updated = old & src;
                    break;
                case XOR:
                case FETCH_XOR:
                    updated = old ^ src;
                    break;
                case XCHG:
                    updated = src;
                    break;
                case CMPXCHG:
                    updated = old == (size == 8 ? r0 : r0 & LOW32) ? src : old;
                    break;
                default:
                    throw new AssertionError(op);
            }
            LittleEndian.put(bytes, index, size, updated);
            return old;
        }
    }

    private static long apply64(byte[] bytes, int index, AtomicOp op, long src, long r0) {
        switch (op) {
            case ADD:
            case FETCH_ADD:
                return (long) LittleEndian.LONG.getAndAdd(bytes, index, src);
            case OR:
            case FETCH_OR:
                return (long) LittleEndian.LONG.getAndBitwiseOr(bytes, index, src);
            case AND:
            case FETCH_AND:
                return (long) LittleEndian.LONG.getAndBitwiseAnd(bytes, index, src);
            case XOR:
            case FETCH_XOR:
                return (long) LittleEndian.LONG.getAndBitwiseXor(bytes, index, src);
            case XCHG:
                return (long) LittleEndian.LONG.getAndSet(bytes, index, src);
            case CMPXCHG:
                return (long) LittleEndian.LONG.compareAndExchange(bytes, index, r0, src);
            default:
                throw new AssertionError(op);
        }
    }

    private static int apply32(byte[] bytes, int index, AtomicOp op, int src, int r0) {
        switch (op) {
            case ADD:
            case FETCH_ADD:
                return (int) LittleEndian.INT.getAndAdd(bytes, index, src);
            case OR:
            case FETCH_OR:
                return (int) LittleEndian.INT.getAndBitwiseOr(bytes, index, src);
            case AND:
            case FETCH_AND:
                return (int) LittleEndian.INT.getAndBitwiseAnd(bytes, index, src);
            case XOR:
            case FETCH_XOR:
                return (int) LittleEndian.INT.getAndBitwiseXor(bytes, index, src);
            case XCHG:
                return (int) LittleEndian.INT.getAndSet(bytes, index, src);
            case CMPXCHG:
                return (int) LittleEndian.INT.compareAndExchange(bytes, index, r0, src);
            default:
                throw new AssertionError(op);
        }
    }
}
