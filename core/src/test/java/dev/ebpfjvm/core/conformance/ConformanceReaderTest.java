package dev.ebpfjvm.core.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.isa.Assembler;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parsing rules of the suite's .data files (FORMAT.md), one by one. */
class ConformanceReaderTest {

    private static ConformanceTest parse(String... lines) {
        return ConformanceReader.parse("t.data", String.join("\n", lines));
    }

    @Test
    void parse_readsEverySection() {
        ConformanceTest t =
                parse("# SPDX header", "-- asm", "mov %r0, %r2", "exit", "-- mem", "00 01", "ff", "-- result", "0x3");
        assertEquals(Assembler.assemble("mov %r0, %r2\nexit"), t.program());
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, t.mem());
        assertEquals(OptionalLong.of(3), t.expectedResult());
        assertEquals(Optional.empty(), t.expectedError());
        assertEquals(Optional.empty(), t.skipReason());
    }

    @Test
    void parse_stripsCommentsOnEveryLineAndCarriageReturns() {
        ConformanceTest t =
                parse("-- asm # the program\r", "mov %r0, 1 # one\r", "exit\r", "-- result # r0\r", "1 # decimal\r");
        assertEquals(Assembler.assemble("mov %r0, 1\nexit"), t.program());
        assertEquals(OptionalLong.of(1), t.expectedResult());
    }

    @Test
    void parse_keepsFileLineNumbersForAssemblerErrors() {
        ConformanceTest t = parse("# header", "-- asm", "mov %r0, 1", "", "frob %r0", "exit", "-- result", "0");
        InvalidProgramException e = assertThrows(InvalidProgramException.class, t::program);
        assertEquals(5, e.index());
    }

    @Test
    void parse_ignoresLinesBeforeTheFirstHeader() {
        ConformanceTest t = parse("mov %r0, 7", "-- asm", "exit", "-- result", "0");
        assertEquals(1, t.program().size());
    }

    @Test
    void parse_resultAndErrorKeepTheirLastLine() {
        ConformanceTest t = parse("-- asm", "exit", "-- result", "0x1", "0x2", "-- error", "first", "second  ");
        assertEquals(OptionalLong.of(2), t.expectedResult());
        assertEquals(Optional.of("second"), t.expectedError());
    }

    @Test
    void parse_rawOverridesAsm() {
        ConformanceTest t =
                parse("-- asm", "mov %r0, 1", "exit", "-- raw", "0x00000002000000b7", "149", "-- result", "2");
        assertEquals(Assembler.assemble("mov %r0, 2\nexit"), t.program());
        assertEquals(List.of(0x2000000b7L, 0x95L), t.raw());
    }

    @Test
    void parse_rawOfEightHexBytesPerSlot() {
        ConformanceTest t = parse("-- raw", "b7 00 00 00 02 00 00 00", "95 00 00 00 00 00 00 00", "-- result", "2");
        assertEquals(Assembler.assemble("mov %r0, 2\nexit"), t.program());
    }

    /** Headers are named by the first keyword they contain, in FORMAT.md's order. */
    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "-- asm result;      asm",
                "--result;           result",
                "-- mem raw;         mem",
                "-- no register offset; ignored",
                "-- c;               ignored",
                "-- error c;         ignored",
                "-- error;           error",
            })
    void parse_headerKeywordOrder(String header, String section) {
        String[] body = {header, "mov %r0, 1", "exit", "-- result", "5"};
        switch (section) {
            case "asm":
                assertEquals(2, parse(body).program().size());
                break;
            case "result":
                assertThrows(MalformedObjectException.class, () -> parse(header, "mov %r0, 1", "exit"));
                break;
            case "mem":
                assertThrows(MalformedObjectException.class, () -> parse(body));
                break;
            case "error":
                assertEquals(Optional.of("exit"), parse(body).expectedError());
                break;
            default:
                assertEquals(0, parse(body).program().size());
        }
    }

    @Test
    void parse_unknownDirectiveSkipsTheFile() {
        ConformanceTest t = parse("-- asm", "exit", "-- Unknown directive", "-- result", "0");
        assertEquals(Optional.of("unknown directive '-- Unknown directive'"), t.skipReason());
    }

    @Test
    void parse_noResultOrErrorSkipsTheFile() {
        assertEquals(Optional.of("no result or error"), parse("-- asm", "exit").skipReason());
        assertEquals(
                Optional.of("no result or error"),
                parse("-- asm", "exit", "-- error").skipReason());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "-- result|zero;          section 'result': not a 64-bit number: 'zero'",
                "-- result|0x1ffffffffffffffff; section 'result': not a 64-bit number: '0x1ffffffffffffffff'",
                "-- mem|0a 1ff|-- result|0; section 'mem': not a hex byte: '1ff'",
                "-- raw|0x95 nine|-- result|0; section 'raw': not a 64-bit number: 'nine'",
            })
    void parse_rejectsMalformedSections(String text, String message) {
        MalformedObjectException e = assertThrows(
                MalformedObjectException.class, () -> ConformanceReader.parse("t.data", text.replace('|', '\n')));
        assertEquals(message, e.getMessage());
    }

    @Test
    void parse_resultsAreFull64BitValues() {
        assertEquals(
                -1L,
                parse("-- asm", "exit", "-- result", "0xffffffffffffffff")
                        .expectedResult()
                        .getAsLong());
        assertEquals(
                -1L,
                parse("-- asm", "exit", "-- result", "18446744073709551615")
                        .expectedResult()
                        .getAsLong());
        assertEquals(
                -3L, parse("-- asm", "exit", "-- result", "-3").expectedResult().getAsLong());
    }

    @Test
    void mem_isACopy() {
        ConformanceTest t = parse("-- asm", "exit", "-- mem", "01", "-- result", "0");
        t.mem()[0] = 9;
        assertEquals(1, t.mem()[0]);
        assertTrue(parse("-- asm", "exit", "-- result", "0").mem().length == 0);
    }
}
