package dev.ebpfjvm.jit.plan;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.PseudoSrc;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A program's functions, each of which becomes a JVM method: slot 0 and the target of every local
 * call and {@code BPF_PSEUDO_FUNC} lddw start one, as in add_subprog_and_kfunc() in
 * kernel/bpf/verifier.c. The layout rules that make this sound (jumps stay inside their function,
 * no function falls through into the next) are {@link dev.ebpfjvm.core.isa.InsnValidator}'s to
 * check; programs come here validated.
 */
public final class Functions {
    private final List<FunctionRange> ranges;

    private Functions(List<FunctionRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Finds the functions of a validated program. */
    public static Functions of(Instructions insns) {
        int slots = insns.slotCount();
        BitSet starts = new BitSet(slots);
        starts.set(0);
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.list().get(i);
            if (insn.isLocalCall() || insn.isWide() && insn.pseudoSrc() == PseudoSrc.FUNC) {
                starts.set(insns.slotOf(i) + 1 + insn.imm32());
            }
        }
        List<FunctionRange> ranges = new ArrayList<>();
        for (int s = starts.nextSetBit(0); s >= 0; ) {
            int next = starts.nextSetBit(s + 1);
            ranges.add(new FunctionRange(ranges.size(), s, next < 0 ? slots : next));
            s = next;
        }
        return new Functions(ranges);
    }

    /** {@return the functions, by ascending start} */
    public List<FunctionRange> ranges() {
        return ranges;
    }
}
