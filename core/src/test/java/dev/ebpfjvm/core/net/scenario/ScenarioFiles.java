package dev.ebpfjvm.core.net.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The recorded tcx scenarios of testdata/net/scenarios: parses the tcx-oracle format with Jackson
 * into the replayer's records and compares a replay with the recorded results step by step.
 * Shared with the jit module's tests.
 */
public final class ScenarioFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioFiles() {}

    /** {@return the directory of the scenario files} */
    public static Path dir() {
        return TestPaths.testdata().resolve("net").resolve("scenarios");
    }

    /** {@return every recorded scenario file (X.expected.json), by name} */
    public static List<Path> recorded() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".expected.json"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the scenario object, testdata/net/tcx_count.o} */
    public static ObjectSpec object() {
        try {
            return ObjectReader.read(
                    Files.readAllBytes(TestPaths.testdata().resolve("net").resolve("tcx_count.o")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the scenarios of a file (a {@code {scenarios: [...]}} object or a bare list)} */
    public static List<JsonNode> scenarioNodes(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode list = root.isArray() ? root : root.get("scenarios");
            List<JsonNode> l = new ArrayList<>();
            list.forEach(l::add);
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the replayer's model of a scenario node} */
    public static Scenario scenario(JsonNode n) {
        Map<String, Scenario.Prog> progs = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.get("progs").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                JsonNode t = v.get("target");
                progs.put(
                        e.getKey(), new Scenario.Prog(code(v.get("ret")), t == null || t.isNull() ? null : t.asText()));
            } else {
                progs.put(e.getKey(), new Scenario.Prog(code(v), null));
            }
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : n.get("steps")) {
            steps.add(step(s));
        }
        return new Scenario(n.get("name").asText(), text(n, "description", ""), progs, steps);
    }

    private static int code(JsonNode v) {
        return v.isNumber() ? v.asInt() : Scenario.code(v.asText());
    }

    private static Step step(JsonNode s) {
        String op = s.get("op").asText();
        List<String> flags = new ArrayList<>();
        if (s.hasNonNull("flags")) {
            s.get("flags").forEach(f -> flags.add(f.asText()));
        }
        Step.Relative rel = null;
        JsonNode r = s.get("relative");
        if (r != null && !r.isNull()) {
            rel = new Step.Relative(
                    text(r, "prog", null),
                    text(r, "link", null),
                    r.hasNonNull("raw") ? r.get("raw").asLong() : null);
        }
        String replace = s.hasNonNull("replace") ? s.get("replace").get("prog").asText() : null;
        return new Step(
                op,
                text(s, "prog", null),
                text(s, "via", "prog"),
                text(s, "link", null),
                flags,
                rel,
                s.hasNonNull("by_id") && s.get("by_id").asBoolean(),
                replace,
                s.hasNonNull("expected_revision") ? s.get("expected_revision").asLong() : 0,
                text(s, "dev", op.equals("send") ? "veth0" : "veth1"),
                text(s, "hook", "ingress"),
                s.hasNonNull("count_in") ? s.get("count_in").asInt() : 64,
                text(s, "old_prog", null),
                text(s, "path", null),
                s.hasNonNull("packets") ? s.get("packets").asInt() : 1);
    }

    private static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    /** Replays every scenario of a recorded file and asserts each step's result equals the recorded one. */
    public static int replayAndCompare(Path recorded, Engine engine) {
        return replayAndCompare(recorded, engine, dev.ebpfjvm.core.net.ChainCompiler.LOOP);
    }

    /** Replays with chains compiled by a compiler and compares, as {@link #replayAndCompare(Path, Engine)}. */
    public static int replayAndCompare(Path recorded, Engine engine, dev.ebpfjvm.core.net.ChainCompiler compiler) {
        ScenarioReplayer replayer = new ScenarioReplayer(object(), engine, compiler);
        int n = 0;
        for (JsonNode sc : scenarioNodes(recorded)) {
            Scenario model = scenario(sc);
            List<Map<String, Object>> got = replayer.replay(model);
            int i = 0;
            for (JsonNode st : sc.get("steps")) {
                JsonNode actual;
                try {
                    actual = JSON.readTree(JSON.writeValueAsString(got.get(i)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                assertEquals(
                        st.get("result"),
                        actual,
                        recorded.getFileName() + " " + model.name() + " step " + i + " ("
                                + st.get("op").asText() + ") on " + engine.name());
                i++;
            }
            n++;
        }
        return n;
    }
}
