package dev.ebpfjvm.core.asm;

import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.isa.AsmInsn;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.memory.Reach;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A program being built (cilium/ebpf's {@code asm.Instructions}): instructions in order, labels
 * on some of them, and references by name that are resolved when it is assembled. A label is put
 * on an instruction with {@link AsmInsn#withSymbol} or, before adding it, with {@link #label}.
 *
 * <ul>
 *   <li>{@link #instructions()} resolves jumps, bpf-to-bpf calls and function addresses to slot
 *       offsets, giving what an engine runs;
 *   <li>{@link #spec} also leaves every {@code lddw} of a map or map value as a
 *       {@link dev.ebpfjvm.core.elf.Relocation}, giving the same {@link ProgramSpec} an ELF
 *       object would, which the object loader resolves against the object's maps.
 * </ul>
 *
 * <p>Assembling only resolves names; the engines and the loader check the program as they do a
 * program from any other source. Not thread-safe.
 */
public final class InsnList {
    private final List<AsmInsn> insns = new ArrayList<>();
    private final List<String[]> labels = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();

    /** An empty program. */
    public InsnList() {}

    /** {@return a program of the instructions, in order} */
    public static InsnList of(AsmInsn... insns) {
        return new InsnList().add(insns);
    }

    /** {@return this list, with the instructions appended} */
    public InsnList add(AsmInsn... more) {
        for (AsmInsn insn : more) {
            append(insn);
        }
        return this;
    }

    /** {@return this list, with the instructions appended} */
    public InsnList addAll(List<? extends AsmInsn> more) {
        more.forEach(this::append);
        return this;
    }

    /**
     * Puts a label on the next instruction added; labels left at the end mark the slot after the
     * last instruction, as in the text assembler.
     *
     * @return this list
     */
    public InsnList label(String name) {
        if (Objects.requireNonNull(name, "name").isEmpty()) {
            throw new IllegalArgumentException("empty label");
        }
        pending.add(name);
        return this;
    }

    /** {@return the instructions added so far, unresolved} */
    public List<AsmInsn> list() {
        return Collections.unmodifiableList(insns);
    }

    /**
     * Resolves every label.
     *
     * @return the instructions
     * @throws LabelException for an unknown or duplicate label or a jump out of range
     * @throws dev.ebpfjvm.core.InvalidProgramException for an {@code lddw} of a map, which only the
     *     loader can resolve (use {@link #spec})
     */
    public Instructions instructions() {
        return Assembly.of(insns, labelsAt()).instructions();
    }

    /**
     * {@return the program as the engines take it, with the given helpers ({@link #instructions()}),
     * reaching only its stack, context, packet and own functions}
     */
    public Program program(String name, HelperRegistry helpers) {
        return new Program(name, instructions(), helpers);
    }

    /**
     * {@return the program as the engines take it, with the given helpers, reaching the regions of
     * {@code reach} too (the maps whose addresses its lddw instructions hold)}
     */
    public Program program(String name, HelperRegistry helpers, Reach reach) {
        return new Program(name, instructions(), helpers, reach);
    }

    /** {@return the program as the engines take it, calling no helpers ({@link #instructions()})} */
    public Program program(String name) {
        return program(name, HelperRegistry.empty());
    }

    /**
     * Assembles the program into the blueprint an ELF object's program gives: labels resolved, the
     * called functions (targets of {@code callLocal} and {@code lddwFunc}) as subprograms, map and
     * map-value references as relocations. Load it inside an
     * {@link dev.ebpfjvm.core.elf.ObjectSpec} that declares the maps.
     *
     * @param name the program's name
     * @param section the section it would have in an object ({@code "tc"}, {@code "tcx/ingress"} …),
     *     which gives its type as libbpf's section names do
     * @param license the license ({@code "GPL"} for the GPL-only helpers)
     * @return the spec
     * @throws LabelException for an unknown or duplicate label or a jump out of range
     */
    public ProgramSpec spec(String name, String section, String license) {
        return Assembly.of(insns, labelsAt()).spec(name, section, license);
    }

    @Override
    public String toString() {
        return "InsnList" + insns;
    }

    private void append(AsmInsn insn) {
        insns.add(Objects.requireNonNull(insn, "insn"));
        labels.add(pending.toArray(new String[0]));
        pending.clear();
    }

    /** The labels before each instruction, and those after the last at index size(). */
    private List<List<String>> labelsAt() {
        List<List<String>> at = new ArrayList<>(insns.size() + 1);
        for (String[] names : labels) {
            at.add(Arrays.asList(names));
        }
        at.add(List.copyOf(pending));
        return at;
    }
}
