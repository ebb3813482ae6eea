package dev.ebpfjvm.jit.net;

import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.net.scenario.ScenarioFiles;
import dev.ebpfjvm.jit.chain.ChainDispatchers;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded tcx scenario (testdata/net/scenarios) replays with the kernel's results step by
 * step on both engines; core's tests cover the interpreter alone, this module sees the JIT too.
 */
class ScenarioReplayJitTest {
    @TestFactory
    List<DynamicTest> replaysEveryRecordedFileOnBothEngines() {
        return Stream.of("jit", "interpreter")
                .flatMap(engine -> ScenarioFiles.recorded().stream()
                        .map(p -> DynamicTest.dynamicTest(
                                engine + " " + p.getFileName(),
                                () -> ScenarioFiles.replayAndCompare(p, Engines.byName(engine)))))
                .toList();
    }

    @TestFactory
    List<DynamicTest> replaysEveryRecordedFileThroughChainDispatchers() {
        return ScenarioFiles.recorded().stream()
                .map(p -> DynamicTest.dynamicTest(
                        "jit+dispatcher " + p.getFileName(),
                        () -> ScenarioFiles.replayAndCompare(p, Engines.byName("jit"), ChainDispatchers.INSTANCE)))
                .toList();
    }
}
