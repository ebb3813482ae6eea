package dev.ebpfjvm.core.net.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebpfjvm.core.exec.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documents read as Jackson reads them into scenarios, and replays come out as the recorder wrote them. */
class ScenarioDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path input(Path recorded) {
        String n = recorded.getFileName().toString();
        return recorded.resolveSibling(n.replace(".expected.json", ".json"));
    }

    private static Object tree(String text) throws Exception {
        return JSON.readValue(text, Object.class);
    }

    @Test
    void readsEveryInputAsJacksonDoes() throws Exception {
        for (Path rec : ScenarioFiles.recorded()) {
            List<Scenario> viaJackson = new ArrayList<>();
            for (JsonNode n : ScenarioFiles.scenarioNodes(input(rec))) {
                viaJackson.add(ScenarioFiles.scenario(n));
            }
            assertEquals(viaJackson, ScenarioDocuments.parse(tree(Files.readString(input(rec)))), rec.toString());
        }
    }

    @Test
    void replayedDocumentsMatchTheRecordings() throws Exception {
        ScenarioReplayer replayer = new ScenarioReplayer(ScenarioFiles.object(), Engines.byName("interpreter"));
        for (Path rec : ScenarioFiles.recorded()) {
            JsonNode out = JSON.readTree(JSON.writeValueAsString(ScenarioDocuments.replay(
                    tree(Files.readString(input(rec))), replayer, Map.of("generator", "ebpf-jvm"))));
            JsonNode expected = JSON.readTree(rec.toFile());
            assertEquals(expected.get("scenarios"), out.get("scenarios"), rec.toString());
            assertEquals(
                    expected.get("scenarios").size(),
                    out.get("meta").get("scenario_count").asInt());
        }
    }

    @Test
    void malformedDocumentsNameWhere() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ScenarioDocuments.parse(
                        tree(
                                "[{\"name\": \"s1\", \"progs\": {}, \"steps\": [{\"op\": \"query\", \"count_in\": \"many\"}]}]")));
        assertTrue(e.getMessage().contains("s1 step 0: count_in"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> ScenarioDocuments.parse(
                        tree("[{\"name\": \"s2\", \"progs\": {\"A\": \"SOMETIMES\"}, \"steps\": []}]")));
        assertTrue(e.getMessage().contains("SOMETIMES"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScenarioDocuments.parse(tree("{\"scenarios\": 3}")));
        assertTrue(e.getMessage().contains("scenarios"), e.getMessage());
    }
}
