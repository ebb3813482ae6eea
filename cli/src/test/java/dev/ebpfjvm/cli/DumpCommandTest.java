package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ebpf-jvm dump} through {@link Main#run}, on testdata/ objects and an assembler file. */
class DumpCommandTest {
    private final CliRun cli = new CliRun();

    @Test
    void dump_xlatedListsTheRelocatedInstructions() {
        assertEquals(0, cli.run("dump", CliRun.fixture("bpf2bpf"), "--section", "tc/egress", "--xlated"),
                cli.err());
        List<String> lines = cli.outLines();
        assertEquals("program port_hash: 61 slots", lines.get(0));
        assertEquals("   0: (bf) r6 = r1", lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +\\d+: \\(85\\) call pc[+-]\\d+")), lines.toString());
    }

    @Test
    void dump_jitedInterleavesInstructionsAndBytecode() {
        assertEquals(0, cli.run("dump", CliRun.fixture("bpf2bpf"), "--section", "tc", "--jited"),
                cli.err());
        String text = cli.out();
        assertTrue(text.startsWith("program flow_hash: 108 slots\n"), text);
        assertTrue(text.contains("final class dev/ebpfjvm/jit/classgen/BpfProgram implements dev/ebpfjvm/core/exec/Executable"));
        assertTrue(text.contains("  ; 0: r6 = r1\n"), text);
        assertTrue(text.contains("private static f1(Ldev/ebpfjvm/core/exec/ProgramContext;JJJJJI)J"), text);
    }

    @Test
    void dump_assemblerFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.asm");
        Files.writeString(file, "mov %r0, 7\nexit\n");
        assertEquals(0, cli.run("dump", "--asm", file.toString(), "--xlated"));
        assertEquals(List.of("program p.asm: 2 slots", "   0: (b7) r0 = 7", "   1: (95) exit"), cli.outLines());
        cli.reset();
        assertEquals(0, cli.run("dump", "--asm", file.toString(), "--jited"));
        assertTrue(cli.out().contains("  ; 0: r0 = 7\n    BIPUSH 7\n"));
    }

    @Test
    void dump_wrongArgumentsAreUsageErrors() {
        assertEquals(2, cli.run("dump", CliRun.fixture("bpf2bpf"), "--section", "nope", "--jited"));
        assertTrue(cli.err().contains("no program in section 'nope' (sections: [tc, tc/egress])"));
        assertEquals(2, cli.run("dump", CliRun.fixture("bpf2bpf"), "--section", "tc"));
        assertEquals(2, cli.run("dump", CliRun.fixture("bpf2bpf"), "--jited"));
        assertEquals(2, cli.run("dump", "--asm", "/nonexistent.asm", "--jited"));
    }
}
