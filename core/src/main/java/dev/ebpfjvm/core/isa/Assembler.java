package dev.ebpfjvm.core.isa;

import dev.ebpfjvm.core.InvalidProgramException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the text syntax of the BPF conformance suite (bpf_conformance, inherited from uBPF)
 * into {@link Instructions}. One instruction a line; registers {@code %r0}–{@code %r10}; labels as
 * {@code name:} (alone or before an instruction); jump targets a label or a slot offset
 * {@code +N}/{@code -N}; {@code #} starts a comment. For example:
 *
 * <pre>
 *     mov %r0, 0
 *     ldxw %r1, [%r1+4]
 *     jgt32 %r1, 5, big
 *     lock fetch add [%r10-8], %r1
 *     exit
 * big:
 *     lddw %r0, 0x1122334455667788
 *     exit
 * </pre>
 *
 * <p>As in the upstream assembler, the first {@code exit} also defines a label {@code exit} unless
 * the text defines one. Beyond the upstream syntax it accepts {@code ldabs}/{@code ldind} (legacy
 * packet loads), {@code lddw %rD, imm, map_fd} (a pseudo source) and {@code call runtime N, OFF},
 * so that every valid instruction has a spelling ({@link Disassembler#toAsm(Insn)} prints them).
 *
 * <p>The result is checked with {@link InsnValidator}; every error, in the text or in the program
 * it spells, is an {@link InvalidProgramException} naming the 1-based source line.
 */
public final class Assembler {
    private final List<Insn> insns = new ArrayList<>();
    private final List<AsmLine> lines = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private final Map<String, Integer> labelLines = new HashMap<>();
    private int slots;
    private int firstExit = -1;

    private Assembler() {}

    /**
     * Assembles a program.
     *
     * @param source the text, lines separated by {@code \n} (a trailing {@code \r} is ignored)
     * @return the instructions; empty when the text holds none
     * @throws InvalidProgramException naming the source line and what is wrong there
     */
    public static Instructions assemble(String source) {
        Assembler asm = new Assembler();
        String[] text = source.split("\n", -1);
        for (int i = 0; i < text.length; i++) {
            AsmLine line = AsmLine.parse(i + 1, text[i]);
            if (line != null) {
                asm.add(line);
            }
        }
        return asm.finish();
    }

    /**
     * Assembles one instruction, e.g. {@code Assembler.insn("ldxw %r0, [%r1+4]")}. Jump targets must
     * be slot offsets ({@code +N}/{@code -N}); a label has nothing to resolve against here.
     *
     * @throws InvalidProgramException when the text is not exactly one well-formed instruction
     */
    public static Insn insn(String text) {
        AsmLine line = AsmLine.parse(1, text);
        if (line == null || line.label() != null || !line.hasInsn()) {
            throw InvalidProgramException.atLine(1, "expected one instruction, got '" + text.trim() + "'");
        }
        Insn insn = encode(line);
        if (line.labelRef() != null) {
            throw line.error("jump target '" + line.labelRef() + "' must be a slot offset +N or -N here");
        }
        String reason = InsnValidator.check(insn);
        if (reason != null) {
            throw line.error(reason);
        }
        return insn;
    }

    private void add(AsmLine line) {
        if (line.label() != null) {
            Integer previous = labelLines.putIfAbsent(line.label(), line.number());
            if (previous != null) {
                throw line.error("duplicate label '" + line.label() + "' (first defined on line " + previous + ")");
            }
            labels.put(line.label(), slots);
        }
        if (!line.hasInsn()) {
            return;
        }
        Insn insn = encode(line);
        if (insn.isExit() && firstExit < 0) {
            firstExit = slots;
        }
        insns.add(insn);
        lines.add(line);
        slots += insn.slots();
    }

    private static Insn encode(AsmLine line) {
        AsmEncoders.Encoder encoder = AsmEncoders.of(line.mnemonic());
        if (encoder == null) {
            throw line.error("invalid mnemonic '" + line.mnemonic() + "'");
        }
        return encoder.encode(line);
    }

    private Instructions finish() {
        int slot = 0;
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.get(i);
            AsmLine line = lines.get(i);
            if (line.labelRef() != null) {
                insns.set(i, resolve(insn, line, slot));
            }
            slot += insn.slots();
        }
        Instructions program = new Instructions(insns);
        if (program.size() > 0) {
            try {
                InsnValidator.validate(program);
            } catch (InvalidProgramException e) {
                int index = e.index() < 0 ? 0 : indexOfSlot(program, e.index());
                throw lines.get(index).error(e.reason());
            }
        }
        return program;
    }

    private Insn resolve(Insn insn, AsmLine line, int slot) {
        String name = line.labelRef();
        Integer target = labels.get(name);
        if (target == null && name.equals("exit") && firstExit >= 0) {
            target = firstExit;
        }
        if (target == null) {
            throw line.error("unknown label '" + name + "'");
        }
        int offset = target - slot - 1;
        boolean inImm = insn.isLocalCall() || insn.opcode() == (AsmEncoders.JMP32 | JumpOp.JA.code());
        if (inImm) {
            return new Insn(insn.opcode(), insn.dst(), insn.src(), insn.off(), offset);
        }
        if (offset != (short) offset) {
            throw line.error("jump to label '" + name + "' is " + offset + " slots away, beyond the 16-bit offset");
        }
        return new Insn(insn.opcode(), insn.dst(), insn.src(), offset, insn.imm());
    }

    private static int indexOfSlot(Instructions program, int slot) {
        for (int i = program.size() - 1; i >= 0; i--) {
            if (program.slotOf(i) <= slot) {
                return i;
            }
        }
        return 0;
    }
}
