package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnCodec;
import dev.ebpfjvm.core.isa.Instructions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the functions of every executable section: each STT_FUNC symbol is one, cut out of the
 * section's decoded instructions by its value and size; functions may not overlap, so that their
 * copies never take more room than the section. In {@code .text} every function is a
 * subprogram; in any other section every function is an entry program, and must be global.
 * Mirrors bpf_object__add_programs() in libbpf's src/libbpf.c.
 */
final class CodeSections {
    /** The section of subprograms (functions without a {@code SEC()}). */
    static final String TEXT = ".text";

    private final List<CodeFunction> functions = new ArrayList<>();
    private final Map<Integer, TreeMap<Integer, CodeFunction>> byStart = new HashMap<>();

    private CodeSections() {}

    static CodeSections read(ElfFile elf) {
        CodeSections code = new CodeSections();
        for (ElfSection s : elf.sections()) {
            if (s.isExecutable() && s.size() > 0) {
                code.readSection(elf, s);
            }
        }
        return code;
    }

    /** {@return every function, by section then start} */
    List<CodeFunction> functions() {
        return functions;
    }

    /** {@return the function of a section that contains a section slot} */
    Optional<CodeFunction> containing(ElfSection section, int slot) {
        Map.Entry<Integer, CodeFunction> e = starts(section).floorEntry(slot);
        return e != null && e.getValue().contains(slot) ? Optional.of(e.getValue()) : Optional.empty();
    }

    /** {@return the function of a section that starts at a section slot} */
    Optional<CodeFunction> startingAt(ElfSection section, long slot) {
        return slot < 0 || slot > Integer.MAX_VALUE
                ? Optional.empty()
                : Optional.ofNullable(starts(section).get((int) slot));
    }

    private TreeMap<Integer, CodeFunction> starts(ElfSection section) {
        return byStart.getOrDefault(section.index(), new TreeMap<>());
    }

    private void readSection(ElfFile elf, ElfSection s) {
        if (s.size() % InsnCodec.SLOT_BYTES != 0) {
            throw new MalformedObjectException(s.name(), "size " + s.size() + " is not a multiple of 8");
        }
        Instructions all;
        try {
            all = new Instructions(InsnCodec.decodeSlots(elf.contents(s)));
        } catch (InvalidProgramException e) {
            throw new MalformedObjectException(s.name(), e.getMessage(), e);
        }
        List<ElfSymbol> symbols = new ArrayList<>();
        for (ElfSymbol sym : elf.symbolsIn(s)) {
            if (sym.isFunction()) {
                symbols.add(sym);
            }
        }
        symbols.sort(Comparator.comparingLong(ElfSymbol::value));
        boolean text = s.name().equals(TEXT);
        ElfSymbol previous = null;
        for (ElfSymbol sym : symbols) {
            if (previous != null && previous.value() + previous.size() > sym.value()) {
                throw new MalformedObjectException(
                        s.name(), "function '" + sym.name() + "' overlaps '" + previous.name() + "'");
            }
            if (!text && !sym.isGlobal()) {
                throw new UnsupportedFeatureException("section '" + s.name() + "': program '" + sym.name()
                        + "' is static; programs in a program section must be global");
            }
            CodeFunction f = new CodeFunction(sym.name(), s, (int) (sym.value() / 8), cut(s, all, sym), !text);
            functions.add(f);
            byStart.computeIfAbsent(s.index(), k -> new TreeMap<>()).put(f.start, f);
            previous = sym;
        }
    }

    private static Instructions cut(ElfSection s, Instructions all, ElfSymbol sym) {
        long value = sym.value();
        long size = sym.size();
        if (sym.name().isEmpty()
                || value % 8 != 0
                || size % 8 != 0
                || size == 0
                || value < 0
                || size < 0
                || value + size > s.size()) {
            throw new MalformedObjectException(
                    s.name(),
                    "function '" + sym.name() + "' at offset " + value + " of size " + size
                            + " is not a whole number of instructions inside the section of " + s.size() + " bytes");
        }
        int from = (int) (value / 8);
        int to = (int) ((value + size) / 8);
        if (all.atSlot(from) == null || (to < all.slotCount() && all.atSlot(to) == null)) {
            throw new MalformedObjectException(s.name(), "function '" + sym.name() + "' cuts an lddw in half");
        }
        List<Insn> insns = new ArrayList<>();
        for (int slot = from; slot < to; slot++) {
            Insn insn = all.atSlot(slot);
            if (insn != null) {
                insns.add(insn);
            }
        }
        return new Instructions(insns);
    }
}
