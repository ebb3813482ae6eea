package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.testrun.TestCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Case files in the kernel oracle's format: every field, and every way to get one wrong. */
class CaseFileTest {
    private static CaseFile parse(String json) {
        return CaseFile.parse("c.json", json);
    }

    @Test
    void parse_oneCaseWithEverything() {
        CaseFile f = parse("{\"prog\": \"p\", \"data_in\": \"00ff\", "
                + "\"ctx_in\": {\"mark\": 7, \"cb\": [1, 2], \"tstamp\": -1, \"tstamp_type\": 3, \"hwtstamp\": 18446744073709551615},"
                + "\"setup\": {\"globals\": {\"g\": \"0100\"}, \"maps\": [{\"map\": \"m\", \"key\": \"00\", \"value\": \"01\"},"
                + " {\"map\": \"j\", \"key\": \"02000000\", \"prog\": \"q\", \"flags\": 1}]}}");
        assertFalse(f.isList());
        TestCase c = f.cases().get(0);
        assertEquals("case 0", c.name());
        assertEquals("p", c.prog());
        assertArrayEquals(new byte[] {0, -1}, c.dataIn());
        assertEquals(7, LittleEndian.getU32(c.ctxIn(), 8));
        assertEquals(2, LittleEndian.getU32(c.ctxIn(), 52));
        assertEquals(-1, LittleEndian.getU64(c.ctxIn(), 152));
        assertEquals(3, c.ctxIn()[180]);
        assertEquals(-1, LittleEndian.getU64(c.ctxIn(), 184));
        assertArrayEquals(new byte[] {1, 0}, c.globals().get("g"));
        assertEquals("q", c.maps().get(1).prog());
        assertNull(c.maps().get(1).value());
        assertEquals(1, c.maps().get(1).flags());
    }

    @Test
    void parse_listsAndCasesObject() {
        assertTrue(
                parse("[{\"prog\": \"a\", \"data_in\": \"\"}, {\"prog\": \"b\", \"data_in\": \"\", \"name\": \"n\"}]")
                        .isList());
        CaseFile f = parse("{\"cases\": [{\"prog\": \"a\", \"data_in\": \"00\"}]}");
        assertTrue(f.isList());
        assertEquals(1, f.cases().size());
    }

    @Test
    void parse_nullFieldsAreAbsentAsForTheOracle() {
        TestCase c = parse("{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": null, \"setup\": null}")
                .cases()
                .get(0);
        assertEquals(0, c.maps().size());
        assertArrayEquals(new byte[192], c.ctxIn());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"prog\": \"p\"}",
                "{\"prog\": 1, \"data_in\": \"\"}",
                "{\"prog\": \"p\", \"data_in\": \"0g\"}",
                "{\"prog\": \"p\", \"data_in\": \"0\"}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": {\"data\": 1}}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": {\"cb\": [1,2,3,4,5,6]}}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": {\"mark\": \"1\"}}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": {\"mark\": 1.5}}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": {\"mark\": 18446744073709551616}}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": {\"mark\": -9223372036854775809}}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": 3}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"extra\": 1}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"setup\": {\"maps\": [{\"map\": \"m\", \"key\": \"00\"}]}}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"setup\": {\"maps\": [{\"map\": \"m\", \"key\": \"00\", \"value\": \"00\", \"prog\": \"x\"}]}}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"setup\": {\"maps\": {}}}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"setup\": {\"globals\": {\"g\": 5}}}",
                "{\"prog\": \"p\", \"data_in\": \"\", \"setup\": {\"other\": 5}}",
                "{\"cases\": 3}",
                "[1]",
                "17"
            })
    void parse_rejectsBadCasesNamingFileCaseAndField(String json) {
        CliException e = assertThrows(CliException.class, () -> parse(json));
        assertTrue(e.getMessage().startsWith("c.json: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "[1,]",
                "{\"a\":1,}",
                "01",
                "1.",
                "-",
                "\"\\x\"",
                "\"a",
                "tru",
                "{\"a\" 1}",
                "[1] 2",
                "{\"prog\": \"a\", \"prog\": \"b\", \"data_in\": \"\"}",
                "\"\u0001\"",
                "{1:2}",
                "NaN",
                "'a'",
                "{\"prog\": \"p\", \"data_in\": \"\""
            })
    void parse_rejectsMalformedJsonInOneLine(String text) {
        CliException e = assertThrows(CliException.class, () -> parse(text));
        assertTrue(e.getMessage().startsWith("c.json: not valid JSON: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void parse_deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        CliException e = assertThrows(CliException.class, () -> parse(deep));
        assertTrue(e.getMessage().startsWith("c.json: not valid JSON: "), e.getMessage());
    }

    @Test
    void parse_errorNamesTheCaseByItsName() {
        CliException e = assertThrows(
                CliException.class, () -> parse("[{\"name\": \"runt\", \"prog\": \"p\", \"data_in\": \"0\"}]"));
        assertEquals("c.json: runt: data_in: malformed hex \"0\"", e.getMessage());
    }
}
