package dev.ebpfjvm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.testing.TestRegions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dump: the textified class with each BPF instruction above its bytecode, compared with a
 * golden file (FRAME and MAXSTACK/MAXLOCALS lines left out, as they are ASM's business). Run with
 * {@code -Debpfjvm.updateGolden=true} to rewrite the golden file after a deliberate change.
 */
class DumpTest {
    private static final String SOURCE = String.join(
            "\n",
            "ldxw %r2, [%r1+4]",
            "stxdw [%r10-8], %r2",
            "jgt %r2, 100, big",
            "mov32 %r0, 1",
            "exit",
            "big:",
            "call 1",
            "exit");

    @Test
    void dump_interleavesBpfAndBytecode() throws IOException {
        HelperRegistry helpers = HelperRegistry.builder()
                .add(1, "map_lookup_elem", (c, a, b, d, e, f) -> 0)
                .build();
        Program program = new Program("dumped", Assembler.assemble(SOURCE), helpers, TestRegions.reach());
        String dump = new JitCompiler()
                .dump(program)
                .lines()
                .filter(l -> !l.trim().startsWith("FRAME") && !l.trim().startsWith("MAX"))
                .collect(Collectors.joining("\n", "", "\n"));
        assertTrue(dump.contains("; 5: call bpf_map_lookup_elem#1"), dump);
        if (Boolean.getBoolean("ebpfjvm.updateGolden")) {
            Files.writeString(Paths.get("src/test/resources/dev/ebpfjvm/jit/dump.golden.txt"), dump);
        }
        assertEquals(golden("dump.golden.txt"), dump);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DumpTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
