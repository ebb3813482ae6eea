package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import java.util.Objects;

/**
 * The mutable state of runs on one thread: the {@link Memory} (stack, context, packet), the entry
 * registers, the simulated CPU, the tail-call counter, the instruction budget of both engines and
 * the spin locks the run holds.
 * Reuse one per thread across runs; never share one between threads.
 */
public final class ProgramContext {
    /** {@code MAX_TAIL_CALL_CNT}: tail calls one run may make. */
    public static final int MAX_TAIL_CALLS = 33;
    /** The {@link #heldLock()} of a run that holds no spin lock. */
    public static final long NO_LOCK = 0;
    /** The budget value that means no limit. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private final Memory memory;
    private final Environment environment;
    private long entryR1;
    private long entryR2;
    private int cpu;
    private int tailCalls;
    private long budget = UNLIMITED;
    private long budgetLeft = UNLIMITED;
    private int callDepth;
    private Object attachment;
    private long heldLock = NO_LOCK;

    /** A context with a fresh memory and the default environment. */
    public ProgramContext() {
        this(new Memory(), Environment.defaults());
    }

    public ProgramContext(Memory memory, Environment environment) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** {@return the address space of the run} */
    public Memory memory() {
        return memory;
    }

    /** {@return the clocks, random source, trace sink and CPU count} */
    public Environment environment() {
        return environment;
    }

    /**
     * Sets the context region to a byte buffer, as a test harness does: r1 points at its first
     * byte and r2 holds its length (the conformance suite's calling convention). A null buffer
     * gives r1 = r2 = 0.
     */
    public ProgramContext withBuffer(byte[] buffer) {
        memory.setContext(buffer, true);
        entryR1 = buffer == null ? Address.NULL : Address.of(Memory.CONTEXT_REGION, 0);
        entryR2 = buffer == null ? 0 : buffer.length;
        return this;
    }

    /** {@return r1 at entry} */
    public long entryR1() {
        return entryR1;
    }

    /** {@return r2 at entry} */
    public long entryR2() {
        return entryR2;
    }

    /** Sets r1 and r2 at entry. */
    public void setEntry(long r1, long r2) {
        this.entryR1 = r1;
        this.entryR2 = r2;
    }

    /** {@return the simulated CPU the run is on, in [0, cpus)} */
    public int cpu() {
        return cpu;
    }

    /** Sets the simulated CPU of the following runs. */
    public void setCpu(int cpu) {
        if (cpu < 0 || cpu >= environment.cpus()) {
            throw new IllegalArgumentException("cpu " + cpu + " not in [0, " + environment.cpus() + ")");
        }
        this.cpu = cpu;
    }

    /**
     * Counts one tail call.
     *
     * @return false when the run has already made {@link #MAX_TAIL_CALLS}, and the call must fall through
     */
    public boolean tryTailCall() {
        if (tailCalls >= MAX_TAIL_CALLS) {
            return false;
        }
        tailCalls++;
        return true;
    }

    /** {@return the budget points ({@link BudgetPoints}) a run may pass} */
    public long budget() {
        return budget;
    }

    /**
     * Limits the budget points ({@link BudgetPoints}: function entries and backward-jump targets)
     * one run may pass, on either engine, so that an unverified program cannot hang the host;
     * {@link #UNLIMITED} for none. Exceeding it is a program fault at the point's instruction.
     *
     * @throws IllegalArgumentException when the budget is negative
     */
    public void setBudget(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("negative budget " + budget);
        }
        this.budget = budget;
        this.budgetLeft = budget;
    }

    /**
     * {@return the instructions the current run may still execute} Shared by every function,
     * tail call and callback of the run; {@link #beginRun()} resets it to {@link #budget()}.
     */
    public long budgetLeft() {
        return budgetLeft;
    }

    /**
     * Pays one unit of the budget at the budget point {@code pc}; the JIT calls this at each of them.
     *
     * @throws ProgramFaultException at {@code pc} when the budget is exhausted
     */
    public void spend(int pc) {
        if (--budgetLeft < 0) {
            budgetLeft = 0;
            throw budgetExhausted(pc);
        }
    }

    /** {@return the fault of a run that passed more budget points than {@link #budget()} allows, at {@code pc}} */
    public ProgramFaultException budgetExhausted(int pc) {
        return new ProgramFaultException(pc, "instruction budget of " + budget + " exhausted");
    }

    /** Records what is left of the run's budget, before the interpreter hands control elsewhere. */
    public void setBudgetLeft(long budgetLeft) {
        this.budgetLeft = budgetLeft;
    }

    /**
     * {@return the call depth (0 = the entry function) of the function now calling a helper that
     * takes a {@link Callback}} Engines set it before such calls only.
     */
    public int callDepth() {
        return callDepth;
    }

    /** Records the call depth of the function about to call a helper that takes a {@link Callback}. */
    public void setCallDepth(int depth) {
        this.callDepth = depth;
    }

    /** {@return the object the context region models (an skb), or null} */
    public Object attachment() {
        return attachment;
    }

    /** Sets the object the context region models (an skb), for helpers that need it. */
    public void setAttachment(Object attachment) {
        this.attachment = attachment;
    }

    /**
     * {@return the address of the {@code bpf_spin_lock} the current run holds, or {@link #NO_LOCK}}
     * A program holds at most one at a time (the verifier rejects a second), so one is tracked.
     */
    public long heldLock() {
        return heldLock;
    }

    /** Records the spin lock the current run has taken, or {@link #NO_LOCK} once it has released it. */
    public void setHeldLock(long lock) {
        this.heldLock = lock;
    }

    /** Resets what one run changes (the tail-call counter, the budget left); call before each run. */
    public void beginRun() {
        tailCalls = 0;
        budgetLeft = budget;
    }

    /**
     * Ends a run however it ended: releases the spin lock it still holds (a program that faulted or
     * ran out of budget inside its critical section), so that no other run spins on it forever.
     * {@link Executable#run} calls it on every exit.
     */
    public void endRun() {
        long lock = heldLock;
        if (lock == NO_LOCK) {
            return;
        }
        heldLock = NO_LOCK;
        try {
            Atomics.apply(memory, lock, 4, AtomicOp.XCHG, 0, 0);
        } catch (RuntimeException gone) {
            // the lock's map value is no longer reachable: nothing is left to release
        }
    }
}
