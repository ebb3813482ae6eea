package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.testing.TestPaths;
import dev.ebpfjvm.core.testrun.TestCase;
import dev.ebpfjvm.core.testrun.TestRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every kernel-recorded test-run case (testdata/cases/OBJ/NAME.json with NAME.expected.json,
 * recorded by testdata/cases/record.sh through the kernel oracle) run on every engine on the
 * class path, compared with the kernel field by field ({@link ResultDiff}).
 */
class KernelCasesTest {
    @TestFactory
    Stream<DynamicNode> everyCaseOnEveryEngine() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(TestPaths.testdata().resolve("cases"))) {
            files = s.filter(
                            p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                    .sorted()
                    .toList();
        }
        assertFalse(
                files.isEmpty(), "no case files under " + TestPaths.testdata().resolve("cases"));
        List<DynamicNode> engines = new ArrayList<>();
        for (Engine engine : Engines.all()) {
            List<DynamicNode> perFile = new ArrayList<>();
            for (Path file : files) {
                perFile.add(DynamicContainer.dynamicContainer(
                        file.getParent().getFileName() + "/" + file.getFileName(), cases(engine, file)));
            }
            engines.add(DynamicContainer.dynamicContainer(engine.name(), perFile));
        }
        return engines.stream();
    }

    private static Stream<DynamicTest> cases(Engine engine, Path file) throws IOException {
        String objName = file.getParent().getFileName().toString();
        ObjectSpec spec = ObjectReader.read(TestPaths.testdata().resolve(objName + ".o"));
        CaseFile cases = CaseFile.parse(file.toString(), Files.readString(file));
        Object expectedDoc =
                TestJson.parse(Files.readString(Path.of(file.toString().replace(".json", ".expected.json"))));
        List<?> expected = cases.isList() ? (List<?>) expectedDoc : List.of(expectedDoc);
        assertEquals(cases.cases().size(), expected.size(), "results recorded for " + file);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            TestCase c = cases.cases().get(i);
            Map<?, ?> want = (Map<?, ?>) expected.get(i);
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                Environment env = new Environment(
                        () -> 1_000_000, () -> 2_000_000, new Random(1), line -> {}, recordingCpus(want));
                Map<String, Object> got = new TestRunner(spec, engine, env).run(c, 0);
                List<String> diffs = ResultDiff.diff(want, got);
                assertEquals(List.of(), diffs, engine.name() + " " + c.name());
            }));
        }
        return tests.stream();
    }

    /**
     * {@return the CPU count of the machine that recorded a result, seen in the length of its
     * per-CPU value lists (1 when it has none)} A setup value for a per-CPU map is written on
     * every CPU, so sums depend on the count.
     */
    private static int recordingCpus(Map<?, ?> result) {
        int cpus = 1;
        Object maps = result.get("maps");
        if (maps instanceof Map) {
            for (Object m : ((Map<?, ?>) maps).values()) {
                for (Object e : (List<?>) ((Map<?, ?>) m).get("entries")) {
                    Object lanes = ((Map<?, ?>) e).get("values_percpu");
                    if (lanes instanceof List) {
                        cpus = Math.max(cpus, ((List<?>) lanes).size());
                    }
                }
            }
        }
        return cpus;
    }
}
