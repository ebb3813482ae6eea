package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.btf.StringTable;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the one {@code SHT_SYMTAB} section: entries of 24 bytes, names from the string table
 * its {@code sh_link} names, section indices checked to exist. Mirrors libbpf's elf_collect(),
 * which also refuses a second symbol table.
 */
final class ElfSymbols {
    private ElfSymbols() {}

    static List<ElfSymbol> read(byte[] bytes, List<ElfSection> sections) {
        ElfSection symtab = null;
        for (ElfSection s : sections) {
            if (s.type() == ElfSection.SHT_SYMTAB) {
                if (symtab != null) {
                    throw new MalformedObjectException(
                            s.name(), "a second symbol table (the first is '" + symtab.name() + "')");
                }
                symtab = s;
            }
        }
        if (symtab == null) {
            return List.of();
        }
        if (symtab.entrySize() != ElfFile.SYMBOL_SIZE || symtab.size() % ElfFile.SYMBOL_SIZE != 0) {
            throw new MalformedObjectException(
                    symtab.name(),
                    "entry size " + symtab.entrySize() + " and size " + symtab.size()
                            + " do not describe 24-byte Elf64_Sym entries");
        }
        StringTable names = ElfFile.stringTable(bytes, sections, symtab.link(), symtab.name());
        int count = (int) (symtab.size() / ElfFile.SYMBOL_SIZE);
        List<ElfSymbol> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            symbols.add(readSymbol(
                    bytes, (int) symtab.offset() + i * ElfFile.SYMBOL_SIZE, i, names, symtab, sections.size()));
        }
        return Collections.unmodifiableList(symbols);
    }

    private static ElfSymbol readSymbol(
            byte[] bytes, int at, int index, StringTable names, ElfSection symtab, int sectionCount) {
        String name = names.at(LittleEndian.getU32(bytes, at));
        int info = bytes[at + 4] & 0xff;
        int other = bytes[at + 5] & 0xff;
        int shndx = (int) LittleEndian.getU16(bytes, at + 6);
        long value = LittleEndian.getU64(bytes, at + 8);
        long size = LittleEndian.getU64(bytes, at + 16);
        if (shndx != ElfSymbol.SHN_UNDEF && shndx < ElfSymbol.SHN_LORESERVE && shndx >= sectionCount) {
            throw new MalformedObjectException(
                    symtab.name(),
                    "symbol " + index + " '" + name + "' is in section " + shndx + ", which does not exist (have "
                            + sectionCount + ")");
        }
        return new ElfSymbol(index, name, value, size, info & 0xf, info >>> 4, other & 0x3, shndx);
    }
}
