package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ebpf-jvm scenario} through {@link Main#run}: every recorded scenario file of
 * testdata/net/scenarios replays on both engines to the kernel's recording, text and tree, and a
 * malformed file is one line naming the scenario, step and field.
 */
class ScenarioCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD =
            "[{\"name\": \"s1\", \"progs\": {\"A\": \"PASS\", \"B\": \"NEXT\"}, \"steps\": [";

    @TempDir
    Path dir;

    private static Path scenarios() {
        return TestPaths.testdata().resolve("net").resolve("scenarios");
    }

    private static String object() {
        return TestPaths.testdata().resolve("net").resolve("tcx_count.o").toString();
    }

    static Stream<Arguments> recordings() throws IOException {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(scenarios())) {
            inputs = s.filter(
                            p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                    .sorted()
                    .toList();
        }
        assertTrue(inputs.size() >= 9, inputs.toString());
        return inputs.stream()
                .flatMap(p -> Stream.of(
                        Arguments.of(p.getFileName().toString(), "jit"),
                        Arguments.of(p.getFileName().toString(), "interpreter")));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("recordings")
    void replaysMatchTheKernelsRecordings(String name, String engine) throws IOException {
        Path input = scenarios().resolve(name);
        Path recorded = scenarios().resolve(name.replace(".json", ".expected.json"));
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("scenario", input.toString(), "--object", object(), "--engine", engine), cli.err());
        assertEquals("", cli.err());
        JsonNode out = JSON.readTree(cli.out());
        JsonNode expected = JSON.readTree(recorded.toFile());
        JsonNode in = JSON.readTree(input.toFile());
        JsonNode inScenarios = in.isArray() ? in : in.get("scenarios");
        assertEquals(expected.get("scenarios").size(), out.get("scenarios").size());
        for (int s = 0; s < expected.get("scenarios").size(); s++) {
            JsonNode exp = expected.get("scenarios").get(s);
            JsonNode got = out.get("scenarios").get(s);
            JsonNode inSc = inScenarios.get(s);
            // every field but steps echoes the input unchanged
            List<String> fields = iterable(got.fieldNames());
            assertEquals(iterable(inSc.fieldNames()), fields, exp.get("name").asText());
            for (String f : fields) {
                if (!f.equals("steps")) {
                    assertEquals(inSc.get(f), got.get(f), exp.get("name") + ": " + f);
                }
            }
            for (int i = 0; i < exp.get("steps").size(); i++) {
                JsonNode step = got.get("steps").get(i);
                String where = name + " " + exp.get("name").asText() + " step " + i + " on " + engine;
                assertEquals(exp.get("steps").get(i).get("result"), step.get("result"), where);
                com.fasterxml.jackson.databind.node.ObjectNode echo = step.deepCopy();
                echo.remove("result");
                assertEquals(inSc.get("steps").get(i), echo, where + ": the input echoes back");
            }
        }
        // The text after meta is the recorder's, byte for byte (json.dump(indent=1) and a newline).
        String recordedText = Files.readString(recorded);
        assertEquals(
                recordedText.substring(recordedText.indexOf(" \"scenarios\": [")),
                cli.out().substring(cli.out().indexOf(" \"scenarios\": [")));
        assertEquals(
                expected.get("scenarios").size(),
                out.get("meta").get("scenario_count").asInt());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void metaSaysWhatProducedTheOutput() throws IOException {
        Path in = write(
                "bare.json",
                HEAD + "{\"op\": \"attach\", \"prog\": \"A\"}, {\"op\": \"query\"}, {\"op\": \"send\"}]}]");
        for (String engine : List.of("jit", "interpreter")) {
            CliRun cli = new CliRun();
            assertEquals(0, cli.run("scenario", in.toString(), "--object", object(), "--engine", engine), cli.err());
            JsonNode out = JSON.readTree(cli.out());
            JsonNode meta = out.get("meta");
            assertEquals(
                    List.of(
                            "generator",
                            "version",
                            "engine",
                            "chains",
                            "program_object",
                            "ret_codes",
                            "scenario_count"),
                    iterable(meta.fieldNames()));
            assertEquals("ebpf-jvm", meta.get("generator").asText());
            assertEquals(engine, meta.get("engine").asText());
            assertEquals(
                    engine.equals("jit") ? "dispatcher" : "loop",
                    meta.get("chains").asText());
            assertEquals(object(), meta.get("program_object").asText());
            assertEquals(
                    JSON.readTree("{\"NEXT\": -1, \"PASS\": 0, \"DROP\": 2, \"REDIRECT\": 7}"), meta.get("ret_codes"));
            assertEquals(1, meta.get("scenario_count").asInt());
            // a bare list gets the recorder's defaults, and its result: attached, queried, run, delivered
            JsonNode steps = out.get("scenarios").get(0).get("steps");
            assertTrue(steps.get(0).get("result").get("errno").isNull(), steps.toString());
            assertEquals(JSON.readTree("[\"A\"]"), steps.get(1).get("result").get("progs"));
            assertEquals(JSON.readTree("[\"A\"]"), steps.get(2).get("result").get("ran"));
            assertEquals("delivered", steps.get(2).get("result").get("fate").asText());
            assertFalse(steps.get(1).has("count_in"), "the input echoes back without the defaults");
        }
    }

    @Test
    void theDefaultEngineIsTheJitWithTheDispatcher() throws IOException {
        CliRun cli = new CliRun();
        Path in = write("one.json", HEAD + "{\"op\": \"query\"}]}]");
        assertEquals(0, cli.run("scenario", in.toString(), "--object", object()), cli.err());
        JsonNode meta = JSON.readTree(cli.out()).get("meta");
        assertEquals("jit", meta.get("engine").asText());
        assertEquals("dispatcher", meta.get("chains").asText());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not JSON", "[{\"name\": ", "not valid JSON"),
                Arguments.of("trailing tokens", "[] []", "not valid JSON"),
                Arguments.of(
                        "duplicate key",
                        "[{\"name\": \"s1\", \"name\": \"s2\"}]",
                        "not valid JSON: Duplicate field 'name'"),
                Arguments.of("a number", "3", "not a scenario document"),
                Arguments.of("an object without scenarios", "{\"cases\": []}", "not a scenario document"),
                Arguments.of("scenarios not a list", "{\"scenarios\": 3}", "the document's scenarios: expected a list"),
                Arguments.of("a scenario not an object", "[3]", "scenario 0: expected an object"),
                Arguments.of("no name", "[{\"progs\": {}, \"steps\": []}]", "a scenario's name: expected a string"),
                Arguments.of(
                        "two scenarios of one name",
                        "[{\"name\": \"s1\", \"steps\": []}, {\"name\": \"s1\", \"steps\": []}]",
                        "scenario 's1': a second scenario of that name"),
                Arguments.of(
                        "count_in not a number",
                        HEAD + "{\"op\": \"query\", \"count_in\": \"many\"}]}]",
                        "s1 step 0: count_in: expected an integer, got many"),
                Arguments.of(
                        "negative count_in",
                        HEAD + "{\"op\": \"query\", \"count_in\": -1}]}]",
                        "scenario 's1' step 0 (query): count_in: expected a count, got -1"),
                Arguments.of(
                        "unknown return code",
                        "[{\"name\": \"s1\", \"progs\": {\"A\": \"SOMETIMES\"}, \"steps\": []}]",
                        "unknown return code 'SOMETIMES'"),
                Arguments.of(
                        "unknown target",
                        "[{\"name\": \"s1\", \"progs\": {\"A\": {\"ret\": \"REDIRECT\", \"target\": \"eth9\"}},"
                                + " \"steps\": []}]",
                        "scenario 's1': prog A: target: 'eth9' is not a device"),
                Arguments.of("steps not a list", "[{\"name\": \"s1\", \"steps\": {}}]", "s1: steps: expected a list"),
                Arguments.of("no op", HEAD + "{\"prog\": \"A\"}]}]", "s1 step 0: op: expected a string"),
                Arguments.of(
                        "unknown op",
                        HEAD + "{\"op\": \"attack\", \"prog\": \"A\"}]}]",
                        "scenario 's1' step 0 (attack): op: unknown op"),
                Arguments.of(
                        "attach without prog",
                        HEAD + "{\"op\": \"attach\"}]}]",
                        "scenario 's1' step 0 (attach): prog: missing"),
                Arguments.of(
                        "unknown prog",
                        HEAD + "{\"op\": \"query\"}, {\"op\": \"attach\", \"prog\": \"Z\"}]}]",
                        "scenario 's1' step 1 (attach): prog: 'Z' is not one of the scenario's progs (A, B)"),
                Arguments.of(
                        "unknown relative prog",
                        HEAD + "{\"op\": \"attach\", \"prog\": \"A\", \"relative\": {\"prog\": \"Q\"}}]}]",
                        "scenario 's1' step 0 (attach): relative prog: 'Q' is not one of the scenario's progs"),
                Arguments.of(
                        "empty relative",
                        HEAD + "{\"op\": \"attach\", \"prog\": \"A\", \"relative\": {}}]}]",
                        "scenario 's1' step 0 (attach): relative: names no prog, link or raw value"),
                Arguments.of(
                        "unknown replace prog",
                        HEAD + "{\"op\": \"attach\", \"prog\": \"A\", \"replace\": {\"prog\": \"Q\"}}]}]",
                        "scenario 's1' step 0 (attach): replace: 'Q' is not one of the scenario's progs"),
                Arguments.of(
                        "unknown old_prog",
                        HEAD + "{\"op\": \"attach\", \"prog\": \"A\", \"via\": \"link\", \"link\": \"L1\"},"
                                + " {\"op\": \"link_update\", \"link\": \"L1\", \"prog\": \"B\", \"old_prog\": \"Q\"}]}]",
                        "scenario 's1' step 1 (link_update): old_prog: 'Q' is not one of the scenario's progs"),
                Arguments.of(
                        "unknown device",
                        HEAD + "{\"op\": \"attach\", \"prog\": \"A\", \"dev\": \"eth0\"}]}]",
                        "scenario 's1' step 0 (attach): dev: 'eth0' is not a device (veth0, veth1, veth2, veth3)"),
                Arguments.of(
                        "send from veth2",
                        HEAD + "{\"op\": \"send\", \"dev\": \"veth2\"}]}]",
                        "scenario 's1' step 0 (send): dev: frames are sent from veth0 only, not veth2"),
                Arguments.of(
                        "send no packets",
                        HEAD + "{\"op\": \"send\", \"packets\": 0}]}]",
                        "scenario 's1' step 0 (send): packets: expected at least 1, got 0"),
                Arguments.of(
                        "unknown hook",
                        HEAD + "{\"op\": \"query\", \"hook\": \"sideways\"}]}]",
                        "scenario 's1' step 0 (query): hook: 'sideways' is neither ingress nor egress"),
                Arguments.of(
                        "unknown via",
                        HEAD + "{\"op\": \"attach\", \"prog\": \"A\", \"via\": \"tc\"}]}]",
                        "scenario 's1' step 0 (attach): via: 'tc' is neither prog nor link"),
                Arguments.of(
                        "unknown flag",
                        HEAD + "{\"op\": \"attach\", \"prog\": \"A\", \"flags\": [\"SOONER\"]}]}]",
                        "scenario 's1' step 0 (attach): flags: unknown flag 'SOONER'"),
                Arguments.of(
                        "link attach without a link name",
                        HEAD + "{\"op\": \"attach\", \"prog\": \"A\", \"via\": \"link\"}]}]",
                        "scenario 's1' step 0 (attach): link: missing"),
                Arguments.of(
                        "link op without a link",
                        HEAD + "{\"op\": \"link_info\"}]}]",
                        "scenario 's1' step 0 (link_info): link: missing"),
                Arguments.of(
                        "link no step creates",
                        HEAD + "{\"op\": \"link_detach\", \"link\": \"L7\"}]}]",
                        "scenario 's1' step 0 (link_detach): link: no earlier step creates a link 'L7'"),
                Arguments.of(
                        "relative link no step creates",
                        HEAD
                                + "{\"op\": \"attach\", \"prog\": \"A\", \"flags\": [\"BEFORE\"], \"relative\": {\"link\": \"L7\"}}]}]",
                        "scenario 's1' step 0 (attach): relative link: no earlier step creates a link 'L7'"),
                Arguments.of(
                        "pin without a path",
                        HEAD + "{\"op\": \"attach\", \"prog\": \"A\", \"via\": \"link\", \"link\": \"L1\"},"
                                + " {\"op\": \"link_pin\", \"link\": \"L1\"}]}]",
                        "scenario 's1' step 1 (link_pin): path: missing"),
                // passes the checks, but the link was never created: the replay names the step
                Arguments.of(
                        "a link whose creation failed",
                        HEAD
                                + "{\"op\": \"attach\", \"prog\": \"A\", \"via\": \"link\", \"link\": \"L1\", \"flags\": [\"BEFORE\"],"
                                + " \"relative\": {\"raw\": 999}}, {\"op\": \"query\"}, {\"op\": \"link_info\", \"link\": \"L1\"}]}]",
                        "scenario 's1' step 2 (link_info): cannot be replayed: it refers to a link or device that does not"
                                + " exist at that point"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFilesAreOneLineNamingWhere(String name, String json, String reason) throws IOException {
        Path in = write("bad.json", json);
        for (String engine : List.of("jit", "interpreter")) {
            CliRun cli = new CliRun();
            assertEquals(1, cli.run("scenario", in.toString(), "--object", object(), "--engine", engine), cli.err());
            assertEquals("", cli.out());
            assertEquals(1, cli.err().lines().count(), cli.err());
            assertTrue(cli.err().startsWith("ebpf-jvm scenario: " + in + ": "), cli.err());
            assertTrue(cli.err().contains(reason), cli.err());
        }
    }

    @Test
    void theObjectMustBeTheScenarioObject() throws IOException {
        Path in = write("one.json", HEAD + "{\"op\": \"query\"}]}]");
        CliRun cli = new CliRun();
        String missing = dir.resolve("none.o").toString();
        assertEquals(1, cli.run("scenario", in.toString(), "--object", missing));
        assertEquals("ebpf-jvm scenario: " + missing + ": no such file\n", cli.err());
        cli.reset();
        String other = CliRun.fixture("unsupported_mix");
        assertEquals(1, cli.run("scenario", in.toString(), "--object", other));
        assertEquals("ebpf-jvm scenario: " + other + ": no program 'tcx_count' (the scenario program)\n", cli.err());
        cli.reset();
        assertEquals(1, cli.run("scenario", in.toString(), "--object", in.toString()));
        assertTrue(cli.err().startsWith("ebpf-jvm scenario: " + in + ": "), cli.err());
        cli.reset();
        assertEquals(1, cli.run("scenario", object(), "--object", object()));
        assertEquals("ebpf-jvm scenario: " + object() + ": an ELF object, not a JSON scenario file\n", cli.err());
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
