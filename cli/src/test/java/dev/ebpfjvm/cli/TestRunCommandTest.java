package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.testing.TestPaths;
import dev.ebpfjvm.core.testrun.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestRunCommandTest {
    private static final String FRAME = "000000000000020000000001080045000020123440004011269c0a0000010a00000203e80035000c1d2a01020304";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "test-run";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String object(String name) {
        return TestPaths.testdata().resolve(name + ".o").toString();
    }

    private String caseFile(String json) throws IOException {
        Path p = dir.resolve("case.json");
        Files.writeString(p, json);
        return p.toString();
    }

    @Test
    void oneCasePrintsOneObject() throws IOException {
        int code = run(object("skb_fields"), "--case", caseFile("{\"prog\": \"write_fields\", \"data_in\": \"" + FRAME + "\"}"));
        assertEquals(0, code, err.toString());
        Map<?, ?> r = (Map<?, ?>) Json.parse(out.toString(StandardCharsets.UTF_8));
        assertEquals(46L, r.get("retval"));
        assertEquals(FRAME, r.get("data_out"));
        assertEquals(138L, ((Map<?, ?>) r.get("ctx_out")).get("mark"));
        assertTrue(((Map<?, ?>) r.get("maps")).containsKey(".bss"));
        assertFalse(r.containsKey("duration_ns"));
    }

    @Test
    void listPrintsArrayAndRepeatAddsDuration() throws IOException {
        String c = "{\"prog\": \"read_fields\", \"data_in\": \"" + FRAME + "\"}";
        int code = run(object("skb_fields"), "--case", caseFile("{\"cases\": [" + c + ", " + c + "]}"), "--repeat", "5");
        assertEquals(0, code, err.toString());
        List<?> r = (List<?>) Json.parse(out.toString(StandardCharsets.UTF_8));
        assertEquals(2, r.size());
        assertTrue((Long) ((Map<?, ?>) r.get(1)).get("duration_ns") >= 0);
    }

    @Test
    void kernelRefusalIsAResultNotAnError() throws IOException {
        assertEquals(0, run(object("skb_fields"), "--case", caseFile("{\"prog\": \"read_fields\", \"data_in\": \"00\"}")));
        Map<?, ?> r = (Map<?, ?>) Json.parse(out.toString(StandardCharsets.UTF_8));
        assertEquals(-22L, r.get("error"));
        assertEquals("Invalid argument", r.get("error_name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"prog\": \"nope\", \"data_in\": \"" + FRAME + "\"}",
        "{\"prog\": \"read_fields\", \"data_in\": \"0x12\"}",
        "{\"prog\": \"read_fields\", \"data_in\": \"" + FRAME + "\", \"setup\": {\"maps\": [{\"map\": \".bss\", \"key\": \"00\", \"value\": \"00\"}]}}",
        "{\"prog\": \"read_fields\", \"data_in\": \"" + FRAME + "\", \"setup\": {\"maps\": [{\"map\": \"nomap\", \"key\": \"00000000\", \"value\": \"00\"}]}}",
        "{\"prog\": \"read_fields\", \"data_in\": \"" + FRAME + "\", \"setup\": {\"globals\": {\"nothing\": \"00\"}}}",
        "{\"prog\": \"read_fields\", \"data_in\": \"" + FRAME + "\", \"ctx_in\": {\"bogus\": 1}}",
        "{\"prog\": \"read_fields\""})
    void badCaseIsAClearErrorWithoutStackTrace(String json) throws IOException {
        int code = run(object("skb_fields"), "--case", caseFile(json));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, message);
        assertTrue(message.startsWith("ebpf-jvm test-run: "), message);
        assertFalse(message.contains("\tat "), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x.o", "x.o --case", "x.o --case c.json --repeat 0", "x.o --case c.json --repeat x",
        "x.o --case c.json --bogus", "a.o b.o --case c.json"})
    void badArgumentsAreUsageErrors(String args) {
        assertEquals(2, run(args.isEmpty() ? new String[0] : args.split(" ")));
    }

    @Test
    void missingFilesAreUsageErrors() {
        assertEquals(2, run(dir.resolve("none.o").toString(), "--case", dir.resolve("none.json").toString()));
    }
}
