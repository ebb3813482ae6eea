package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Atomics;
import dev.ebpfjvm.core.exec.HelperFunction;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Memory;

/**
 * The dispatch loop's memory accesses and its rarer calls, small enough for C2 to inline into the
 * loop. Loads and stores take a fast path for the per-run regions programs touch most (the stack
 * and the packet; for loads also a context of plain bytes), where only the {@code byte[]}'s own
 * bounds check guards the index (DESIGN.md, the memory model): an access outside it throws
 * {@link IndexOutOfBoundsException}, which {@link Faults} turns into a program fault naming the
 * slot and the address. Everything else (shared regions, a read-only context, a
 * {@link dev.ebpfjvm.core.memory.ContextModel}) goes through {@link Memory#load} and
 * {@link Memory#store}.
 */
final class Access {
    private static final AtomicOp[] ATOMIC_OPS = AtomicOp.values();

    private Access() {}

    /** {@return the zero-extended value of {@code size} bytes at an address} */
    static long load(Memory memory, byte[] stack, long address, int size) {
        byte[] bytes;
        switch (Address.region(address)) {
            case Memory.STACK_REGION:
                bytes = stack;
                break;
            case Memory.PACKET_REGION:
                bytes = memory.packet();
                break;
            case Memory.CONTEXT_REGION:
                bytes = memory.context();
                break; // null when modelled
            default:
                bytes = null;
        }
        return bytes != null ? LittleEndian.get(bytes, Address.offset(address), size) : memory.load(address, size);
    }

    /** Stores the low {@code size} bytes of a value at an address. */
    static void store(Memory memory, byte[] stack, long address, int size, long value) {
        byte[] bytes;
        switch (Address.region(address)) {
            case Memory.STACK_REGION:
                bytes = stack;
                break;
            case Memory.PACKET_REGION:
                bytes = memory.packet();
                break;
            default:
                bytes = null; // the context may be read-only or modelled: Memory decides
        }
        if (bytes != null) {
            LittleEndian.put(bytes, Address.offset(address), size, value);
        } else {
            memory.store(address, size, value);
        }
    }

    /**
     * Runs an atomic instruction on {@code [dst + off]} and writes back what it fetches: into src
     * for the fetching operations and {@code xchg}, into r0 for {@code cmpxchg}.
     *
     * @param atomicOp the {@link AtomicOp} ordinal the decoder stored in imm
     */
    static void atomic(Memory memory, long[] regs, int dst, int src, int off, int size, int atomicOp) {
        AtomicOp op = ATOMIC_OPS[atomicOp];
        long old = Atomics.apply(memory, regs[dst] + off, size, op, regs[src], regs[0]);
        if (op == AtomicOp.CMPXCHG) {
            regs[0] = old;
        } else if (op.isFetch()) {
            regs[src] = old;
        }
    }

    /**
     * Calls the helper whose id is in the dst register ({@code callx}, opcode 0x8d, as LLVM emits
     * it); the only helper call that cannot be resolved at load.
     *
     * @throws ProgramFaultException (pc -1) when the program's registry has no helper of that id
     */
    static long callx(DecodedProgram program, ProgramContext ctx, long[] regs, int dst) {
        long id = regs[dst];
        HelperFunction helper = id == (int) id ? program.program.helpers().get((int) id) : null;
        if (helper == null) {
            throw new ProgramFaultException(-1, "callx r" + dst + ": invalid func unknown#" + id);
        }
        return helper.impl().call(ctx, regs[1], regs[2], regs[3], regs[4], regs[5]);
    }
}
