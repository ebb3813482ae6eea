package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.facts.AccessFact;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.core.isa.Source;
import dev.ebpfjvm.core.verifier.VerifierState.Checkpoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The path-exploration engine: do_check() of kernel/bpf/verifier.c (v6.18). Walks every path
 * depth-first from slot 0, one instruction at a time, keeping the other side of each undecided
 * branch on a stack; at prune points it compares the state with the ones already explored there
 * ({@link Pruning}) and stops a path that one of them covers. ALU and jumps are checked here,
 * memory accesses in {@link MemoryChecks}, calls and exits in {@link CallChecks}.
 */
final class Explorer {
    static final int INSN_LIMIT = 1_000_000;
    static final int MAX_VAR_OFF = 1 << 29;
    static final int MAX_STATES_PER_INSN = 64;

    final VerifierInput in;
    final Instructions insns;
    final Map<Integer, LdImmRef> ldImms;
    final VerifierLog log;
    final Cfg cfg;
    final FactCollector facts;
    final TreeMap<Integer, Integer> funcDepth = new TreeMap<>();
    private final List<List<Checkpoint>> explored;
    private final Deque<Pending> pending = new ArrayDeque<>();
    int processed;
    int nextId;
    int totalStates;
    int curStates;
    int peakStates;
    int maxStatesPerInsn;
    private int insnsSinceCheckpoint;
    private int jumpsSinceCheckpoint;

    /** A branch left for later: the state, where it continues, and the log length when it was pushed. */
    private static final class Pending {
        final VerifierState state;
        final int slot;
        final int from;
        final int logPos;

        Pending(VerifierState state, int slot, int from, int logPos) {
            this.state = state;
            this.slot = slot;
            this.from = from;
            this.logPos = logPos;
        }
    }

    Explorer(VerifierInput in, Cfg cfg, VerifierLog log) {
        this.in = in;
        this.insns = in.insns();
        this.ldImms = in.ldImmBySlot();
        this.cfg = cfg;
        this.log = log;
        this.facts = new FactCollector(insns);
        this.explored = new ArrayList<>(insns.slotCount());
        for (int i = 0; i < insns.slotCount(); i++) {
            explored.add(null);
        }
        for (int start : cfg.functionStarts()) {
            funcDepth.put(start, 0);
        }
    }

    /** Global functions a call reached, each verified once on its own after the main program. */
    final java.util.LinkedHashSet<GlobalFunc> calledGlobals = new java.util.LinkedHashSet<>();

    /**
     * Explores every path of the main program, then of each global function it calls
     * (do_check_main() then do_check_subprogs()); throws {@link VerifyError} at the first unsafe
     * instruction.
     */
    void run() {
        VerifierState st = new VerifierState();
        FuncState main = new FuncState(0, -1, 0, false);
        main.regs[1] = RegState.pointer(RegType.PTR_TO_CTX);
        st.frames.add(main);
        explore(st, 0);
        java.util.Set<GlobalFunc> done = new java.util.HashSet<>();
        while (true) {
            GlobalFunc g = calledGlobals.stream()
                    .filter(x -> !done.contains(x))
                    .findFirst()
                    .orElse(null);
            if (g == null) {
                return;
            }
            done.add(g);
            if (log.level() > 0) {
                log.add("Validating " + g.name() + "() func#"
                        + (cfg.functionStarts().headSet(g.slot()).size()) + "...");
            }
            VerifierState gs = new VerifierState();
            FuncState f = new FuncState(0, -1, g.slot(), false);
            for (int i = 0; i < g.args().size() && i < 5; i++) {
                GlobalFunc.Arg a = g.args().get(i);
                switch (a.kind()) {
                    case CTX:
                        f.regs[i + 1] = RegState.pointer(RegType.PTR_TO_CTX);
                        break;
                    case MEM:
                        RegState m = RegState.pointer(RegType.PTR_TO_MEM_OR_NULL);
                        m.memSize = a.size();
                        m.id = newId();
                        f.regs[i + 1] = m;
                        break;
                    default:
                        f.regs[i + 1] = RegState.unknown();
                        break;
                }
            }
            gs.frames.add(f);
            explore(gs, g.slot());
        }
    }

    private void explore(VerifierState st, int slot) {
        if (log.level() > 1) {
            log.add(slot + ": " + describe(st));
        }
        while (true) {
            if (st == null) {
                Pending p = pending.poll();
                if (p == null) {
                    return;
                }
                curStates--;
                st = p.state;
                slot = p.slot;
                if (log.level() == 1) {
                    log.truncate(p.logPos);
                }
                if (log.level() > 0) {
                    log.add("from " + p.from + " to " + slot + ": " + describe(st));
                }
            }
            if (cfg.isPrunePoint(slot)) {
                if (visit(st, slot)) {
                    if (log.level() > 0) {
                        log.add(slot + ": safe");
                    }
                    endPath(st);
                    st = null;
                    continue;
                }
            }
            if (++processed > INSN_LIMIT) {
                throw new VerifyError(slot, "BPF program is too large. Processed " + processed + " insn");
            }
            insnsSinceCheckpoint++;
            Insn insn = insns.atSlot(slot);
            facts.visit(slot);
            if (log.level() > 0) {
                log.add(slot + ": " + VerifierLog.insn(insn, slot));
            }
            int next = step(st, insn, slot);
            if (log.level() > 1 && next >= 0) {
                log.appendState(describe(st));
            }
            if (next < 0) {
                endPath(st);
                st = null;
            } else {
                slot = next;
            }
        }
    }

    private String describe(VerifierState st) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < st.frames.size(); i++) {
            if (i > 0) {
                b.append(" frame").append(i).append(": ");
            }
            b.append(st.frames.get(i).describe(false));
        }
        return b.toString();
    }

    /** Queues the other side of a branch. */
    void push(VerifierState st, int slot, int from) {
        if (st.checkpoint != null) {
            st.checkpoint.branches++;
        }
        pending.push(new Pending(st, slot, from, log.size()));
        curStates++;
        peakStates = Math.max(peakStates, curStates + 1);
        jumpsSinceCheckpoint++;
    }

    private void endPath(VerifierState st) {
        Checkpoint c = st.checkpoint;
        while (c != null) {
            if (--c.branches > 0) {
                break;
            }
            c = c.parent;
        }
    }

    /** Mirrors is_state_visited(): true when an explored state covers this one. */
    private boolean visit(VerifierState st, int slot) {
        List<Checkpoint> here = explored.get(slot);
        if (here != null) {
            for (Checkpoint c : here) {
                if (c.branches == 0) {
                    if (Pruning.covers(c.state, st, cfg.liveIn(slot), false)) {
                        return true;
                    }
                } else if (cfg.isCallbackEntry(slot)) {
                    // another iteration of a callback, covered by one still being explored
                    // (the kernel's calls_callback() case of is_state_visited())
                    if (Pruning.covers(c.state, st, cfg.liveIn(slot), false)) {
                        return true;
                    }
                } else if (c.state.callbackDepth == st.callbackDepth
                        && Pruning.covers(c.state, st, cfg.liveIn(slot), true)) {
                    throw new VerifyError(slot, "infinite loop detected at insn " + slot);
                }
            }
        }
        boolean force = cfg.isForcedCheckpoint(slot);
        if (!force && (jumpsSinceCheckpoint < 2 || insnsSinceCheckpoint < 8)) {
            return false;
        }
        if (here != null && here.size() >= MAX_STATES_PER_INSN) {
            return false; // keeps each visit's comparisons bounded (the kernel evicts states that keep missing)
        }
        jumpsSinceCheckpoint = 0;
        insnsSinceCheckpoint = 0;
        if (here == null) {
            here = new ArrayList<>(2);
            explored.set(slot, here);
        }
        Checkpoint c = new Checkpoint(st.copy(), st.checkpoint, slot);
        c.state.checkpoint = null;
        here.add(c);
        st.checkpoint = c;
        totalStates++;
        maxStatesPerInsn = Math.max(maxStatesPerInsn, here.size());
        return false;
    }

    int newId() {
        return ++nextId;
    }

    static VerifyError error(int slot, String reason) {
        return new VerifyError(slot, reason);
    }

    /** Mirrors check_reg_arg(SRC_OP). */
    static RegState readReg(VerifierState st, int r, int slot) {
        RegState reg = st.reg(r);
        if (reg.type == RegType.NOT_INIT) {
            throw error(slot, "R" + r + " !read_ok");
        }
        return reg;
    }

    /** Executes one instruction on a path; returns the next slot, or -1 when the path ended. */
    private int step(VerifierState st, Insn insn, int slot) {
        InsnClass cls = insn.insnClass();
        switch (cls) {
            case ALU:
            case ALU64:
                alu(st, insn, slot);
                return slot + 1;
            case LDX:
            case ST:
            case STX:
                MemoryChecks.check(this, st, insn, slot);
                return slot + 1;
            case LD:
                if (insn.isWide()) {
                    ldImm64(st, insn, slot);
                    return slot + 2;
                }
                MemoryChecks.ldAbs(this, st, insn, slot);
                return slot + 1;
            case JMP:
            case JMP32:
                return jump(st, insn, slot);
            default:
                throw new AssertionError(cls);
        }
    }

    private void ldImm64(VerifierState st, Insn insn, int slot) {
        RegState dst = st.reg(insn.dst());
        PseudoSrc src = insn.pseudoSrc();
        LdImmRef ref = ldImms.get(slot);
        if (src == PseudoSrc.NONE && ref == null) {
            dst.assign(RegState.constant(insn.imm()));
            facts.constant(slot, insn.imm());
            return;
        }
        if (src == PseudoSrc.FUNC) {
            dst.assign(RegState.pointer(RegType.PTR_TO_FUNC));
            dst.funcSlot = slot + 1 + insn.imm32();
            return;
        }
        if (ref == null) {
            throw error(slot, "fd " + insn.imm32() + " is not pointing to valid bpf_map");
        }
        if (ref.kind() == LdImmRef.Kind.MAP_PTR) {
            dst.assign(RegState.pointer(RegType.CONST_PTR_TO_MAP));
        } else {
            if (ref.offset() < 0 || ref.offset() >= Math.max(1, ref.map().valueSize())) {
                throw error(
                        slot,
                        "invalid access to map value pointer, value_size="
                                + ref.map().valueSize() + " off=" + ref.offset());
            }
            dst.assign(RegState.pointer(RegType.PTR_TO_MAP_VALUE));
            dst.off = ref.offset();
        }
        dst.map = ref.map();
    }

    // ---- ALU (check_alu_op) ----

    private void alu(VerifierState st, Insn insn, int slot) {
        AluOp op = insn.aluOp();
        boolean is32 = insn.insnClass() == InsnClass.ALU;
        int d = insn.dst();
        if (op == AluOp.END || op == AluOp.BSWAP || op == AluOp.NEG) {
            RegState dst = readReg(st, d, slot);
            if (dst.type != RegType.SCALAR) {
                dst.markUnknown(); // a privileged loader may turn a pointer into a number
            } else if (op == AluOp.NEG) {
                ScalarAlu.neg(dst, is32);
            } else {
                boolean truncLe = op == AluOp.END && insn.source() == Source.K && insn.imm() < 64;
                if (dst.isConst()) {
                    dst.assign(RegState.constant(swap(op, insn, dst.var.value())));
                } else {
                    // byte order changes permute known bits: swap the tnum itself
                    Tnum t = truncLe
                            ? dst.var.cast((int) insn.imm() / 8)
                            : new Tnum(swap(op, insn, dst.var.value()), swap(op, insn, dst.var.mask()));
                    dst.markUnknown();
                    dst.var = t;
                    dst.sync();
                }
            }
            recordConst(st, d, slot);
            return;
        }
        RegState src;
        if (insn.source() == Source.X) {
            src = readReg(st, insn.src(), slot);
        } else {
            long imm = is32 ? insn.imm() & 0xffffffffL : insn.imm();
            src = RegState.constant(imm);
        }
        if (op == AluOp.MOV || op == AluOp.MOVSX) {
            mov(st, insn, op, src, is32, slot);
            recordConst(st, d, slot);
            return;
        }
        RegState dst = readReg(st, d, slot);
        if ((op == AluOp.DIV || op == AluOp.MOD || op == AluOp.SDIV || op == AluOp.SMOD)
                && insn.source() == Source.K
                && insn.imm() == 0) {
            throw error(slot, "div by zero");
        }
        if ((op == AluOp.LSH || op == AluOp.RSH || op == AluOp.ARSH) && insn.source() == Source.K) {
            int width = is32 ? 32 : 64;
            if (insn.imm() < 0 || insn.imm() >= width) {
                throw error(slot, "invalid shift " + insn.imm());
            }
        }
        if (dst.type.isPointer() || src.type.isPointer()) {
            PointerAlu.apply(this, st, insn, op, dst, src, is32, slot);
        } else {
            int linked = dst.id;
            long delta = dst.off;
            ScalarAlu.apply(op, dst, src, is32);
            if (linked != 0 && !is32 && src.isConst() && (op == AluOp.ADD || op == AluOp.SUB) && !dst.isConst()) {
                // still linked to its copies, at a known distance (BPF_ADD_CONST in sync_linked_regs())
                long moved = delta + (op == AluOp.ADD ? src.var.value() : -src.var.value());
                if (moved == (int) moved) {
                    dst.id = linked;
                    dst.off = (int) moved;
                }
            }
        }
        recordConst(st, d, slot);
    }

    private void recordConst(VerifierState st, int d, int slot) {
        RegState r = st.reg(d);
        if (r.isScalar() && r.isConst()) {
            facts.constant(slot, r.var.value());
        } else {
            facts.notConstant(slot);
        }
    }

    private static long swap(AluOp op, Insn insn, long v) {
        int bits = (int) insn.imm();
        boolean toBe = op == AluOp.BSWAP || insn.source() == Source.X;
        switch (bits) {
            case 16:
                return toBe ? Short.reverseBytes((short) v) & 0xffffL : v & 0xffffL;
            case 32:
                return toBe ? Integer.reverseBytes((int) v) & 0xffffffffL : v & 0xffffffffL;
            default:
                return toBe ? Long.reverseBytes(v) : v;
        }
    }

    private void mov(VerifierState st, Insn insn, AluOp op, RegState src, boolean is32, int slot) {
        RegState dst = st.reg(insn.dst());
        if (op == AluOp.MOVSX) {
            if (src.type != RegType.SCALAR) {
                throw error(slot, "R" + insn.src() + " sign-extension mov of a pointer prohibited");
            }
            int bits = insn.off();
            RegState r = RegState.unknown();
            if (src.isConst()) {
                long v = src.var.value();
                long sx = bits == 8 ? (byte) v : bits == 16 ? (short) v : (int) v;
                r = RegState.constant(is32 ? sx & 0xffffffffL : sx);
            } else if (Long.compareUnsigned(src.umax, (1L << (bits - 1)) - 1) <= 0) {
                r = src.copy();
                r.id = 0;
                r.off = 0;
            } else if (!is32) {
                r.smin = -(1L << (bits - 1));
                r.smax = (1L << (bits - 1)) - 1;
                r.sync();
            } else {
                r.s32min = -(1L << (bits - 1));
                r.s32max = (1L << (bits - 1)) - 1;
                r.sync();
                r.zext32();
            }
            dst.assign(r);
            return;
        }
        if (!is32) {
            if (src.type == RegType.SCALAR && !src.isConst() && insn.source() == Source.X) {
                if (src.id == 0) {
                    src.id = newId();
                }
            }
            dst.assign(src.copy());
            return;
        }
        if (src.type.isPointer()) {
            // a partial copy of a pointer: privileged loaders get an unknown 32-bit scalar
            dst.assign(RegState.unknown());
            dst.zext32();
            return;
        }
        RegState r = src.copy();
        r.id = 0;
        r.off = 0;
        ScalarAlu.narrow(r);
        dst.assign(r);
    }

    // ---- jumps (check_cond_jmp_op) ----

    private int jump(VerifierState st, Insn insn, int slot) {
        JumpOp op = insn.jumpOp();
        switch (op) {
            case JA:
                jumpsSinceCheckpoint++;
                return insn.insnClass() == InsnClass.JMP32 ? slot + 1 + insn.imm32() : slot + 1 + insn.off();
            case CALL:
                return CallChecks.call(this, st, insn, slot);
            case EXIT:
                return CallChecks.exit(this, st, slot);
            default:
                break;
        }
        jumpsSinceCheckpoint++;
        boolean is32 = insn.insnClass() == InsnClass.JMP32;
        RegState dst = readReg(st, insn.dst(), slot);
        RegState src = insn.source() == Source.X
                ? readReg(st, insn.src(), slot)
                : RegState.constant(is32 ? insn.imm() & 0xffffffffL : insn.imm());
        int target = slot + 1 + insn.off();
        int fall = slot + 1;
        Boolean taken = Branches.decide(op, dst, src, is32);
        if (taken != null) {
            return taken ? target : fall;
        }
        VerifierState other = st.copy();
        boolean okTaken = Branches.refine(this, other, insn, op, true, is32);
        boolean okFall = Branches.refine(this, st, insn, op, false, is32);
        if (!okTaken) {
            return okFall ? fall : -1;
        }
        if (!okFall) {
            st.frames.clear();
            st.frames.addAll(other.frames);
            st.refs.clear();
            st.refs.addAll(other.refs);
            return target;
        }
        push(other, target, slot);
        return fall;
    }

    /** Records how deep a function's frame reaches. */
    void noteDepth(FuncState f) {
        funcDepth.merge(f.funcStart, f.depth, Math::max);
    }

    void noteAccess(int slot, AccessFact fact) {
        facts.access(slot, fact);
    }
}
