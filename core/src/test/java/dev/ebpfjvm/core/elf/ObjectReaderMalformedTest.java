package dev.ebpfjvm.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.btf.BtfKind;
import dev.ebpfjvm.core.btf.BtfSpec;
import dev.ebpfjvm.core.btf.BtfType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ObjectReader's checks above the ELF layer, each on a fixture corrupted in one place. */
class ObjectReaderMalformedTest {

    private static void malformed(byte[] bytes, String section, String reason) {
        MalformedObjectException e = assertThrows(MalformedObjectException.class, () -> ObjectReader.read(bytes));
        assertEquals(section, e.section(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static void unsupported(byte[] bytes, String reason) {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> ObjectReader.read(bytes));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 4, 1 << 20, Long.MAX_VALUE})
    void read_functionNotInsideItsSection(long size) {
        Patch p = new Patch("tail_calls");
        malformed(p.put(p.symbolField("dispatch", 16), 8, size).bytes, "tc", "not a whole number of instructions");
    }

    @Test
    void read_functionCutsLddw() {
        Patch p = new Patch("tail_calls");
        p.put(p.symbolField("handle_icmp", 16), 8, 6 * 8);
        malformed(p.bytes, "tc", "cuts an lddw");
    }

    @Test
    void read_overlappingFunctions() {
        Patch p = new Patch("tail_calls");
        malformed(
                p.put(p.symbolField("handle_tcp", 8), 8, 12 * 8).bytes,
                "tc",
                "function 'handle_tcp' overlaps 'handle_icmp'");
    }

    @Test
    void read_staticProgramIsUnsupported() {
        Patch p = new Patch("tail_calls");
        unsupported(
                p.put(p.symbolField("dispatch", 4), 1, ElfSymbol.STB_LOCAL << 4 | ElfSymbol.STT_FUNC).bytes,
                "program 'dispatch' is static");
    }

    @Test
    void read_relocationNotOnInstruction() {
        Patch p = new Patch("tail_calls");
        malformed(p.put(p.relocationField(".reltc", 0, 0), 8, 5 * 8 + 4).bytes, "tc", "not on an instruction");
    }

    @Test
    void read_relocationIntoSecondHalfOfLddw() {
        Patch p = new Patch("tail_calls");
        malformed(p.put(p.relocationField(".reltc", 0, 0), 8, 6 * 8).bytes, "tc", "middle of an lddw");
    }

    @Test
    void read_lddwRelocationOnOtherInstruction() {
        Patch p = new Patch("tail_calls");
        malformed(p.put(p.relocationField(".reltc", 0, 0), 8, 0).bytes, "tc", "cannot apply");
    }

    @Test
    void read_dataRelocationTypeInCodeIsUnsupported() {
        Patch p = new Patch("tail_calls");
        unsupported(
                p.put(p.relocationField(".reltc", 0, 8), 4, ElfRelocation.R_BPF_64_ABS64).bytes,
                "R_BPF_64_ABS64 in code");
    }

    @Test
    void read_relocationAgainstLicenseIsUnsupported() {
        Patch p = new Patch("tail_calls");
        int license = p.elf.symbols().stream()
                .filter(s -> s.name().equals("LICENSE"))
                .findFirst()
                .orElseThrow()
                .index();
        unsupported(
                p.put(p.relocationField(".reltc", 0, 12), 4, license).bytes,
                "references section 'license', which is neither a map nor global data");
    }

    @Test
    void read_callToNoFunction() {
        Patch p = new Patch("bpf2bpf");
        // tc slot 35 calls hash_addrs through the .text section symbol; aim it into the middle of mix32
        malformed(p.put(p.contents("tc", 35 * 8 + 4), 4, 3).bytes, "tc", "no function starts at offset 32 of '.text'");
    }

    @Test
    void read_globalDataOffsetOutsideSection() {
        Patch p = new Patch("globals");
        // slot 87 loads the address of the string literal in .rodata.str1.1 (8 bytes)
        malformed(p.put(p.contents("tc", 87 * 8 + 4), 4, 8).bytes, "tc", "outside '.rodata.str1.1'");
    }

    @Test
    void read_externsAreUnsupported() {
        unsupported(Fixtures.bytes("invalid_extern"), "'LINUX_KERNEL_VERSION' is an extern");
        unsupported(Fixtures.bytes("invalid_kfunc"), "'bpf_rcu_read_lock' is an extern");
    }

    @Test
    void read_versionOfWrongSize() {
        Patch p = new Patch("sections");
        malformed(p.put(p.sectionField("version", 32), 8, 3).bytes, "version", "size 3 is not 4");
    }

    @Test
    void read_badBtfHeader() {
        Patch p = new Patch("tail_calls");
        malformed(p.put(p.contents(".BTF", 0), 2, 0x9feb).bytes, ".BTF", "bad magic");
    }

    @Test
    void read_invalidPinning() {
        Patch p = new Patch("pinned_ingress");
        malformed(p.put(arrayLengthOf(p, "shared_hosts", "pinning"), 4, 2).bytes, ".maps", "invalid pinning value 2");
    }

    @Test
    void read_unknownMapType() {
        Patch p = new Patch("tail_calls");
        unsupported(p.put(arrayLengthOf(p, "tail_hits", "type"), 4, 99).bytes, "map 'tail_hits': unknown map type 99");
    }

    @Test
    void read_initialSlotBeyondMaxEntries() {
        Patch p = new Patch("tail_calls");
        malformed(
                p.put(arrayLengthOf(p, "jmp_table", "max_entries"), 4, 6).bytes,
                ".maps",
                "values[6] beyond max_entries 6");
    }

    @Test
    void read_unknownMapAttributeIsUnsupported() {
        Patch p = new Patch("eth_proto_count");
        unsupported(p.put(btfString(p, "max_entries") + 3, 1, 'X').bytes, "unknown field 'maxXentries'");
    }

    @Test
    void read_progArraySlotNamingAMap() {
        Patch p = new Patch("tail_calls");
        int map = p.elf.symbols().stream()
                .filter(s -> s.name().equals("tail_hits"))
                .findFirst()
                .orElseThrow()
                .index();
        malformed(p.put(p.relocationField(".rel.maps", 0, 12), 4, map).bytes, ".maps", "isn't an entry-point program");
    }

    @Test
    void read_legacyMapSectionNotDivisible() {
        Patch p = new Patch("legacy_maps");
        malformed(p.put(p.sectionField("maps", 32), 8, 39).bytes, "maps", "unable to determine map definition size");
    }

    @Test
    void read_duplicateProgramNames() {
        Patch p = new Patch("tail_calls");
        int at = stringIn(p, ".strtab", "handle_tcp");
        p.put(at + 7, 1, 'u').put(at + 8, 1, 'd');
        malformed(p.bytes, null, "two programs named 'handle_udp'");
    }

    /** {@return the file position of the nelems field of the array a map attribute's pointer points to} */
    private static int arrayLengthOf(Patch p, String map, String attribute) {
        BtfSpec btf = Fixtures.spec(p.fixture).btf();
        BtfType.Var var = (BtfType.Var) btf.type(btf.typeId(BtfKind.VAR, map).orElseThrow());
        BtfType.Struct def = (BtfType.Struct) btf.resolve(var.type());
        BtfType.Member m = def.members().stream()
                .filter(x -> x.name().equals(attribute))
                .findFirst()
                .orElseThrow();
        int array = ((BtfType.Ptr) btf.type(m.type())).type();
        return typeOffset(p, array) + 12 + 8;
    }

    /** {@return the file position of a type's header in .BTF, walking the type section} */
    private static int typeOffset(Patch p, int id) {
        int btf = p.contents(".BTF", 0);
        int pos = btf + (int) u32(p, btf + 4) + (int) u32(p, btf + 8);
        for (int current = 1; current < id; current++) {
            long info = u32(p, pos + 4);
            int vlen = (int) (info & 0xffff);
            BtfKind kind = BtfKind.of((int) (info >>> 24) & 0x1f);
            pos += 12 + extra(kind, vlen);
        }
        return pos;
    }

    private static int extra(BtfKind kind, int vlen) {
        switch (kind) {
            case INT:
            case VAR:
            case DECL_TAG:
                return 4;
            case ARRAY:
                return 12;
            case STRUCT:
            case UNION:
            case DATASEC:
            case ENUM64:
                return 12 * vlen;
            case ENUM:
            case FUNC_PROTO:
                return 8 * vlen;
            default:
                return 0;
        }
    }

    private static int btfString(Patch p, String s) {
        int btf = p.contents(".BTF", 0);
        int start = btf + (int) u32(p, btf + 4) + (int) u32(p, btf + 16);
        return indexOf(p.bytes, start, s);
    }

    private static int stringIn(Patch p, String section, String s) {
        return indexOf(p.bytes, p.contents(section, 0), s);
    }

    private static int indexOf(byte[] bytes, int from, String s) {
        byte[] needle = (s + "\0").getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = from; i + needle.length <= bytes.length; i++) {
            if (bytes[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException(s);
    }

    private static long u32(Patch p, int at) {
        return (p.bytes[at] & 0xffL)
                | (p.bytes[at + 1] & 0xffL) << 8
                | (p.bytes[at + 2] & 0xffL) << 16
                | (p.bytes[at + 3] & 0xffL) << 24;
    }
}
