package dev.ebpfjvm.core.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ElfFile against what llvm-readelf and llvm-objdump show of every fixture. */
class ElfFileTest {
    private static final Map<Integer, String> TYPES = Map.of(
            0, "NULL", 1, "PROGBITS", 2, "SYMTAB", 3, "STRTAB", 8, "NOBITS", 9, "REL", 0x6fff4c03, "LLVM_ADDRSIG");
    private static final Map<Integer, String> SYMBOL_TYPES =
            Map.of(0, "NOTYPE", 1, "OBJECT", 2, "FUNC", 3, "SECTION", 4, "FILE");
    private static final Map<Integer, String> BINDS = Map.of(0, "LOCAL", 1, "GLOBAL", 2, "WEAK");

    static List<String> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void parse_sectionHeadersMatchReadelf(String name) {
        ElfFile elf = ElfFile.parse(Fixtures.bytes(name));
        ReadelfListing want =
                ReadelfListing.parse(Fixtures.expected(name, "readelf").orElseThrow());
        assertEquals(want.sections.size(), elf.sections().size());
        for (ReadelfListing.Section w : want.sections) {
            ElfSection s = elf.sections().get(w.index());
            assertEquals(w.name(), s.name(), "name of section " + w.index());
            assertEquals(w.type(), TYPES.getOrDefault(s.type(), "?"), s.name());
            assertEquals(w.offset(), s.offset(), s.name());
            assertEquals(w.size(), s.size(), s.name());
            assertEquals(w.entrySize(), s.entrySize(), s.name());
            assertEquals(w.link(), s.link(), s.name());
            assertEquals(w.info(), s.info(), s.name());
            assertEquals(w.flags().contains("X"), s.isExecutable(), s.name());
            assertEquals(w.flags().contains("A"), (s.flags() & ElfSection.SHF_ALLOC) != 0, s.name());
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void parse_symbolsMatchReadelf(String name) {
        ElfFile elf = ElfFile.parse(Fixtures.bytes(name));
        ReadelfListing want =
                ReadelfListing.parse(Fixtures.expected(name, "readelf").orElseThrow());
        assertEquals(want.symbols.size(), elf.symbols().size());
        for (ReadelfListing.Symbol w : want.symbols) {
            ElfSymbol s = elf.symbols().get(w.index());
            assertEquals(w.value(), s.value(), w.name());
            assertEquals(w.size(), s.size(), w.name());
            assertEquals(w.type(), SYMBOL_TYPES.getOrDefault(s.type(), "?"), w.name());
            assertEquals(w.bind(), BINDS.getOrDefault(s.bind(), "?"), w.name());
            String ndx = s.isUndefined()
                    ? "UND"
                    : s.sectionIndex() == ElfSymbol.SHN_ABS ? "ABS" : Integer.toString(s.sectionIndex());
            assertEquals(w.ndx(), ndx, w.name());
            String shown = s.type() == ElfSymbol.STT_SECTION
                    ? elf.sections().get(s.sectionIndex()).name()
                    : s.name();
            assertEquals(w.name(), shown);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void parse_codeAndRelocationsMatchObjdump(String name) {
        ElfFile elf = ElfFile.parse(Fixtures.bytes(name));
        ObjdumpListing want =
                ObjdumpListing.parse(Fixtures.expected(name, "objdump").orElseThrow());
        List<String> codeSections = new ArrayList<>();
        for (ElfSection s : elf.sections()) {
            if (s.isExecutable() && s.size() > 0) {
                codeSections.add(s.name());
            }
        }
        assertEquals(new ArrayList<>(want.sections.keySet()), codeSections);
        for (String sectionName : codeSections) {
            ElfSection s = elf.section(sectionName).orElseThrow();
            ObjdumpListing.Section w = want.sections.get(sectionName);
            assertArrayEquals(w.bytes.toByteArray(), elf.contents(s), sectionName);
            List<ObjdumpListing.Reloc> got = new ArrayList<>();
            for (ElfRelocation r : elf.relocations(s)) {
                ElfSymbol sym = elf.symbols().get(r.symbol());
                String symName = sym.type() == ElfSymbol.STT_SECTION
                        ? elf.sections().get(sym.sectionIndex()).name()
                        : sym.name();
                got.add(new ObjdumpListing.Reloc(r.offset(), ElfRelocation.typeName(r.type()), symName));
            }
            assertEquals(w.relocs, got, sectionName);
            assertTrue(w.text.size() > 0);
        }
    }
}
