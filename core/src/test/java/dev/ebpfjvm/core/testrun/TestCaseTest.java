package dev.ebpfjvm.core.testrun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.memory.LittleEndian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestCaseTest {
    @Test
    void parseFile_oneCaseWithEverything() {
        TestCase.CaseFile f = TestCase.parseFile("{\"prog\": \"p\", \"data_in\": \"00ff\", "
                + "\"ctx_in\": {\"mark\": 7, \"cb\": [1, 2], \"tstamp\": -1, \"tstamp_type\": 3},"
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
        assertArrayEquals(new byte[] {1, 0}, c.globals().get("g"));
        assertEquals("q", c.maps().get(1).prog());
        assertNull(c.maps().get(1).value());
        assertEquals(1, c.maps().get(1).flags());
    }

    @Test
    void parseFile_listsAndCasesObject() {
        assertTrue(TestCase.parseFile("[{\"prog\": \"a\", \"data_in\": \"\"}, {\"prog\": \"b\", \"data_in\": \"\", \"name\": \"n\"}]").isList());
        TestCase.CaseFile f = TestCase.parseFile("{\"cases\": [{\"prog\": \"a\", \"data_in\": \"00\"}]}");
        assertTrue(f.isList());
        assertEquals(1, f.cases().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"prog\": \"p\"}", "{\"prog\": 1, \"data_in\": \"\"}", "{\"prog\": \"p\", \"data_in\": \"0g\"}",
        "{\"prog\": \"p\", \"data_in\": \"0\"}", "{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": {\"data\": 1}}",
        "{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": {\"cb\": [1,2,3,4,5,6]}}",
        "{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": {\"mark\": \"1\"}}",
        "{\"prog\": \"p\", \"data_in\": \"\", \"ctx_in\": {\"mark\": 18446744073709551616}}",
        "{\"prog\": \"p\", \"data_in\": \"\", \"extra\": 1}",
        "{\"prog\": \"p\", \"data_in\": \"\", \"setup\": {\"maps\": [{\"map\": \"m\", \"key\": \"00\"}]}}",
        "{\"prog\": \"p\", \"data_in\": \"\", \"setup\": {\"maps\": [{\"map\": \"m\", \"key\": \"00\", \"value\": \"00\", \"prog\": \"x\"}]}}",
        "{\"prog\": \"p\", \"data_in\": \"\", \"setup\": {\"globals\": {\"g\": 5}}}",
        "{\"cases\": 3}", "[1]", "{\"prog\": \"p\", \"data_in\": \"\"", "17"})
    void parseFile_rejectsBadCasesClearly(String json) {
        TestCaseException e = assertThrows(TestCaseException.class, () -> TestCase.parseFile(json));
        assertTrue(e.getMessage().startsWith("case") || e.getMessage().contains("case"), e.getMessage());
    }
}
