package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit-code contract of every command, case by case: 0 success (help included), 1 bad input or
 * a failed run with exactly one line on stderr naming the file and the reason, 2 a usage error with
 * the synopsis; never a Java exception's text.
 */
class ExitCodeTest {
    private static final String FRAME =
            "000000000000020000000001080045000020123440004011269c0a0000010a00000203e80035000c1d2a01020304";

    @TempDir
    static Path dir;

    private static Path emptyDir;
    private static Path malformedDir;
    private static Path text;
    private static Path goodCase;
    private static Path fifo;
    private static Path endlessCase;

    @BeforeAll
    static void files() throws IOException, InterruptedException {
        fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        endlessCase = Files.writeString(
                dir.resolve("endless.json"), "{\"prog\": \"endless\", \"data_in\": \"" + FRAME + "\"}");
        emptyDir = Files.createDirectory(dir.resolve("empty"));
        malformedDir = Files.createDirectory(dir.resolve("malformed"));
        Files.writeString(malformedDir.resolve("bad.data"), "-- asm\nexit\n-- resutl\n0\n");
        text = Files.writeString(dir.resolve("notes.txt"), "not an object\n");
        goodCase =
                Files.writeString(dir.resolve("case.json"), "{\"prog\": \"tc_count\", \"data_in\": \"" + FRAME + "\"}");
    }

    static Stream<Arguments> contract() {
        String mix = CliRun.fixture("unsupported_mix");
        String missing = dir.resolve("missing.o").toString();
        String scenarioObject = dev.ebpfjvm.core.testing.TestPaths.testdata()
                .resolve("net")
                .resolve("tcx_count.o")
                .toString();
        return Stream.of(
                // success, help and version
                row("top-level --help", 0, "--help"),
                row("verify --help", 0, "verify", "--help"),
                row("verify of an object the verifier accepts", 0, "verify", CliRun.fixture("nat44")),
                row("verify of a text file", 1, "verify", write("notes.o", "not an object\n")),
                row("verify of a program the object lacks", 1, "verify", CliRun.fixture("nat44"), "--program", "nope"),
                row("verify --log-level 3", 2, "verify", CliRun.fixture("nat44"), "--log-level", "3"),
                row("top-level -h", 0, "-h"),
                row("--version", 0, "--version"),
                row("conformance --help", 0, "conformance", "--help"),
                row("dump --help", 0, "dump", "--help"),
                row("object --help", 0, "object", "--help"),
                row("test-run --help", 0, "test-run", "--help"),
                row("scenario --help", 0, "scenario", "--help"),
                row("scenario", 0, "scenario", scenarios("attach.json"), "--object", scenarioObject),
                row("help dump", 0, "help", "dump"),
                row("object", 0, "object", mix),
                row("dump --xlated", 0, "dump", mix, "--program", "tc_count", "--xlated"),
                row("test-run", 0, "test-run", mix, "--case", goodCase.toString()),
                row("object whose xdp program calls kfuncs", 0, "object", CliRun.fixture("unsupported_kfunc")),
                row(
                        "dump beside an xdp program that calls kfuncs",
                        0,
                        "dump",
                        CliRun.fixture("unsupported_kfunc"),
                        "--program",
                        "tc_plain",
                        "--xlated"),
                // usage errors
                row("no command", 2),
                row("unknown command", 2, "frobnicate"),
                row("unknown top-level option", 2, "--frob"),
                row("conformance without DIR", 2, "conformance"),
                row("--engine bogus (conformance)", 2, "conformance", emptyDir.toString(), "--engine", "bogus"),
                row(
                        "--engine bogus (test-run)",
                        2,
                        "test-run",
                        mix,
                        "--case",
                        goodCase.toString(),
                        "--engine",
                        "bogus"),
                row("test-run without --case", 2, "test-run", mix),
                row("test-run --repeat 0", 2, "test-run", mix, "--case", goodCase.toString(), "--repeat", "0"),
                row("dump without --xlated or --jited", 2, "dump", mix),
                row("scenario without --object", 2, "scenario", scenarios("attach.json")),
                row("scenario without FILE", 2, "scenario", "--object", scenarioObject),
                row(
                        "--engine bogus (scenario)",
                        2,
                        "scenario",
                        scenarios("attach.json"),
                        "--object",
                        scenarioObject,
                        "--engine",
                        "bogus"),
                row("object with two files", 2, "object", mix, mix),
                row("a path no file system accepts", 2, "object", "bad\0path"),
                // bad input and failed runs: one line naming the file
                row("test-run of a directory", 1, "test-run", dir.toString(), "--case", goodCase.toString()),
                row("test-run with a directory as case", 1, "test-run", mix, "--case", dir.toString()),
                row("dump --asm of an ELF file", 1, "dump", "--asm", mix, "--xlated"),
                row("text file as an object", 1, "object", text.toString()),
                row("text file as test-run object", 1, "test-run", text.toString(), "--case", goodCase.toString()),
                row("missing object", 1, "object", missing),
                row("conformance on a folder without tests", 1, "conformance", emptyDir.toString()),
                row("conformance with a malformed .data file", 1, "conformance", malformedDir.toString()),
                row(
                        "conformance on a missing folder",
                        1,
                        "conformance",
                        dir.resolve("none").toString()),
                row("dump of an unsupported program", 1, "dump", mix, "--program", "xdp_strip", "--xlated"),
                row("dump of an unknown section", 1, "dump", mix, "--section", "nope", "--xlated"),
                row(
                        "test-run of an unsupported program",
                        1,
                        "test-run",
                        mix,
                        "--case",
                        write("xdp.json", "{\"prog\": \"xdp_strip\", \"data_in\": \"" + FRAME + "\"}")),
                row(
                        "scenario with malformed JSON",
                        1,
                        "scenario",
                        write("broken-scenario.json", "[{"),
                        "--object",
                        scenarioObject),
                row("scenario with a missing object", 1, "scenario", scenarios("attach.json"), "--object", missing),
                row(
                        "scenario with an unknown prog",
                        1,
                        "scenario",
                        write(
                                "unknown-prog.json",
                                "[{\"name\": \"s\", \"progs\": {}, \"steps\": [{\"op\": \"attach\", \"prog\": \"A\"}]}]"),
                        "--object",
                        scenarioObject),
                row("test-run with malformed JSON", 1, "test-run", mix, "--case", write("broken.json", "{\"prog\": ")),
                // issue 13: files that are no regular files, and programs that never end
                row("/dev/zero as an object", 1, "object", "/dev/zero"),
                row("/dev/zero as a test-run object", 1, "test-run", "/dev/zero", "--case", goodCase.toString()),
                row("/dev/zero as a case file", 1, "test-run", mix, "--case", "/dev/zero"),
                row("/dev/zero as a dump object", 1, "dump", "/dev/zero", "--xlated"),
                row("/dev/zero as assembler text", 1, "dump", "--asm", "/dev/zero", "--xlated"),
                row("a FIFO as an object", 1, "object", fifo.toString()),
                row("a FIFO as a case file", 1, "test-run", mix, "--case", fifo.toString()),
                row("a directory as assembler text", 1, "dump", "--asm", dir.toString(), "--xlated"),
                row(
                        "test-run of an endless loop is refused by the verifier",
                        1,
                        "test-run",
                        CliRun.fixture("hostile"),
                        "--case",
                        endlessCase.toString()),
                row(
                        "test-run of an unverified endless loop stops at its budget",
                        1,
                        "test-run",
                        CliRun.fixture("hostile"),
                        "--case",
                        endlessCase.toString(),
                        "--unverified",
                        "--budget",
                        "100000"),
                row(
                        "test-run of an unverified endless loop, interpreter",
                        1,
                        "test-run",
                        CliRun.fixture("hostile"),
                        "--case",
                        endlessCase.toString(),
                        "--unverified",
                        "--engine",
                        "interpreter",
                        "--budget",
                        "1000"),
                row("test-run --budget 0", 2, "test-run", mix, "--case", goodCase.toString(), "--budget", "0"));
    }

    private static String write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String scenarios(String name) {
        return dev.ebpfjvm.core.testing.TestPaths.testdata()
                .resolve("net")
                .resolve("scenarios")
                .resolve(name)
                .toString();
    }

    private static Arguments row(String name, int code, String... args) {
        return Arguments.of(name, code, List.of(args));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("contract")
    void exitCode(String name, int code, List<String> args) {
        CliRun cli = new CliRun();
        assertEquals(code, cli.run(args.toArray(String[]::new)), name + ": " + cli.err());
        String err = cli.err();
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        switch (code) {
            case 0:
                if (args.contains("--help") || args.contains("-h") || args.contains("help")) {
                    assertTrue(cli.out().startsWith("Usage: ebpf-jvm"), cli.out());
                    assertTrue(cli.out().contains("Exit codes: 0 "), cli.out());
                }
                break;
            case 1:
                if (args.get(0).equals("conformance") && err.isEmpty()) {
                    // A run that failed tests reports them on stdout, each with its file and reason.
                    assertTrue(
                            cli.out().contains("ERROR bad.data: malformed test file: unknown directive '-- resutl'\n"),
                            cli.out());
                    assertTrue(cli.out().endsWith("0 passed, 1 failed\n"), cli.out());
                    break;
                }
                assertEquals(1, err.lines().count(), err);
                String command = args.get(0);
                assertTrue(err.startsWith("ebpf-jvm " + command + ": "), err);
                assertTrue(args.stream().skip(1).anyMatch(a -> err.contains(a + ": ")), "names a file: " + err);
                assertEquals("", cli.out());
                break;
            default:
                assertTrue(err.lines().findFirst().orElse("").startsWith("ebpf-jvm"), err);
                assertTrue(err.contains("Usage: ebpf-jvm"), err);
                assertTrue(err.contains("--help' for more information."), err);
                break;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void topLevelHelpListsEveryCommand(String command) {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("--help"));
        assertTrue(cli.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), cli.out());
    }

    static Stream<String> commands() {
        return Stream.of("conformance", "dump", "object", "scenario", "test-run", "help");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enginesCommands")
    void helpShowsTheEnginesAndTheDefault(String command) {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run(command, "--help"));
        assertTrue(cli.out().contains("--engine=NAME"), cli.out());
        assertTrue(
                cli.out()
                        .replaceAll("\\s+", " ")
                        .contains("the engine that runs the programs: jit, interpreter (default: jit)"),
                cli.out());
    }

    static Stream<String> enginesCommands() {
        return Stream.of("conformance", "scenario", "test-run");
    }
}
