package dev.ebpfjvm.core.elf;

import java.util.Arrays;

/**
 * A copy of a fixture's bytes to corrupt at known places: header fields, section headers,
 * symbols and relocation entries, located through a parse of the intact file.
 */
final class Patch {
    final String fixture;
    final byte[] bytes;
    final ElfFile elf;
    private final long shoff;

    Patch(String fixture) {
        this.fixture = fixture;
        this.bytes = Fixtures.bytes(fixture);
        this.elf = ElfFile.parse(bytes);
        this.shoff = u64(40);
    }

    long u64(int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (bytes[at + i] & 0xff);
        }
        return v;
    }

    Patch put(int at, int size, long value) {
        for (int i = 0; i < size; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    /** {@return the file position of a field of a section's header (Elf64_Shdr offsets: 0 name, 4 type, 24 offset, 32 size, 40 link, 44 info, 56 entsize)} */
    int sectionField(String section, int field) {
        return (int) (shoff + 64L * elf.section(section).orElseThrow().index() + field);
    }

    /** {@return the file position of a field of a symbol (Elf64_Sym offsets: 0 name, 4 info, 6 shndx, 8 value, 16 size)} */
    int symbolField(String symbol, int field) {
        ElfSection symtab = elf.section(".symtab").orElseThrow();
        int index = elf.symbols().stream()
                .filter(s -> s.name().equals(symbol))
                .findFirst()
                .orElseThrow()
                .index();
        return (int) (symtab.offset() + 24L * index + field);
    }

    /** {@return the file position of a relocation entry's field (0 r_offset, 8 r_info)} */
    int relocationField(String relSection, int entry, int field) {
        return (int) (elf.section(relSection).orElseThrow().offset() + 16L * entry + field);
    }

    /** {@return the file position of a byte of a section's contents} */
    int contents(String section, long offset) {
        return (int) (elf.section(section).orElseThrow().offset() + offset);
    }

    byte[] truncated(int length) {
        return Arrays.copyOf(bytes, length);
    }
}
