package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.facts.AccessFact;
import dev.ebpfjvm.core.facts.MemoryFacts;
import dev.ebpfjvm.core.facts.RegionHint;
import dev.ebpfjvm.core.isa.Instructions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A program the verifier accepted, with what it proved about each instruction (by slot): the
 * region of every load, store and atomic ({@link #accessAt}), the constant an instruction's
 * destination holds on every path ({@link #constantAt}), dead code ({@link #isDead}), the helper
 * each call invokes and the prog array of each tail call; the JIT's {@link MemoryFacts} view;
 * the log and the statistics.
 */
public final class VerifiedProgram {
    private final String name;
    private final Instructions insns;
    private final FactCollector facts;
    private final VerifierStats stats;
    private final List<String> log;

    VerifiedProgram(String name, Instructions insns, FactCollector facts, VerifierStats stats, List<String> log) {
        this.name = name;
        this.insns = insns;
        this.facts = facts;
        this.stats = stats;
        this.log = List.copyOf(log);
    }

    /** {@return the program's name} */
    public String name() {
        return name;
    }

    /** {@return the verified instructions} */
    public Instructions insns() {
        return insns;
    }

    /** {@return the statistics of the run (processed instructions, states)} */
    public VerifierStats stats() {
        return stats;
    }

    /** {@return the log, ending with the statistics line} */
    public List<String> log() {
        return log;
    }

    /** {@return the proved region of the access at a slot, or null (not an access, or never reached)} */
    public AccessFact accessAt(int slot) {
        return slot >= 0 && slot < facts.access.length ? facts.access[slot] : null;
    }

    /**
     * {@return the value the destination of the instruction at a slot holds after it on every path
     * that reaches it (ALU results, loads, lddw), or empty}
     */
    public OptionalLong constantAt(int slot) {
        return slot >= 0 && slot < facts.constState.length && facts.constState[slot] == 1
                ? OptionalLong.of(facts.constant[slot])
                : OptionalLong.empty();
    }

    /** {@return true for an instruction no path reaches (a branch the verifier proved never taken)} */
    public boolean isDead(int slot) {
        return insns.atSlot(slot) != null && !facts.visited[slot];
    }

    /** {@return the helper ids of the calls, by slot} */
    public Map<Integer, Integer> helperCalls() {
        return Collections.unmodifiableMap(facts.helpers);
    }

    /** {@return the prog array each {@code bpf_tail_call} uses, by slot} */
    public Map<Integer, String> tailCalls() {
        return Collections.unmodifiableMap(facts.tailCalls);
    }

    /** {@return the target slot of each bpf-to-bpf call and {@code bpf_loop} callback, by call slot} */
    public Map<Integer, Integer> callTargets() {
        return Collections.unmodifiableMap(facts.calls);
    }

    /** {@return the facts in the JIT's contract: STACK and CONTEXT where every path agrees} */
    public MemoryFacts memoryFacts() {
        RegionHint[] hints = new RegionHint[facts.access.length];
        for (int i = 0; i < hints.length; i++) {
            AccessFact f = facts.access[i];
            hints[i] = f == null ? null : f.hint();
        }
        return slot -> slot >= 0 && slot < hints.length ? hints[slot] : null;
    }
}
