package dev.ebpfjvm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.load.LoadedObject;
import dev.ebpfjvm.core.load.ObjectLoader;
import dev.ebpfjvm.core.maps.PinRegistry;
import dev.ebpfjvm.core.testing.TestPaths;
import dev.ebpfjvm.jit.testing.MethodSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of the repository's clang-built objects (testdata/*.o) loads on the JIT exactly
 * when it loads on the interpreter (or fails with the same message), and the JIT's class checks
 * out with ASM's verifier.
 */
class ObjectFixtureTest {
    @TestFactory
    Stream<DynamicTest> objects_loadOnTheJitAsOnTheInterpreter() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(TestPaths.testdata())) {
            files = list.filter(p -> p.toString().endsWith(".o")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no objects in " + TestPaths.testdata());
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    ObjectSpec spec;
                    try {
                        spec = ObjectReader.read(file);
                    } catch (EbpfException e) {
                        return;
                    }
                    String interpreted = load(spec, Engines.byName("interpreter"), new ArrayList<>());
                    List<Program> programs = new ArrayList<>();
                    String jitted = load(spec, capture(programs), programs);
                    assertEquals(interpreted, jitted);
                    if (!jitted.startsWith("loaded")) {
                        return;
                    }
                    JitCompiler checked = new JitCompiler(JitOptions.defaults().withCheckBytecode(true));
                    for (Program p : programs) {
                        assertTrue(
                                MethodSizes.largest(checked.classBytes(p)) <= JitOptions.HUGE_METHOD_LIMIT, p.name());
                    }
                }));
    }

    /** {@return "loaded" and the program names, or the failure's message} */
    private static String load(ObjectSpec spec, Engine engine, List<Program> programs) {
        ObjectLoader loader =
                ObjectLoader.builder().engine(engine).pins(new PinRegistry()).build();
        try (LoadedObject loaded = loader.load(spec)) {
            return "loaded " + loaded.programs().keySet();
        } catch (EbpfException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** The JIT engine, recording each relocated program it compiles. */
    private static Engine capture(List<Program> programs) {
        JitEngine jit = new JitEngine();
        return new Engine() {
            @Override
            public String name() {
                return jit.name();
            }

            @Override
            public Executable load(Program program) {
                programs.add(program);
                return jit.load(program);
            }
        };
    }
}
