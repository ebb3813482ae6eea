package dev.ebpfjvm.core.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel-recorded verifier corpus ({@code testdata/verifier/expected.tsv}: object, program,
 * the kernel's verdict, its processed-instruction count, a fragment of its error line, the error
 * line): our verdict must equal the kernel's, and a rejection's message must contain the fragment.
 */
class VerifierCorpusTest {
    private static final Map<String, ObjectSpec> OBJECTS = new HashMap<>();

    static Path dir() {
        return TestPaths.testdata().resolve("verifier");
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir().resolve("expected.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(Arguments.of(f[0], f[1], f[2], f[4], f.length > 5 ? f[5] : ""));
        }
        return out.stream();
    }

    private static synchronized ObjectSpec object(String name) throws IOException {
        ObjectSpec spec = OBJECTS.get(name);
        if (spec == null) {
            spec = ObjectReader.read(dir().resolve("corpus").resolve(name));
            OBJECTS.put(name, spec);
        }
        return spec;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void verify_matchesKernel(String object, String program, String verdict, String fragment, String kernelError)
            throws IOException {
        ObjectSpec spec;
        try {
            spec = object(object);
        } catch (EbpfException e) {
            // Instructions that do not decode: the object reader refuses them before any verifier runs.
            assertEquals("reject", verdict, "the kernel accepts, our reader refuses: " + e.getMessage());
            assertTrue(
                    e.getMessage().contains(fragment),
                    "expected '" + fragment + "' (kernel: " + kernelError + "), the reader says: " + e.getMessage());
            return;
        }
        VerifierInput in = VerifierInputs.of(spec, program, VerifierOptions.DEFAULT);
        if (verdict.equals("accept")) {
            try {
                Verifier.verify(in);
            } catch (VerifierException e) {
                fail("the kernel accepts, we reject: " + e.getMessage());
            }
            return;
        }
        assertEquals("reject", verdict);
        try {
            VerifiedProgram vp = Verifier.verify(in);
            fail("the kernel rejects (" + kernelError + "), we accept after "
                    + vp.stats().processed() + " insns");
        } catch (VerifierException e) {
            assertTrue(
                    e.getMessage().contains(fragment),
                    "expected '" + fragment + "' (kernel: " + kernelError + "), got: " + e.getMessage());
        }
    }
}
