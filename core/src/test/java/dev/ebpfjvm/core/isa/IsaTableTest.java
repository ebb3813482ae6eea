package dev.ebpfjvm.core.isa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The instruction table ({@code isa-table.txt}): every form of every opcode, with its bytes and its
 * two texts. Each row is checked in every direction: text to bytes, bytes to instruction and back,
 * instruction to both texts. The table also pins the set of opcodes the validator accepts.
 */
class IsaTableTest {
    private static final IntFunction<String> NAMES = id -> id == 1 ? "bpf_map_lookup_elem" : null;

    record Row(String asm, byte[] bytes, String kernel) {
        @Override
        public String toString() {
            return asm;
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = IsaTableTest.class.getResourceAsStream("isa-table.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split(" \\| ", 3);
                rows.add(new Row(cols[0].trim(), HexFormat.ofDelimiter(" ").parseHex(cols[1].trim()), cols[2].trim()));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void insn_encodesToTableBytes(Row row) {
        assertArrayEquals(row.bytes(), InsnCodec.encode(List.of(Assembler.insn(row.asm()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decodeSlots_roundTripsTableBytes(Row row) {
        List<Insn> insns = InsnCodec.decodeSlots(row.bytes());
        assertEquals(1, insns.size());
        assertNull(InsnValidator.check(insns.get(0)));
        assertArrayEquals(row.bytes(), InsnCodec.encode(insns));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void toAsm_printsCanonicalSpelling(Row row) {
        assertEquals(
                row.asm(), Disassembler.toAsm(InsnCodec.decodeSlots(row.bytes()).get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void toKernel_printsVerifierLogText(Row row) {
        assertEquals(
                row.kernel(),
                Disassembler.toKernel(InsnCodec.decodeSlots(row.bytes()).get(0), NAMES));
    }

    @Test
    void table_coversExactlyTheValidOpcodes() throws IOException {
        Set<Integer> inTable = new TreeSet<>();
        for (Row row : rows()) {
            inTable.add(row.bytes()[0] & 0xff);
        }
        assertEquals(126, inTable.size(), "the kernel's 125 opcodes (bpf_opcode_in_insntable) and callx 0x8d");
        assertEquals(inTable, new TreeSet<>(RandomInsns.validOpcodes()));
    }

    @Test
    void opcodesOutsideTheTable_areRejectedWhateverTheFields() throws IOException {
        Set<Integer> inTable = new TreeSet<>();
        for (Row row : rows()) {
            inTable.add(row.bytes()[0] & 0xff);
        }
        long seed = Seeds.seed();
        Random r = new Random(seed);
        for (int op = 0; op < 256; op++) {
            if (inTable.contains(op)) {
                continue;
            }
            for (int i = 0; i < 200; i++) {
                Insn insn = new Insn(
                        op,
                        r.nextInt(11),
                        r.nextInt(11),
                        i % 2 == 0 ? 0 : (short) r.nextInt(),
                        op == Insn.LDDW ? r.nextLong() : i % 3 == 0 ? 0 : r.nextInt());
                assertNotNull(InsnValidator.check(insn), () -> "accepted " + insn + ", " + Seeds.describe(seed));
            }
        }
    }
}
