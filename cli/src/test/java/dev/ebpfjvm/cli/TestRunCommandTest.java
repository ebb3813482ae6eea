package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ebpf-jvm test-run} through {@link Main#run}. */
class TestRunCommandTest {
    private static final String FRAME =
            "000000000000020000000001080045000020123440004011269c0a0000010a00000203e80035000c1d2a01020304";
    private final CliRun cli = new CliRun();

    @TempDir
    Path dir;

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "test-run";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.run(all);
    }

    private String caseFile(String json) throws IOException {
        Path p = dir.resolve("case.json");
        Files.writeString(p, json);
        return p.toString();
    }

    @Test
    void oneCasePrintsOneObject() throws IOException {
        int code = run(
                CliRun.fixture("skb_fields"),
                "--case",
                caseFile("{\"prog\": \"write_fields\", \"data_in\": \"" + FRAME + "\"}"));
        assertEquals(0, code, cli.err());
        Map<?, ?> r = (Map<?, ?>) TestJson.parse(cli.out());
        assertEquals(46L, r.get("retval"));
        assertEquals(FRAME, r.get("data_out"));
        assertEquals(138L, ((Map<?, ?>) r.get("ctx_out")).get("mark"));
        assertTrue(((Map<?, ?>) r.get("maps")).containsKey(".bss"));
        assertFalse(r.containsKey("duration_ns"));
    }

    @Test
    void listPrintsArrayAndRepeatAddsDuration() throws IOException {
        String c = "{\"prog\": \"read_fields\", \"data_in\": \"" + FRAME + "\"}";
        int code = run(
                CliRun.fixture("skb_fields"),
                "--case",
                caseFile("{\"cases\": [" + c + ", " + c + "]}"),
                "--repeat",
                "5");
        assertEquals(0, code, cli.err());
        List<?> r = (List<?>) TestJson.parse(cli.out());
        assertEquals(2, r.size());
        assertTrue((Long) ((Map<?, ?>) r.get(1)).get("duration_ns") >= 0);
    }

    @Test
    void kernelRefusalIsAResultNotAnError() throws IOException {
        assertEquals(
                0,
                run(
                        CliRun.fixture("skb_fields"),
                        "--case",
                        caseFile("{\"prog\": \"read_fields\", \"data_in\": \"00\"}")));
        Map<?, ?> r = (Map<?, ?>) TestJson.parse(cli.out());
        assertEquals(-22L, r.get("error"));
        assertEquals("Invalid argument", r.get("error_name"));
    }

    @Test
    void traceLinesArePrefixedAndPrintedOncePerCase() throws IOException {
        String c = "{\"prog\": \"strings\", \"data_in\": \"" + FRAME + "\"}";
        for (String engine : List.of("interpreter", "jit")) {
            cli.reset();
            assertEquals(
                    0,
                    run(
                            CliRun.fixture("skb_misc"),
                            "--case",
                            caseFile("[" + c + ", " + c + "]"),
                            "--repeat",
                            "20",
                            "--engine",
                            engine),
                    cli.err());
            assertEquals("trace: x=46\ntrace: x=46\n", cli.err(), engine);
        }
    }

    @Test
    void supportedProgramBesideAnUnsupportedOneRuns() throws IOException {
        assertEquals(
                0,
                run(
                        CliRun.fixture("unsupported_mix"),
                        "--case",
                        caseFile("{\"prog\": \"tc_count\", \"data_in\": \"" + FRAME + "\"}")),
                cli.err());
        Map<?, ?> r = (Map<?, ?>) TestJson.parse(cli.out());
        assertEquals(46L, ((Map<?, ?>) r.get("ctx_out")).get("mark"));
        cli.reset();
        assertEquals(
                1,
                run(
                        CliRun.fixture("unsupported_mix"),
                        "--case",
                        caseFile("{\"prog\": \"xdp_strip\", \"data_in\": \"" + FRAME + "\"}")));
        assertEquals(
                "ebpf-jvm test-run: " + CliRun.fixture("unsupported_mix") + ": case 0: program 'xdp_strip' cannot"
                        + " run: xdp programs are not supported (ebpf-jvm runs tc and tcx programs)\n",
                cli.err());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"prog\": \"nope\", \"data_in\": \"" + FRAME + "\"}",
                "{\"prog\": \"read_fields\", \"data_in\": \"0x12\"}",
                "{\"prog\": \"read_fields\", \"data_in\": \"" + FRAME
                        + "\", \"setup\": {\"maps\": [{\"map\": \".bss\", \"key\": \"00\", \"value\": \"00\"}]}}",
                "{\"prog\": \"read_fields\", \"data_in\": \"" + FRAME
                        + "\", \"setup\": {\"maps\": [{\"map\": \"nomap\", \"key\": \"00000000\", \"value\": \"00\"}]}}",
                "{\"prog\": \"read_fields\", \"data_in\": \"" + FRAME
                        + "\", \"setup\": {\"globals\": {\"nothing\": \"00\"}}}",
                "{\"prog\": \"read_fields\", \"data_in\": \"" + FRAME + "\", \"ctx_in\": {\"bogus\": 1}}",
                "{\"prog\": \"read_fields\""
            })
    void badCaseIsOneLineWithoutStackTrace(String json) throws IOException {
        int code = run(CliRun.fixture("skb_fields"), "--case", caseFile(json));
        String message = cli.err();
        assertEquals(1, code, message);
        assertTrue(message.startsWith("ebpf-jvm test-run: "), message);
        assertEquals(1, message.lines().count(), message);
        assertFalse(message.contains("Exception"), message);
        assertEquals("", cli.out());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "x.o",
                "x.o --case",
                "x.o --case c.json --repeat 0",
                "x.o --case c.json --repeat x",
                "x.o --case c.json --bogus",
                "a.o b.o --case c.json",
                "x.o --case c.json --engine bogus"
            })
    void badArgumentsAreUsageErrors(String args) {
        assertEquals(2, run(args.isEmpty() ? new String[0] : args.split(" ")), cli.err());
        assertTrue(cli.err().contains("Usage: ebpf-jvm test-run"), cli.err());
    }

    @Test
    void missingFilesFailNamingTheFile() {
        Path none = dir.resolve("none.o");
        assertEquals(1, run(none.toString(), "--case", dir.resolve("none.json").toString()));
        assertEquals("ebpf-jvm test-run: " + none + ": no such file\n", cli.err());
    }

    @Test
    void caseFileInsteadOfTheObjectIsNotAnElfFile() throws IOException {
        String c = caseFile("{\"prog\": \"p\", \"data_in\": \"\"}");
        assertEquals(1, run(c, "--case", c));
        assertEquals("ebpf-jvm test-run: " + c + ": not an ELF file (no \\x7fELF magic)\n", cli.err());
    }

    @Test
    void defaultEngineIsTheJit() {
        assertEquals(0, cli.run("test-run", "--help"));
        assertTrue(cli.out().contains("--engine=NAME"), cli.out());
        assertTrue(cli.out().replaceAll("\\s+", " ").contains("jit, interpreter (default: jit)"), cli.out());
    }
}
