package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.isa.Disassembler;
import dev.ebpfjvm.core.isa.Insn;
import java.util.ArrayList;
import java.util.List;

/**
 * The verifier's log in the kernel's style: at level 1 each instruction of the path being explored
 * ({@code 12: (bf) r1 = r6}) and the branch states it resumes ({@code from 4 to 9: ...}), cut back
 * to the last branch when a path proves safe, so that what remains on a rejection is the path to
 * the error; at level 2 also the register state after every instruction. Every level ends with
 * the error (if any) and the statistics line.
 */
final class VerifierLog {
    private final int level;
    private final List<String> lines = new ArrayList<>();

    VerifierLog(int level) {
        this.level = level;
    }

    int level() {
        return level;
    }

    void add(String line) {
        lines.add(line);
    }

    int size() {
        return lines.size();
    }

    /** Appends the register state to the last line, as level 2 prints it: {@code insn ; R0=1}. */
    void appendState(String state) {
        int last = lines.size() - 1;
        StringBuilder b = new StringBuilder(lines.get(last));
        while (b.length() < 38) {
            b.append(' ');
        }
        lines.set(last, b.append("; ").append(state).toString());
    }

    void truncate(int size) {
        while (lines.size() > size) {
            lines.remove(lines.size() - 1);
        }
    }

    List<String> lines() {
        return lines;
    }

    /** {@return an instruction as the kernel's log prints it, {@code (85) call bpf_map_lookup_elem#1}} */
    static String insn(Insn insn, int slot) {
        String text = Disassembler.toKernel(insn, id -> {
            HelperId h = HelperId.ofId(id);
            return h == null ? "unknown" : "bpf_" + h.kernelName();
        });
        return String.format("(%02x) %s", insn.opcode(), text);
    }
}
