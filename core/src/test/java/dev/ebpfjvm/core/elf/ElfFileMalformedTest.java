package dev.ebpfjvm.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every check of ElfFile, each on a fixture corrupted in one place. */
class ElfFileMalformedTest {
    private static final String FIXTURE = "tail_calls";

    private static MalformedObjectException malformed(byte[] bytes, String section, String reason) {
        MalformedObjectException e = assertThrows(MalformedObjectException.class, () -> ElfFile.parse(bytes));
        assertEquals(section, e.section(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        return e;
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 16, 63})
    void parse_truncatedHeader(int length) {
        malformed(new Patch(FIXTURE).truncated(length), null, "truncated ELF header");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void parse_tooShortForTheMagicIsNotAnElfFile(int length) {
        malformed(new Patch(FIXTURE).truncated(length), null, "not an ELF file");
    }

    @Test
    void parse_textIsNotAnElfFile() {
        byte[] text = "-- asm\nmov %r0, 1\nexit\n-- result\n0x1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(
                "not an ELF file (no \\x7fELF magic)",
                assertThrows(MalformedObjectException.class, () -> ElfFile.parse(text))
                        .getMessage());
        byte[] longText = "x".repeat(200).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        malformed(longText, null, "not an ELF file");
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 1000, 4000})
    void parse_truncatedFile(int length) {
        MalformedObjectException e =
                assertThrows(MalformedObjectException.class, () -> ElfFile.parse(new Patch(FIXTURE).truncated(length)));
        assertTrue(e.getMessage().contains("outside the file"), e.getMessage());
    }

    @Test
    void parse_badMagic() {
        malformed(new Patch(FIXTURE).put(1, 1, 'X').bytes, null, "not an ELF file");
    }

    @Test
    void parse_elf32() {
        malformed(new Patch(FIXTURE).put(4, 1, 1).bytes, null, "ELFCLASS64");
    }

    @Test
    void parse_bigEndianIsUnsupported() {
        byte[] bytes = new Patch(FIXTURE).put(5, 1, 2).bytes;
        assertThrows(UnsupportedFeatureException.class, () -> ElfFile.parse(bytes));
    }

    @Test
    void parse_otherMachine() {
        malformed(new Patch(FIXTURE).put(18, 2, 62).bytes, null, "EM_BPF");
    }

    @Test
    void parse_notRelocatable() {
        malformed(new Patch(FIXTURE).put(16, 2, 2).bytes, null, "ET_REL");
    }

    @Test
    void parse_sectionHeaderTableOutsideFile() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(40, 8, p.bytes.length - 64).bytes, null, "section header table");
    }

    @Test
    void parse_sectionHeaderTableOffsetOverflows() {
        malformed(new Patch(FIXTURE).put(40, 8, -64L).bytes, null, "section header table");
    }

    @Test
    void parse_badSectionHeaderSize() {
        malformed(new Patch(FIXTURE).put(58, 2, 40).bytes, null, "e_shentsize");
    }

    @Test
    void parse_sectionNameTableIndexOutOfRange() {
        malformed(new Patch(FIXTURE).put(62, 2, 500).bytes, null, "e_shstrndx");
    }

    @Test
    void parse_sectionNameTableNotAStringTable() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(62, 2, p.elf.section("tc").orElseThrow().index()).bytes, null, "not a string table");
    }

    @Test
    void parse_sectionOutsideFile() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(p.sectionField("tc", 24), 8, p.bytes.length - 8).bytes, "tc", "outside the file");
    }

    @Test
    void parse_sectionSizeHuge() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(p.sectionField("license", 32), 8, Long.MAX_VALUE).bytes, "license", "outside the file");
    }

    @Test
    void parse_badSectionNameOffset() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(p.sectionField("tc", 0), 4, 0xffffff).bytes, ".shstrtab", "string offset");
    }

    @Test
    void parse_badSymbolNameOffset() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(p.symbolField("dispatch", 0), 4, 0x7fffffff).bytes, ".strtab", "string offset");
    }

    @Test
    void parse_symbolInMissingSection() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(p.symbolField("dispatch", 6), 2, 300).bytes, ".symtab", "does not exist");
    }

    @Test
    void parse_badSymbolTableEntrySize() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(p.sectionField(".symtab", 56), 8, 16).bytes, ".symtab", "24-byte");
    }

    @Test
    void parse_symbolTableWithoutStringTable() {
        Patch p = new Patch(FIXTURE);
        malformed(
                p.put(
                                p.sectionField(".symtab", 40),
                                4,
                                p.elf.section("tc").orElseThrow().index())
                        .bytes,
                ".symtab",
                "not a string table");
    }

    @Test
    void parse_secondSymbolTable() {
        Patch p = new Patch(FIXTURE);
        malformed(
                p.put(p.sectionField(".llvm_addrsig", 4), 4, ElfSection.SHT_SYMTAB).bytes,
                ".symtab",
                "second symbol table");
    }

    @Test
    void parse_relocationSymbolOutOfRange() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(p.relocationField(".reltc", 0, 12), 4, 10_000).bytes, ".reltc", "names symbol 10000");
    }

    @Test
    void parse_relocationOutsideSection() {
        Patch p = new Patch(FIXTURE);
        long size = p.elf.section("tc").orElseThrow().size();
        malformed(p.put(p.relocationField(".reltc", 0, 0), 8, size).bytes, ".reltc", "outside section 'tc'");
    }

    @Test
    void parse_relocationEntrySize() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(p.sectionField(".reltc", 56), 8, 24).bytes, ".reltc", "16-byte");
    }

    @Test
    void parse_relocationOfMissingSection() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(p.sectionField(".reltc", 44), 4, 999).bytes, ".reltc", "does not exist");
    }

    @Test
    void parse_relocationWithoutSymbolTable() {
        Patch p = new Patch(FIXTURE);
        malformed(p.put(p.sectionField(".reltc", 40), 4, 1).bytes, ".reltc", "not the symbol table");
    }

    @Test
    void contents_copiesAndNoBitsIsEmpty() {
        ElfFile elf = ElfFile.parse(Fixtures.bytes("globals"));
        ElfSection bss = elf.section(".bss").orElseThrow();
        assertEquals(0, elf.contents(bss).length);
        ElfSection tc = elf.section("tc").orElseThrow();
        byte first = elf.contents(tc)[0];
        elf.contents(tc)[0] = (byte) ~first;
        assertEquals(first, elf.contents(tc)[0], "contents are copies");
        assertNull(elf.section("no such section").orElse(null));
    }
}
