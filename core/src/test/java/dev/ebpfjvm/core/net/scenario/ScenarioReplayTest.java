package dev.ebpfjvm.core.net.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.exec.Engines;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every recorded tcx scenario replays on the interpreter with the kernel's results, step by step. */
class ScenarioReplayTest {
    @TestFactory
    List<DynamicTest> replaysEveryRecordedFileOnTheInterpreter() {
        return ScenarioFiles.recorded().stream()
                .map(p -> DynamicTest.dynamicTest(
                        p.getFileName().toString(),
                        () -> ScenarioFiles.replayAndCompare(p, Engines.byName("interpreter"))))
                .toList();
    }

    @Test
    void badScenariosAreRejectedNamingWhy() {
        ScenarioReplayer r = new ScenarioReplayer(ScenarioFiles.object(), Engines.byName("interpreter"));
        Step bogus = new Step(
                "reboot", null, "prog", null, null, null, false, null, 0, "veth1", "ingress", 64, null, null, 1);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> r.replay(new Scenario("s", "", java.util.Map.of(), List.of(bogus))));
        assertTrue(e.getMessage().contains("reboot"), e.getMessage());
        Step send1 =
                new Step("send", null, "prog", null, null, null, false, null, 0, "veth1", "ingress", 64, null, null, 1);
        assertThrows(
                IllegalArgumentException.class,
                () -> r.replay(new Scenario("s", "", java.util.Map.of(), List.of(send1))));
        assertEquals(-1, Scenario.code("NEXT"));
        assertEquals(42, Scenario.code("42"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.code("MAYBE"))
                .getMessage()
                .contains("MAYBE"));
    }

    @Test
    void atLeastSixtyScenariosAreRecorded() {
        int n = 0;
        for (Path p : ScenarioFiles.recorded()) {
            n += ScenarioFiles.scenarioNodes(p).size();
        }
        assertTrue(n >= 60, "only " + n + " recorded scenarios");
    }
}
