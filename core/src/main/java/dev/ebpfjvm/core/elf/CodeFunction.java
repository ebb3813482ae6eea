package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.isa.Instructions;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A function of an executable section, as found by its symbol: an entry program (a global
 * function of a program section) or a subprogram (any function of {@code .text}), with its own
 * instructions and the references its relocations make, by slot relative to its start.
 */
final class CodeFunction {
    final String name;
    final ElfSection section;
    final int start;
    final Instructions insns;
    final boolean entry;
    private final TreeMap<Integer, CodeRef> refs = new TreeMap<>();
    private String unsupported;
    private final java.util.Set<Integer> externs = new java.util.HashSet<>();

    CodeFunction(String name, ElfSection section, int start, Instructions insns, boolean entry) {
        this.name = name;
        this.section = section;
        this.start = start;
        this.insns = insns;
        this.entry = entry;
    }

    /** {@return true when a section slot lies inside this function} */
    boolean contains(int sectionSlot) {
        return sectionSlot >= start && sectionSlot < start + insns.slotCount();
    }

    /** Records the reference of the instruction at a slot relative to the function. */
    void addRef(int slot, CodeRef ref) {
        if (refs.putIfAbsent(slot, ref) != null) {
            throw new MalformedObjectException(
                    section.name(),
                    "two relocations for the instruction at offset " + (start + slot) * 8L + " (function '" + name
                            + "')");
        }
    }

    /**
     * Records that the instruction at a slot relative to the function refers to an extern, which
     * ebpf-jvm does not support: only the programs that link the function fail, so that one such
     * program does not keep the others from being read.
     */
    void markExtern(int slot, String reason) {
        externs.add(slot);
        if (unsupported == null) {
            unsupported = reason;
        }
    }

    /** {@return true when the instruction at a slot relative to the function refers to an extern} */
    boolean isExternAt(int slot) {
        return externs.contains(slot);
    }

    /** {@return why the function cannot run, or null} */
    String unsupported() {
        return unsupported;
    }

    /** {@return the references by slot relative to the function} */
    SortedMap<Integer, CodeRef> refs() {
        return Collections.unmodifiableSortedMap(refs);
    }

    @Override
    public String toString() {
        return section.name() + "/" + name;
    }
}
