package dev.ebpfjvm.core.isa;

import dev.ebpfjvm.core.InvalidProgramException;
import java.util.function.IntFunction;

/**
 * Instructions as text, in two syntaxes:
 * <ul>
 *   <li>the conformance assembler syntax ({@link #toAsm(Insn)}), which {@link Assembler} reads back
 *       exactly: {@code Assembler.assemble(toAsm(p)).equals(p)} for every valid program;</li>
 *   <li>the kernel's syntax ({@link #toKernel(Insn)}), exactly as {@code bpftool prog dump
 *       xlated} prints it ({@link #dump}): {@code r0 = *(u32 *)(r1 +4)}, {@code w0 += w1},
 *       {@code if r1 > 0x5 goto pc+3}, {@code call bpf_map_lookup_elem#1}, {@code r1 = map[id:3]}.
 *       {@link Insn#toString()} uses it.</li>
 * </ul>
 */
public final class Disassembler {
    private static final IntFunction<String> NO_NAMES = id -> null;

    private Disassembler() {}

    /**
     * {@return one instruction in the conformance assembler syntax, e.g. {@code ldxw %r0, [%r1+4]}}
     *
     * @throws InvalidProgramException when the instruction is malformed, which the syntax cannot spell
     */
    public static String toAsm(Insn insn) {
        String reason = InsnValidator.check(insn);
        if (reason != null) {
            throw new InvalidProgramException(-1, "cannot disassemble " + KernelSyntax.fields(insn) + ": " + reason);
        }
        return AsmSyntax.format(insn);
    }

    /**
     * {@return a program in the conformance assembler syntax, one instruction a line, each ending in
     * a newline; jumps keep their slot offsets}
     *
     * @throws InvalidProgramException naming the slot of the first malformed instruction
     */
    public static String toAsm(Instructions program) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < program.size(); i++) {
            Insn insn = program.list().get(i);
            String reason = InsnValidator.check(insn);
            if (reason != null) {
                throw new InvalidProgramException(
                        program.slotOf(i), "cannot disassemble " + KernelSyntax.fields(insn) + ": " + reason);
            }
            out.append(AsmSyntax.format(insn)).append('\n');
        }
        return out.toString();
    }

    /** {@return one instruction in the kernel's syntax, helpers by id ({@code call unknown#1}); never throws} */
    public static String toKernel(Insn insn) {
        return KernelSyntax.format(insn, NO_NAMES);
    }

    /**
     * {@return one instruction in the kernel's syntax; a malformed one prints its fields and why}
     *
     * @param helperName gives the name of a helper id as the kernel prints it
     *     ({@code bpf_map_lookup_elem}), or null when it has none
     */
    public static String toKernel(Insn insn, IntFunction<String> helperName) {
        return KernelSyntax.format(insn, helperName);
    }

    /**
     * A listing like {@code bpftool prog dump xlated}: one line per instruction, its slot, opcode and
     * text ({@code "   0: (b7) r0 = 0"}), each ending in a newline.
     *
     * @param helperName as for {@link #toKernel(Insn, IntFunction)}
     */
    public static String dump(Instructions program, IntFunction<String> helperName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < program.size(); i++) {
            Insn insn = program.list().get(i);
            out.append(String.format(
                    "%4d: (%02x) %s\n", program.slotOf(i), insn.opcode(), KernelSyntax.format(insn, helperName)));
        }
        return out.toString();
    }
}
