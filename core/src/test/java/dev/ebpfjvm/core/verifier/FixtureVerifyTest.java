package dev.ebpfjvm.core.verifier;

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
 * Every program ebpf-jvm runs, of every fixture object in testdata/, verifies — but the hostile
 * programs of forge.o and hostile.o, which the kernel rejects too: the verifier rejects them with
 * the kernel's message (recorded with testdata/verifier/record.py on a folder holding the object;
 * for forge.o after as many processed instructions as the kernel). The {@code invalid_*} objects are left out (the object reader rejects
 * them before any program exists: an extern, a kfunc), and so are programs of types ebpf-jvm does
 * not load (xdp).
 */
class FixtureVerifyTest {
    /** Program, the kernel's processed-instruction count (-1: not compared) and its error line, or a fragment of it. */
    private static final Map<String, List<Object>> KERNEL_REJECTS = Map.of(
            "forge_write", List.of(4, "R1 invalid mem access 'scalar'"),
            "forge_read", List.of(3, "R1 invalid mem access 'scalar'"),
            "forge_lookup", List.of(7, "R1 type=scalar expected=map_ptr"),
            "load_huge", List.of(-1, "R4 invalid zero-sized read: u64=[0,4294967295]"),
            "perf_huge", List.of(-1, "R5 min value is negative, either use unsigned or 'var &= const'"),
            "endless", List.of(-1, "infinite loop detected at insn 0"),
            "lock_twice", List.of(-1, "function calls are not allowed while holding a lock"),
            "lock_and_spin", List.of(-1, "infinite loop detected"));

    static Stream<Arguments> programs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestPaths.testdata())) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".o")
                            && !f.getFileName().toString().startsWith("invalid_"))
                    .sorted()::iterator) {
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
            VerifierException e = assertThrows(
                    VerifierException.class,
                    () -> Verifier.verify(VerifierInputs.of(spec, program, VerifierOptions.logLevel(1))));
            assertTrue(e.reason().startsWith((String) rejected.get(1)), e.reason());
            String processed = "processed " + rejected.get(0) + " insns";
            if ((int) rejected.get(0) >= 0) {
                assertTrue(
                        e.log().get(e.log().size() - 1).startsWith(processed),
                        e.log().toString());
            }
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
