package dev.ebpfjvm.core.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.elf.ElfFile;
import dev.ebpfjvm.core.elf.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BtfReader on every fixture against bpftool's dump, and on hand-built sections. */
class BtfReaderTest {
    static List<String> fixtures() {
        return Fixtures.all();
    }

    static BtfSpec btfOf(String fixture) {
        ElfFile elf = ElfFile.parse(Fixtures.bytes(fixture));
        return BtfReader.read(elf.contents(elf.section(BtfReader.SECTION).orElseThrow()));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void read_matchesBpftoolDump(String name) {
        assertEquals(Fixtures.expected(name, "btf").orElseThrow(), BpftoolFormat.dump(btfOf(name)));
    }

    @Test
    void read_everyKindClangEmits() {
        BtfSpec btf = btfOf("btf_kinds");
        for (BtfKind kind : BtfKind.values()) {
            if (kind != BtfKind.VOID && kind != BtfKind.ENUM64) {
                assertTrue(btf.types().stream().anyMatch(t -> t.kind() == kind), kind.name());
            }
        }
        int tagged = btf.typeId(BtfKind.STRUCT, "tagged").orElseThrow();
        BtfType.Struct s = (BtfType.Struct) btf.type(tagged);
        assertEquals(
                new BtfType.Member("high", s.members().get(2).type(), 35, 5),
                s.members().get(2));
        assertEquals(12, btf.sizeOf(tagged));
        BtfType.Var var =
                (BtfType.Var) btf.type(btf.typeId(BtfKind.VAR, "user_pointer").orElseThrow());
        BtfType.Ptr ptr = (BtfType.Ptr) btf.type(var.type());
        assertEquals(BtfKind.TYPE_TAG, btf.type(ptr.type()).kind());
        assertEquals(BtfKind.INT, btf.resolve(ptr.type()).kind());
        assertEquals(8, btf.sizeOf(var.type()));
        assertEquals(32, btf.sizeOf(btf.typeId(BtfKind.VAR, "length_classes").orElseThrow()));
    }

    @Test
    void typeName_givesCLikeNames() {
        BtfSpec btf = btfOf("btf_kinds");
        assertEquals("int *", name(btf, "user_pointer"));
        assertEquals("struct tagged", name(btf, "tagged_value"));
        assertEquals("__u64[4]", name(btf, "length_classes"));
        assertEquals("enum colour", name(btf, "favourite_colour"));
        assertEquals("double", name(btf, "precise"));
        BtfType.FuncProto classify = (BtfType.FuncProto) btf.type(
                ((BtfType.Func) btf.type(btf.typeId(BtfKind.FUNC, "classify").orElseThrow())).type());
        assertEquals(
                "const volatile __u32 * restrict",
                btf.typeName(classify.params().get(0).type()));
        assertEquals("void", btf.typeName(0));
    }

    private static String name(BtfSpec btf, String var) {
        return btf.typeName(btf.typeId(BtfKind.VAR, var).orElseThrow());
    }

    @Test
    void read_enum64AndSignedEnum() {
        BtfBuilder b = new BtfBuilder();
        int big = b.type("big", BtfKind.ENUM64, 2, true, 8);
        b.words(b.str("MINUS"), -1, -1, b.str("HUGE"), 0, 0x80000000);
        int small = b.type("small", BtfKind.ENUM, 1, true, 4);
        b.words(b.str("NEG"), -5);
        BtfSpec btf = BtfReader.read(b.build());
        assertEquals(
                new BtfType.Enum64(
                        "big",
                        8,
                        true,
                        List.of(
                                new BtfType.EnumValue("MINUS", -1L),
                                new BtfType.EnumValue("HUGE", 0x8000000000000000L))),
                btf.type(big));
        assertEquals(new BtfType.Enum("small", 4, true, List.of(new BtfType.EnumValue("NEG", -5))), btf.type(small));
        assertEquals(8, btf.sizeOf(big));
    }

    @Test
    void resolve_cyclicTypedefIsMalformed() {
        BtfBuilder b = new BtfBuilder();
        b.type("a", BtfKind.TYPEDEF, 0, false, 2);
        b.type("b", BtfKind.TYPEDEF, 0, false, 1);
        BtfSpec btf = BtfReader.read(b.build());
        MalformedObjectException e = assertThrows(MalformedObjectException.class, () -> btf.sizeOf(1));
        assertEquals(".BTF", e.section());
    }

    @Test
    void sizeOf_functionHasNoSize() {
        BtfBuilder b = new BtfBuilder();
        int proto = b.type("", BtfKind.FUNC_PROTO, 0, false, 0);
        int func = b.type("f", BtfKind.FUNC, 1, false, proto);
        BtfSpec btf = BtfReader.read(b.build());
        assertThrows(MalformedObjectException.class, () -> btf.sizeOf(func));
    }
}
