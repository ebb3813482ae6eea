package dev.ebpfjvm.core.net.scenario;

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
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                        () -> ScenarioFiles.replayAndCompare(p, Engines.byName("interpreter"))))
                .toList();
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
