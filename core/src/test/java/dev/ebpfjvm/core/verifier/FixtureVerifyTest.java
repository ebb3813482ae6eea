package dev.ebpfjvm.core.verifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lead's acceptance criterion: every program of every fixture object in testdata/ verifies.
 * The {@code invalid_*} objects are left out: the object reader rejects them before any program
 * exists (an extern, a kfunc), as their names say.
 */
class FixtureVerifyTest {
    static Stream<Arguments> programs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestPaths.testdata())) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".o")
                    && !f.getFileName().toString().startsWith("invalid_")).sorted()::iterator) {
                ObjectSpec spec = ObjectReader.read(p);
                for (ProgramSpec prog : spec.programs()) {
                    out.add(Arguments.of(p.getFileName().toString(), prog.name()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("programs")
    void verify_fixtureProgram(String object, String program) throws IOException {
        ObjectSpec spec = ObjectReader.read(TestPaths.testdata().resolve(object));
        VerifiedProgram vp;
        try {
            vp = Verifier.verify(VerifierInputs.of(spec, program, VerifierOptions.DEFAULT));
        } catch (VerifierException e) {
            throw new AssertionError(object + " " + program + ": " + e.getMessage() + "\n"
                    + String.join("\n", Verifier.verify(VerifierInputs.of(spec, program,
                    VerifierOptions.logLevel(1))).log()), e);
        }
        assertTrue(vp.stats().processed() > 0);
        assertFalse(vp.log().isEmpty());
        assertTrue(vp.log().get(vp.log().size() - 1).startsWith("processed "));
    }
}
