package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tool as modules: a JVM started with {@code --module-path} (core, jit and cli's classes, ASM,
 * picocli and Jackson, from this test's class path) and {@code -m dev.ebpfjvm.cli/dev.ebpfjvm.cli.Main}
 * runs the conformance suite on the JIT, whose hidden classes and class data live in the jit module
 * and call into core, and a scenario file through the compiled chain dispatchers.
 */
class ModulePathTest {
    /** The modules' class folders or jars and the jars of their dependencies; no test classes. */
    private static String modulePath() {
        List<String> path = new ArrayList<>();
        String classPath = System.getProperty("java.class.path");
        for (String entry : classPath.split(java.util.regex.Pattern.quote(File.pathSeparator), -1)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            boolean module = Files.isDirectory(p) && Files.exists(p.resolve("module-info.class"));
            // core and jit are class folders, or their jars once the reactor has packaged them
            boolean dependency = name.endsWith(".jar")
                    && !name.endsWith("-tests.jar")
                    && (name.startsWith("asm")
                            || name.startsWith("picocli")
                            || name.startsWith("jackson-")
                            || name.startsWith("snakeyaml")
                            || name.startsWith("ebpf-jvm-"));
            if (module || dependency) {
                path.add(entry);
            }
        }
        return String.join(File.pathSeparator, path);
    }

    private static String run(String... args) throws IOException, InterruptedException {
        String mp = modulePath();
        for (String m : List.of("core", "jit", "cli")) {
            assertTrue(
                    mp.contains(File.separator + m + File.separator + "target" + File.separator + "classes")
                            || mp.contains(File.separator + "ebpf-jvm-" + m + "-"),
                    m + " on " + mp);
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                mp,
                "-m",
                "dev.ebpfjvm.cli/dev.ebpfjvm.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void conformanceRunsOnTheJitAsModules() throws Exception {
        String out = run("conformance", TestPaths.conformance().toString(), "--engine", "jit");
        assertTrue(out.endsWith("313 passed, 0 failed\n"), out);
    }

    @Test
    void scenariosRunThroughTheDispatchersAsModules() throws Exception {
        Path dir = TestPaths.testdata().resolve("net");
        String out = run(
                "scenario",
                dir.resolve("scenarios").resolve("links.json").toString(),
                "--object",
                dir.resolve("tcx_count.o").toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode got = json.readTree(out);
        assertEquals("dispatcher", got.get("meta").get("chains").asText());
        assertEquals(
                json.readTree(dir.resolve("scenarios")
                                .resolve("links.expected.json")
                                .toFile())
                        .get("scenarios"),
                got.get("scenarios"));
    }
}
