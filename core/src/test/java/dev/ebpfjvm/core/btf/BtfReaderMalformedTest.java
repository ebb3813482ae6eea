package dev.ebpfjvm.core.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.MalformedObjectException;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every check of BtfReader, on hand-built sections with one thing wrong. */
class BtfReaderMalformedTest {

    private static void malformed(byte[] section, String reason) {
        MalformedObjectException e = assertThrows(MalformedObjectException.class, () -> BtfReader.read(section));
        assertEquals(".BTF", e.section(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    /** A valid section with an int, a pointer to it and a struct, changed by {@code edit}. */
    private static byte[] valid(Consumer<byte[]> edit) {
        BtfBuilder b = new BtfBuilder();
        int i = b.type("int", BtfKind.INT, 0, false, 4);
        b.words(0x01000020);
        b.type("", BtfKind.PTR, 0, false, i);
        b.type("pair", BtfKind.STRUCT, 2, false, 8);
        b.words(b.str("a"), i, 0, b.str("b"), i, 32);
        byte[] bytes = b.build();
        edit.accept(bytes);
        return bytes;
    }

    private static void put32(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    @Test
    void read_valid() {
        BtfSpec btf = BtfReader.read(valid(b -> {}));
        assertEquals(4, btf.typeCount());
        assertEquals(8, btf.sizeOf(3));
        assertEquals(8, btf.sizeOf(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 8, 23})
    void read_truncatedHeader(int length) {
        malformed(Arrays.copyOf(valid(b -> {}), length), "truncated header");
    }

    @Test
    void read_badMagic() {
        malformed(valid(b -> b[0] = 0), "bad magic");
    }

    @Test
    void read_badVersion() {
        malformed(valid(b -> b[2] = 2), "unsupported version 2");
    }

    @Test
    void read_badFlags() {
        malformed(valid(b -> b[3] = 1), "unsupported flags");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 23, 100_000, -1})
    void read_badHeaderLength(int hdrLen) {
        malformed(valid(b -> put32(b, 4, hdrLen)), "header length");
    }

    @Test
    void read_typeSectionOutsideData() {
        malformed(valid(b -> put32(b, 12, 10_000)), "type section");
    }

    @Test
    void read_stringSectionOutsideData() {
        malformed(valid(b -> put32(b, 16, -8)), "string section");
    }

    @Test
    void read_misalignedTypeSection() {
        malformed(valid(b -> put32(b, 8, 2)), "not 4-byte aligned");
    }

    @Test
    void read_overlappingSections() {
        malformed(valid(b -> put32(b, 16, 4)), "overlap");
    }

    @Test
    void read_stringSectionWithoutLeadingNul() {
        malformed(valid(b -> b[24 + (b[12] & 0xff)] = 'x'), "string section must start and end with NUL");
    }

    @Test
    void read_stringSectionWithoutTrailingNul() {
        malformed(valid(b -> b[b.length - 1] = 'x'), "string section must start and end with NUL");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 20, 31})
    void read_unknownKind(int kind) {
        malformed(valid(b -> b[24 + 7] = (byte) kind), "unknown kind " + kind);
    }

    @Test
    void read_truncatedType() {
        BtfBuilder b = new BtfBuilder();
        b.type("int", BtfKind.INT, 0, false, 4);
        malformed(b.build(), "type [1]: truncated");
    }

    @Test
    void read_vlenBeyondSection() {
        malformed(valid(b -> b[24 + 16 + 12 + 4] = 100), "type [3]: truncated");
    }

    @Test
    void read_referenceToMissingType() {
        malformed(valid(b -> put32(b, 24 + 16 + 8, 9)), "type [2]: refers to type [9]");
    }

    @Test
    void read_memberOfMissingType() {
        malformed(valid(b -> put32(b, 24 + 16 + 12 + 12 + 4, 77)), "type [3]: refers to type [77]");
    }

    @Test
    void read_badNameOffset() {
        malformed(valid(b -> put32(b, 24, 5000)), "string offset 5000");
    }

    @Test
    void read_intWiderThanItsSize() {
        malformed(valid(b -> put32(b, 24 + 12, 0x01000041)), "cannot hold 65 bits");
    }

    @Test
    void read_funcOfNonPrototype() {
        BtfBuilder b = new BtfBuilder();
        int i = b.type("int", BtfKind.INT, 0, false, 4);
        b.words(32);
        b.type("f", BtfKind.FUNC, 0, false, i);
        malformed(b.build(), "want FUNC_PROTO");
    }

    @Test
    void read_datasecOfNonVar() {
        BtfBuilder b = new BtfBuilder();
        int i = b.type("int", BtfKind.INT, 0, false, 4);
        b.words(32);
        b.type(".data", BtfKind.DATASEC, 1, false, 4);
        b.words(i, 0, 4);
        malformed(b.build(), "not VAR");
    }

    @Test
    void read_varOfUnknownLinkage() {
        BtfBuilder b = new BtfBuilder();
        int i = b.type("int", BtfKind.INT, 0, false, 4);
        b.words(32);
        b.type("v", BtfKind.VAR, 0, false, i);
        b.words(3);
        malformed(b.build(), "unknown linkage 3");
    }

    @Test
    void read_hugeSizesAreRejectedNotAllocated() {
        malformed(valid(b -> put32(b, 24 + 16 + 12 + 4, 0x0400ffff)), "type [3]: truncated");
        BtfBuilder b = new BtfBuilder();
        int i = b.type("int", BtfKind.INT, 0, false, 4);
        b.words(32);
        b.type("", BtfKind.ARRAY, 0, false, 0);
        b.words(i, i, -1);
        malformed(b.build(), "array length 4294967295 too large");
    }
}
