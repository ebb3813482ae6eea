package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.facts.AccessFact;
import dev.ebpfjvm.core.isa.Instructions;
import java.util.HashMap;
import java.util.Map;

/**
 * Gathers the per-instruction facts over every explored path: whether the slot was reached, the
 * joined region of its memory access, the constant its destination holds (when every path agrees),
 * the helper it calls, the map of a tail call; and the pointer kind each access was first made
 * with, for the kernel's "same insn cannot be used with different pointers" rule.
 */
final class FactCollector {
    private final Instructions insns;
    final boolean[] visited;
    final AccessFact[] access;
    final long[] constant;
    /** 0 none seen yet, 1 constant, 2 varies. */
    final byte[] constState;

    final RegType[] ptrType;
    final Map<Integer, Integer> helpers = new HashMap<>();
    final Map<Integer, String> tailCalls = new HashMap<>();
    final Map<Integer, Integer> calls = new HashMap<>();

    FactCollector(Instructions insns) {
        this.insns = insns;
        int n = insns.slotCount();
        visited = new boolean[n];
        access = new AccessFact[n];
        constant = new long[n];
        constState = new byte[n];
        ptrType = new RegType[n];
    }

    void visit(int slot) {
        visited[slot] = true;
    }

    private boolean isMemory(int slot) {
        return !insns.atSlot(slot).insnClass().isJump();
    }

    void access(int slot, AccessFact fact) {
        if (isMemory(slot)) {
            access[slot] = access[slot] == null ? fact : access[slot].join(fact);
        }
    }

    void pointerType(int slot, RegType type) {
        if (!isMemory(slot)) {
            return;
        }
        RegType prev = ptrType[slot];
        if (prev == null) {
            ptrType[slot] = type;
        } else if (prev != type && (prev == RegType.PTR_TO_CTX || type == RegType.PTR_TO_CTX)) {
            throw Explorer.error(slot, "same insn cannot be used with different pointers");
        }
    }

    void constant(int slot, long v) {
        if (constState[slot] == 0) {
            constState[slot] = 1;
            constant[slot] = v;
        } else if (constState[slot] == 1 && constant[slot] != v) {
            constState[slot] = 2;
        }
    }

    void notConstant(int slot) {
        constState[slot] = 2;
    }

    void helper(int slot, int id) {
        helpers.put(slot, id);
    }

    void tailCall(int slot, String map) {
        tailCalls.put(slot, map);
    }

    void call(int slot, int target) {
        calls.put(slot, target);
    }
}
