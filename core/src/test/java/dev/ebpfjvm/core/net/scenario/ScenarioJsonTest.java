package dev.ebpfjvm.core.net.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.testrun.JsonException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dependency-free reader and writer agree with Jackson's reading and with the recordings. */
class ScenarioJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path input(Path recorded) {
        String n = recorded.getFileName().toString();
        return recorded.resolveSibling(n.replace(".expected.json", ".json"));
    }

    @Test
    void readsEveryInputAsJacksonDoes() throws Exception {
        for (Path rec : ScenarioFiles.recorded()) {
            List<Scenario> viaJackson = new ArrayList<>();
            for (JsonNode n : ScenarioFiles.scenarioNodes(input(rec))) {
                viaJackson.add(ScenarioFiles.scenario(n));
            }
            assertEquals(viaJackson, ScenarioJson.parse(Files.readString(input(rec))), rec.toString());
        }
    }

    @Test
    void replayedDocumentsMatchTheRecordings() throws Exception {
        ScenarioReplayer replayer = new ScenarioReplayer(ScenarioFiles.object(), Engines.byName("interpreter"));
        for (Path rec : ScenarioFiles.recorded()) {
            JsonNode out = JSON.readTree(ScenarioJson.replay(Files.readString(input(rec)), replayer,
                    Map.of("generator", "ebpf-jvm")));
            JsonNode expected = JSON.readTree(rec.toFile());
            assertEquals(expected.get("scenarios"), out.get("scenarios"), rec.toString());
            assertEquals(expected.get("scenarios").size(), out.get("meta").get("scenario_count").asInt());
        }
    }

    @Test
    void malformedDocumentsNameWhere() {
        assertThrows(JsonException.class, () -> ScenarioJson.parse("{\"scenarios\": ["));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioJson.parse(
                "[{\"name\": \"s1\", \"progs\": {}, \"steps\": [{\"op\": \"query\", \"count_in\": \"many\"}]}]"));
        assertTrue(e.getMessage().contains("s1 step 0: count_in"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScenarioJson.parse(
                "[{\"name\": \"s2\", \"progs\": {\"A\": \"SOMETIMES\"}, \"steps\": []}]"));
        assertTrue(e.getMessage().contains("SOMETIMES"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScenarioJson.parse("{\"scenarios\": 3}"));
        assertTrue(e.getMessage().contains("scenarios"), e.getMessage());
    }
}
