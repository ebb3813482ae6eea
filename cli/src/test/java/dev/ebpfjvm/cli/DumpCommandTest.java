package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.testing.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ebpf-jvm dump} through {@link Main#run}, on testdata/ objects and an assembler file. */
class DumpCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String fixture(String name) {
        return TestPaths.testdata().resolve(name + ".o").toString();
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void dump_xlatedListsTheRelocatedInstructions() {
        assertEquals(0, run("dump", fixture("bpf2bpf"), "--section", "tc/egress", "--xlated"),
                err.toString(StandardCharsets.UTF_8));
        List<String> lines = outLines();
        assertEquals("program port_hash: 61 slots", lines.get(0));
        assertEquals("   0: (bf) r6 = r1", lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +\\d+: \\(85\\) call pc[+-]\\d+")), lines.toString());
    }

    @Test
    void dump_jitedInterleavesInstructionsAndBytecode() {
        assertEquals(0, run("dump", fixture("bpf2bpf"), "--section", "tc", "--jited"),
                err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("program flow_hash: 108 slots\n"), text);
        assertTrue(text.contains("final class dev/ebpfjvm/jit/classgen/BpfProgram implements dev/ebpfjvm/core/exec/Executable"));
        assertTrue(text.contains("  ; 0: r6 = r1\n"), text);
        assertTrue(text.contains("private static f1(Ldev/ebpfjvm/core/exec/ProgramContext;JJJJJI)J"), text);
    }

    @Test
    void dump_assemblerFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.asm");
        Files.writeString(file, "mov %r0, 7\nexit\n");
        assertEquals(0, run("dump", "--asm", file.toString(), "--xlated"));
        assertEquals(List.of("program p.asm: 2 slots", "   0: (b7) r0 = 7", "   1: (95) exit"), outLines());
        out.reset();
        assertEquals(0, run("dump", "--asm", file.toString(), "--jited"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("  ; 0: r0 = 7\n    BIPUSH 7\n"));
    }

    @Test
    void dump_wrongArgumentsAreUsageErrors() {
        assertEquals(2, run("dump", fixture("bpf2bpf"), "--section", "nope", "--jited"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no program in section 'nope' (sections: [tc, tc/egress])"));
        assertEquals(2, run("dump", fixture("bpf2bpf"), "--section", "tc"));
        assertEquals(2, run("dump", fixture("bpf2bpf"), "--jited"));
        assertEquals(2, run("dump", "--asm", "/nonexistent.asm", "--jited"));
    }
}
