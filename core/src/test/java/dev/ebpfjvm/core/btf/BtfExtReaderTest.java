package dev.ebpfjvm.core.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.elf.ElfFile;
import dev.ebpfjvm.core.elf.ElfSection;
import dev.ebpfjvm.core.elf.Fixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BtfExtReader on the fixtures and on hand-built sections. */
class BtfExtReaderTest {
    static List<String> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void read_functionInfoForEveryFunctionSymbol(String name) {
        ElfFile elf = ElfFile.parse(Fixtures.bytes(name));
        BtfSpec btf = BtfReaderTest.btfOf(name);
        BtfExt ext =
                BtfExtReader.read(elf.contents(elf.section(BtfExtReader.SECTION).orElseThrow()), btf);
        for (ElfSection s : elf.sections()) {
            if (!s.isExecutable() || s.size() == 0) {
                continue;
            }
            List<String> want = elf.symbols().stream()
                    .filter(y -> y.isFunction() && y.sectionIndex() == s.index())
                    .sorted((a, b) -> Long.compare(a.value(), b.value()))
                    .map(y -> y.value() / 8 + " " + y.name())
                    .toList();
            List<String> got = ext.funcInfos(s.name()).stream()
                    .map(f -> f.slot() + " " + btf.type(f.typeId()).name())
                    .toList();
            assertEquals(want, got, s.name());
            List<LineInfo> lines = ext.lineInfos(s.name());
            assertTrue(lines.size() >= want.size(), s.name());
            assertTrue(lines.stream().allMatch(l -> l.slot() < s.size() / 8), s.name());
        }
    }

    @Test
    void read_lineInfoFields() {
        BtfBuilder b = new BtfBuilder();
        int proto = b.type("", BtfKind.FUNC_PROTO, 0, false, 0);
        int func = b.type("f", BtfKind.FUNC, 1, false, proto);
        BtfSpec btf = BtfReader.read(b.build());
        byte[] ext = ext(8, 16, new int[] {8, 0, 1, 16, func}, new int[] {16, 0, 1, 24, 0, 0, 7 << 10 | 3});
        BtfExt parsed = BtfExtReader.read(ext, btf);
        assertEquals(List.of(new FuncInfo(2, func)), parsed.funcInfos(""));
        assertEquals(List.of(new LineInfo(3, "", "", 7, 3)), parsed.lineInfos(""));
    }

    @Test
    void read_malformed() {
        BtfBuilder b = new BtfBuilder();
        int proto = b.type("", BtfKind.FUNC_PROTO, 0, false, 0);
        int func = b.type("f", BtfKind.FUNC, 1, false, proto);
        BtfSpec btf = BtfReader.read(b.build());
        malformed(new byte[10], btf, "truncated header");
        malformed(ext(8, 16, new int[] {4, 0, 1, 0, func}, new int[0]), btf, "record size 4");
        malformed(ext(8, 16, new int[] {8, 0, 9, 0, func}, new int[0]), btf, "do not fit");
        malformed(ext(8, 16, new int[] {8, 999, 1, 0, func}, new int[0]), btf, "string offset 999");
        malformed(ext(8, 16, new int[] {8, 0, 1, 4, func}, new int[0]), btf, "not a multiple of 8");
        malformed(ext(8, 16, new int[] {8, 0, 1, 0, proto}, new int[0]), btf, "is not a FUNC");
        malformed(ext(8, 16, new int[] {8, 0, 1, 0, 99}, new int[0]), btf, "is not a FUNC");
    }

    private static void malformed(byte[] ext, BtfSpec btf, String reason) {
        MalformedObjectException e = assertThrows(MalformedObjectException.class, () -> BtfExtReader.read(ext, btf));
        assertEquals(".BTF.ext", e.section());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    /** A .BTF.ext section with one func-info block and one line-info block (each: rec_size, sections…). */
    private static byte[] ext(int funcRec, int lineRec, int[] funcBlock, int[] lineBlock) {
        ByteBuffer buf = ByteBuffer.allocate(24 + 4 * (funcBlock.length + lineBlock.length))
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0xeb9f).put((byte) 1).put((byte) 0).putInt(24);
        buf.putInt(0).putInt(4 * funcBlock.length).putInt(4 * funcBlock.length).putInt(4 * lineBlock.length);
        for (int w : funcBlock) {
            buf.putInt(w);
        }
        for (int w : lineBlock) {
            buf.putInt(w);
        }
        return buf.array();
    }
}
