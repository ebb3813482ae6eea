package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.InsnValidator;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.core.isa.Source;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeSet;

/**
 * The checks made before any path is explored, and what exploration needs from the control-flow
 * graph: check_subprogs() and check_cfg() of kernel/bpf/verifier.c (v6.18) — well-formed
 * instructions and jumps ({@link InsnValidator}), every instruction reachable — then the prune
 * points (jump targets and conditional jumps, function entries), and the registers live into each
 * instruction (compute_live_registers()), which pruning compares and nothing else.
 */
final class Cfg {
    private final Instructions insns;
    private final TreeSet<Integer> starts = new TreeSet<>();
    private final boolean[] prune;
    private final boolean[] forced;
    private final boolean[] callback;
    private final int[] liveIn;

    private Cfg(Instructions insns) {
        this.insns = insns;
        int n = insns.slotCount();
        prune = new boolean[n];
        forced = new boolean[n];
        callback = new boolean[n];
        liveIn = new int[n];
    }

    /** @throws VerifyError for a structural fault, in the kernel's words */
    static Cfg of(VerifierInput in) {
        Instructions insns = in.insns();
        try {
            InsnValidator.validate(insns);
        } catch (InvalidProgramException e) {
            int at = Math.max(e.index(), 0);
            Insn bad = at < insns.slotCount() ? insns.atSlot(at) : null;
            if (bad != null && !InsnValidator.isKnownOpcode(bad)) {
                // An opcode outside the kernel's instruction table: its first pass over the program
                // (resolve_pseudo_ldimm64) says so before any per-class check.
                throw new VerifyError(at, String.format("unknown opcode %02x", bad.opcode()));
            }
            throw new VerifyError(at, e.reason());
        }
        Cfg cfg = new Cfg(insns);
        cfg.starts.addAll(in.functionStarts());
        cfg.starts.add(0);
        cfg.scan();
        cfg.checkTailCallReturns(in);
        cfg.reachable();
        cfg.liveness();
        return cfg;
    }

    /** check_btf_func(): a subprogram that tail-calls must return a scalar, as the caller gets its r0. */
    private void checkTailCallReturns(VerifierInput in) {
        for (int start : in.nonScalarReturns()) {
            Integer next = starts.higher(start);
            int end = next == null ? insns.slotCount() : next;
            for (int slot = start; slot < end; slot += insns.atSlot(slot).slots()) {
                Insn insn = insns.atSlot(slot);
                if (insn.isHelperCall() && insn.imm() == HelperId.TAIL_CALL.id()) {
                    throw new VerifyError(-1, "tail_call is only allowed in functions that return 'int'.");
                }
            }
        }
    }

    private void scan() {
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.list().get(i);
            int slot = insns.slotOf(i);
            if (insn.isLocalCall() || (insn.isWide() && insn.pseudoSrc() == PseudoSrc.FUNC)) {
                int target = slot + 1 + insn.imm32();
                starts.add(target);
                callback[target] |= insn.isWide();
                prune[target] = true;
                forced[target] = true;
            }
            if (insn.isKfuncCall()) {
                throw new VerifyError(slot, "calling kernel function is not supported");
            }
            if (insn.opcode() == 0x8d) {
                throw new VerifyError(slot, "unknown opcode 8d");
            }
            if (insn.hasJumpTarget() && !insn.isLocalCall()) {
                int target = insn.jumpTarget(slot);
                prune[target] = true;
                if (insn.jumpOp().isConditional()) {
                    prune[slot] = true;
                }
                if (target <= slot) {
                    forced[target] = true; // a loop head: checkpoint every visit so that loops converge
                }
            }
            if (insn.isHelperCall() || insn.isLocalCall()) {
                prune[slot + 1 < prune.length ? slot + 1 : slot] = true;
            }
        }
    }

    /** Mirrors check_cfg()'s depth-first walk: every instruction must be reached from slot 0. */
    private void reachable() {
        int n = insns.slotCount();
        boolean[] seen = new boolean[n];
        Deque<Integer> work = new ArrayDeque<>();
        work.push(0);
        seen[0] = true;
        while (!work.isEmpty()) {
            int slot = work.pop();
            for (int next : successors(slot, true)) {
                if (next >= 0 && next < n && !seen[next]) {
                    seen[next] = true;
                    work.push(next);
                }
            }
        }
        for (int slot = 0; slot < n; slot++) {
            if (insns.atSlot(slot) != null && !seen[slot]) {
                throw new VerifyError(slot, "unreachable insn " + slot);
            }
        }
    }

    /** {@return the successors of an instruction; with calls, the called function's entry too} */
    private int[] successors(int slot, boolean intoCalls) {
        Insn insn = insns.atSlot(slot);
        int fall = slot + insn.slots();
        if (insn.isExit()) {
            return new int[0];
        }
        InsnClass cls = insn.insnClass();
        if (cls.isJump() && insn.jumpOp() == JumpOp.JA) {
            return new int[] {insn.jumpTarget(slot)};
        }
        if (insn.isLocalCall()) {
            return intoCalls ? new int[] {fall, insn.jumpTarget(slot)} : new int[] {fall};
        }
        if (insn.isWide() && insn.pseudoSrc() == PseudoSrc.FUNC && intoCalls) {
            return new int[] {fall, slot + 1 + insn.imm32()};
        }
        if (insn.hasJumpTarget()) {
            return new int[] {fall, insn.jumpTarget(slot)};
        }
        return new int[] {fall};
    }

    /** Backward may-liveness of r0–r9 within each function, iterated to a fixed point. */
    private void liveness() {
        int n = insns.slotCount();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int slot = n - 1; slot >= 0; slot--) {
                Insn insn = insns.atSlot(slot);
                if (insn == null) {
                    continue;
                }
                int out = 0;
                for (int s : successors(slot, false)) {
                    if (s >= 0 && s < n && !starts.contains(s)) {
                        out |= liveIn[s];
                    }
                }
                int live = (out & ~defs(insn)) | uses(insn);
                if (live != liveIn[slot]) {
                    liveIn[slot] = live;
                    changed = true;
                }
            }
        }
    }

    private static int bit(int r) {
        return r >= 10 ? 0 : 1 << r;
    }

    private static int uses(Insn insn) {
        InsnClass cls = insn.insnClass();
        switch (cls) {
            case ALU:
            case ALU64: {
                int u = insn.source() == Source.X ? bit(insn.src()) : 0;
                boolean mov = (insn.opcode() & 0xf0) == 0xb0;
                return mov ? u : u | bit(insn.dst());
            }
            case LDX:
                return bit(insn.src());
            case ST:
                return bit(insn.dst());
            case STX: {
                int u = bit(insn.dst()) | bit(insn.src());
                return insn.mode() == MemMode.ATOMIC && insn.imm() == 0xf1 ? u | 1 : u;
            }
            case LD:
                return insn.isWide() ? 0 : (1 << 6) | (insn.mode() == MemMode.IND ? bit(insn.src()) : 0);
            default:
                if (insn.isExit()) {
                    return 1;
                }
                if (insn.jumpOp() == JumpOp.CALL) {
                    return 0x3e; // r1-r5: arguments (a superset for helpers with fewer)
                }
                if (insn.jumpOp() == JumpOp.JA) {
                    return 0;
                }
                return bit(insn.dst()) | (insn.source() == Source.X ? bit(insn.src()) : 0);
        }
    }

    private static int defs(Insn insn) {
        InsnClass cls = insn.insnClass();
        switch (cls) {
            case ALU:
            case ALU64:
            case LDX:
                return bit(insn.dst());
            case LD:
                return insn.isWide() ? bit(insn.dst()) : 0x3f;
            case STX:
                if (insn.mode() == MemMode.ATOMIC && (insn.imm() & 1) != 0) {
                    return insn.imm() == 0xf1 ? 1 : bit(insn.src());
                }
                return 0;
            default:
                return insn.jumpOp() == JumpOp.CALL ? 0x3f : 0;
        }
    }

    TreeSet<Integer> functionStarts() {
        return starts;
    }

    /** {@return the start of the function holding a slot} */
    int functionOf(int slot) {
        return starts.floor(slot);
    }

    boolean isPrunePoint(int slot) {
        return prune[slot];
    }

    boolean isCallbackEntry(int slot) {
        return callback[slot];
    }

    boolean isForcedCheckpoint(int slot) {
        return forced[slot];
    }

    /** {@return the bit set of registers r0–r9 some path from the slot reads before writing} */
    int liveIn(int slot) {
        return liveIn[slot];
    }
}
