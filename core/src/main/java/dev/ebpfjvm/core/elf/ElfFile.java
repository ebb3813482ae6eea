package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.btf.StringTable;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A little-endian ELF64 relocatable object, as clang writes for {@code -target bpf}: the section
 * headers with their names, the symbol table and the {@code SHT_REL} relocation sections.
 *
 * <p>Every offset, size, index and count is checked against the file before use: a malformed
 * or truncated file raises {@link MalformedObjectException} naming the section and the problem
 * (never an index error, a hang or an allocation larger than the file). Big-endian objects
 * ({@code bpfeb}) raise {@link UnsupportedFeatureException}.
 *
 * <pre>
 *  Elf64_Ehdr (64 bytes): e_ident[16] | e_type:16 | e_machine:16 | e_version:32 | e_entry:64 |
 *      e_phoff:64 | e_shoff:64 | e_flags:32 | e_ehsize:16 | e_phentsize:16 | e_phnum:16 |
 *      e_shentsize:16 | e_shnum:16 | e_shstrndx:16
 *  Elf64_Shdr (64 bytes) × e_shnum at e_shoff;  Elf64_Sym (24 bytes);  Elf64_Rel (16 bytes)
 * </pre>
 */
public final class ElfFile {
    /** {@code EM_BPF}. */
    public static final int EM_BPF = 247;
    /** {@code ET_REL}: a relocatable object, the only kind clang emits for BPF. */
    public static final int ET_REL = 1;

    static final int HEADER_SIZE = 64;
    static final int SECTION_HEADER_SIZE = 64;
    static final int SYMBOL_SIZE = 24;
    static final int REL_SIZE = 16;

    private final byte[] bytes;
    private final List<ElfSection> sections;
    private final List<ElfSymbol> symbols;
    private final List<List<ElfRelocation>> relocationsByTarget;
    private final List<List<ElfSymbol>> symbolsBySection;

    private ElfFile(
            byte[] bytes,
            List<ElfSection> sections,
            List<ElfSymbol> symbols,
            List<List<ElfRelocation>> relocationsByTarget) {
        this.bytes = bytes;
        this.sections = sections;
        this.symbols = symbols;
        this.relocationsByTarget = relocationsByTarget;
        List<List<ElfSymbol>> bySection = new ArrayList<>(sections.size());
        sections.forEach(s -> bySection.add(new ArrayList<>()));
        for (ElfSymbol sym : symbols) {
            if (sym.isInSection()) {
                bySection.get(sym.sectionIndex()).add(sym);
            }
        }
        bySection.replaceAll(Collections::unmodifiableList);
        this.symbolsBySection = Collections.unmodifiableList(bySection);
    }

    /**
     * Parses an object file.
     *
     * @param file the file's bytes (copied)
     * @throws MalformedObjectException when the file is not a well-formed ELF64 BPF object
     * @throws UnsupportedFeatureException for a big-endian object
     */
    public static ElfFile parse(byte[] file) {
        byte[] bytes = file.clone();
        ElfHeaders headers = ElfHeaders.read(bytes);
        List<ElfSection> sections = headers.sections();
        List<ElfSymbol> symbols = ElfSymbols.read(bytes, sections);
        List<List<ElfRelocation>> relocations = readRelocations(bytes, sections, symbols.size());
        return new ElfFile(bytes, sections, symbols, relocations);
    }

    /** {@return every section, the index being the section index (section 0 is the null section)} */
    public List<ElfSection> sections() {
        return sections;
    }

    /**
     * {@return the section of an index}
     *
     * @throws MalformedObjectException when there is no such section
     */
    public ElfSection section(int index) {
        if (index < 0 || index >= sections.size()) {
            throw new MalformedObjectException(
                    null, "section index " + index + " out of range (have " + sections.size() + ")");
        }
        return sections.get(index);
    }

    /** {@return the first section of a name} */
    public Optional<ElfSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** {@return the symbol table, the index being the symbol index; empty when the file has none} */
    public List<ElfSymbol> symbols() {
        return symbols;
    }

    /** {@return the symbols defined in a section, in symbol-table order} */
    public List<ElfSymbol> symbolsIn(ElfSection section) {
        return symbolsBySection.get(section.index());
    }

    /**
     * {@return a copy of a section's bytes; empty for NOBITS sections such as {@code .bss}}
     */
    public byte[] contents(ElfSection section) {
        if (section.isNoBits()) {
            return new byte[0];
        }
        return Arrays.copyOfRange(bytes, (int) section.offset(), (int) (section.offset() + section.size()));
    }

    /**
     * {@return the relocations of every {@code SHT_REL} section that applies to a section, in file
     * order; each was checked to name an existing symbol and an offset inside the section}
     */
    public List<ElfRelocation> relocations(ElfSection target) {
        return relocationsByTarget.get(target.index());
    }

    private static List<List<ElfRelocation>> readRelocations(byte[] bytes, List<ElfSection> sections, int symbolCount) {
        List<List<ElfRelocation>> byTarget = new ArrayList<>(sections.size());
        TreeMap<Integer, List<ElfRelocation>> found = new TreeMap<>();
        for (ElfSection rel : sections) {
            if (rel.type() != ElfSection.SHT_REL) {
                continue;
            }
            if (rel.entrySize() != REL_SIZE || rel.size() % REL_SIZE != 0) {
                throw new MalformedObjectException(
                        rel.name(),
                        "entry size " + rel.entrySize() + " and size " + rel.size()
                                + " do not describe 16-byte Elf64_Rel entries");
            }
            if (rel.info() <= 0 || rel.info() >= sections.size()) {
                throw new MalformedObjectException(
                        rel.name(), "relocates section index " + rel.info() + ", which does not exist");
            }
            if (rel.link() <= 0
                    || rel.link() >= sections.size()
                    || sections.get(rel.link()).type() != ElfSection.SHT_SYMTAB) {
                throw new MalformedObjectException(rel.name(), "sh_link " + rel.link() + " is not the symbol table");
            }
            ElfSection target = sections.get(rel.info());
            List<ElfRelocation> list = found.computeIfAbsent(target.index(), k -> new ArrayList<>());
            for (long at = rel.offset(); at < rel.offset() + rel.size(); at += REL_SIZE) {
                list.add(readRelocation(bytes, (int) at, rel, target, symbolCount));
            }
        }
        for (int i = 0; i < sections.size(); i++) {
            byTarget.add(Collections.unmodifiableList(found.getOrDefault(i, List.of())));
        }
        return Collections.unmodifiableList(byTarget);
    }

    private static ElfRelocation readRelocation(
            byte[] bytes, int at, ElfSection rel, ElfSection target, int symbolCount) {
        long offset = LittleEndian.getU64(bytes, at);
        long info = LittleEndian.getU64(bytes, at + 8);
        long symbol = info >>> 32;
        int type = (int) info;
        if (symbol >= symbolCount) {
            throw new MalformedObjectException(
                    rel.name(),
                    "relocation at offset " + offset + " names symbol " + symbol + " but the symbol table has "
                            + symbolCount);
        }
        if (offset < 0 || offset >= target.size()) {
            throw new MalformedObjectException(
                    rel.name(),
                    "relocation offset " + offset + " outside section '" + target.name() + "' of " + target.size()
                            + " bytes");
        }
        return new ElfRelocation(offset, (int) symbol, type);
    }

    /** {@return the string table of a section index, checked to be an SHT_STRTAB inside the file} */
    static StringTable stringTable(byte[] bytes, List<ElfSection> sections, int index, String user) {
        if (index <= 0 || index >= sections.size() || sections.get(index).type() != ElfSection.SHT_STRTAB) {
            throw new MalformedObjectException(user, "string table index " + index + " is not a string table");
        }
        ElfSection s = sections.get(index);
        return new StringTable(s.name(), Arrays.copyOfRange(bytes, (int) s.offset(), (int) (s.offset() + s.size())));
    }
}
