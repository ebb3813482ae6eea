package dev.ebpfjvm.core.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every program ebpf-jvm runs, of every fixture object in testdata/, verifies — but forge.o's
 * hostile programs, which the kernel rejects too: the verifier rejects them with the kernel's
 * message after as many processed instructions (recorded with testdata/verifier/record.py on a
 * folder holding forge.o). The {@code invalid_*} objects are left out (the object reader rejects
 * them before any program exists: an extern, a kfunc), and so are programs of types ebpf-jvm does
 * not load (xdp).
 */
class FixtureVerifyTest {
    /** Program, the kernel's processed-instruction count and its error line. */
    private static final Map<String, List<Object>> KERNEL_REJECTS = Map.of(
            "forge_write", List.of(4, "R1 invalid mem access 'scalar'"),
            "forge_read", List.of(3, "R1 invalid mem access 'scalar'"),
            "forge_lookup", List.of(7, "R1 type=scalar expected=map_ptr"));

    static Stream<Arguments> programs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestPaths.testdata())) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".o")
                    && !f.getFileName().toString().startsWith("invalid_")).sorted()::iterator) {
                ObjectSpec spec = ObjectReader.read(p);
                for (ProgramSpec prog : spec.programs()) {
                    if (prog.supported()) {
                        out.add(Arguments.of(p.getFileName().toString(), prog.name()));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("programs")
    void verify_fixtureProgram(String object, String program) throws IOException {
        ObjectSpec spec = ObjectReader.read(TestPaths.testdata().resolve(object));
        List<Object> rejected = KERNEL_REJECTS.get(program);
        if (rejected != null) {
            VerifierException e = assertThrows(VerifierException.class,
                    () -> Verifier.verify(VerifierInputs.of(spec, program, VerifierOptions.logLevel(1))));
            assertEquals(rejected.get(1), e.reason());
            assertEquals("processed " + rejected.get(0) + " insns", e.log().get(e.log().size() - 1).substring(0,
                    ("processed " + rejected.get(0) + " insns").length()));
            return;
        }
        VerifiedProgram vp;
        try {
            vp = Verifier.verify(VerifierInputs.of(spec, program, VerifierOptions.DEFAULT));
        } catch (VerifierException e) {
            throw new AssertionError(object + " " + program + ": " + e.getMessage() + "\n" + e.logText(), e);
        }
        assertTrue(vp.stats().processed() > 0);
        assertFalse(vp.log().isEmpty());
        assertTrue(vp.log().get(vp.log().size() - 1).startsWith("processed "));
    }
}
