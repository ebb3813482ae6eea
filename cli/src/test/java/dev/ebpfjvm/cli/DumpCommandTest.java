package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ebpf-jvm dump} through {@link Main#run}, on testdata/ objects, assembler files and conformance tests. */
class DumpCommandTest {
    private final CliRun cli = new CliRun();

    @Test
    void dump_xlatedPrintsWhatBpftoolPrints() {
        assertEquals(0, cli.run("dump", CliRun.fixture("bpf2bpf"), "--section", "tc/egress", "--xlated"), cli.err());
        List<String> lines = cli.outLines();
        assertEquals("int port_hash(struct __sk_buff * skb):", lines.get(0));
        assertEquals("; int port_hash(struct __sk_buff *skb)", lines.get(1));
        assertEquals("   0: (bf) r6 = r1", lines.get(2));
        assertEquals("   1: (18) r0 = 0xffffffff", lines.get(3));
        assertEquals("; c->end = (void *)(long)skb->data_end;", lines.get(4));
        assertEquals("   3: (61) r1 = *(u32 *)(r6 +80)", lines.get(5));
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +\\d+: \\(85\\) call pc[+-]\\d+")), lines.toString());
        assertTrue(lines.contains("__u32 mix32(__u32 a, __u32 b):"), lines.toString());
        assertFalse(cli.out().contains(" ll\n"), cli.out());
        assertFalse(cli.out().contains("program "), "one program: no header, as bpftool");
    }

    @Test
    void dump_linumAddsFileLineAndColumn() {
        assertEquals(
                0,
                cli.run("dump", CliRun.fixture("unsupported_mix"), "--program", "tc_count", "--xlated", "--linum"),
                cli.err());
        List<String> lines = cli.outLines();
        assertEquals("int tc_count(struct __sk_buff * skb):", lines.get(0));
        assertEquals(
                "; int tc_count(struct __sk_buff *skb) [file:./unsupported_mix.c line_num:39 line_col:0]",
                lines.get(1));
        assertTrue(lines.contains(";  [file:./unsupported_mix.c line_num:0 line_col:0]"), lines.toString());
    }

    @Test
    void dump_mapReferencesAsBpftoolShowsThem() {
        assertEquals(
                0, cli.run("dump", CliRun.fixture("unsupported_mix"), "--program", "tc_count", "--xlated"), cli.err());
        assertTrue(cli.outLines().stream().anyMatch(l -> l.matches("   5: \\(18\\) r1 = map\\[id:\\d+\\]")), cli.out());
        cli.reset();
        assertEquals(0, cli.run("dump", CliRun.fixture("globals"), "--xlated"), cli.err());
        assertTrue(
                cli.outLines().stream().anyMatch(l -> l.matches("   1: \\(18\\) r3 = map\\[id:\\d+\\]\\[0\\]\\+0")),
                cli.out());
        assertTrue(
                cli.outLines().stream()
                        .anyMatch(l -> l.matches(" +\\d+: \\(18\\) r\\d = map\\[id:\\d+\\]\\[0\\]\\+[1-9]\\d*")),
                cli.out());
    }

    @Test
    void dump_opcodesAddEachInstructionsBytes(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("p.asm"), "lddw %r1, 0x1122334455667788\nmov %r0, 7\nexit\n");
        assertEquals(0, cli.run("dump", "--asm", file.toString(), "--xlated", "--opcodes"), cli.err());
        assertEquals(
                List.of(
                        "   0: (18) r1 = 0x1122334455667788",
                        "       18 01 00 00 88 77 66 55 00 00 00 00 44 33 22 11",
                        "   2: (b7) r0 = 7",
                        "       b7 00 00 00 07 00 00 00",
                        "   3: (95) exit",
                        "       95 00 00 00 00 00 00 00"),
                cli.outLines());
    }

    @Test
    void dump_programByNameOrUniqueSection() {
        assertEquals(0, cli.run("dump", CliRun.fixture("bpf2bpf"), "--program", "flow_hash", "--xlated"), cli.err());
        String byName = withoutMapIds(cli.out());
        assertTrue(byName.startsWith("int flow_hash(struct __sk_buff * skb):\n"), byName);
        cli.reset();
        assertEquals(0, cli.run("dump", CliRun.fixture("bpf2bpf"), "--program", "tc", "--xlated"), cli.err());
        assertEquals(byName, withoutMapIds(cli.out()));
    }

    @Test
    void dump_everyProgramWithoutASelection() {
        assertEquals(0, cli.run("dump", CliRun.fixture("bpf2bpf"), "--xlated"), cli.err());
        List<String> lines = cli.outLines();
        assertEquals("program flow_hash (section tc):", lines.get(0));
        assertTrue(lines.contains("program port_hash (section tc/egress):"), lines.toString());
        assertEquals("", cli.err());
    }

    @Test
    void dump_unsupportedProgramDoesNotBlockItsNeighbour() {
        assertEquals(0, cli.run("dump", CliRun.fixture("unsupported_mix"), "--xlated"), cli.err());
        assertTrue(cli.out().startsWith("int tc_count(struct __sk_buff * skb):\n"), cli.out());
        assertEquals(
                "ebpf-jvm dump: " + CliRun.fixture("unsupported_mix") + ": skipped program 'xdp_strip' (section"
                        + " 'xdp'): xdp programs are not supported (ebpf-jvm runs tc and tcx programs)\n",
                cli.err());
        cli.reset();
        assertEquals(1, cli.run("dump", CliRun.fixture("unsupported_mix"), "--program", "xdp_strip", "--xlated"));
        assertEquals(
                "ebpf-jvm dump: " + CliRun.fixture("unsupported_mix") + ": program 'xdp_strip' (section 'xdp'):"
                        + " xdp programs are not supported (ebpf-jvm runs tc and tcx programs)\n",
                cli.err());
    }

    @Test
    void dump_jitedInterleavesInstructionsAndBytecode() {
        assertEquals(0, cli.run("dump", CliRun.fixture("bpf2bpf"), "--section", "tc", "--jited"), cli.err());
        String text = cli.out();
        assertTrue(text.contains(
                "final class dev/ebpfjvm/jit/classgen/BpfProgram implements dev/ebpfjvm/core/exec/Executable"));
        assertTrue(text.contains("  ; 0: r6 = r1\n"), text);
        assertTrue(text.contains("private static f1(Ldev/ebpfjvm/core/exec/ProgramContext;JJJJJI)J"), text);
    }

    @Test
    void dump_assemblerFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.asm");
        Files.writeString(file, "mov %r0, 7\nexit\n");
        assertEquals(0, cli.run("dump", "--asm", file.toString(), "--xlated"));
        assertEquals(List.of("   0: (b7) r0 = 7", "   1: (95) exit"), cli.outLines());
        cli.reset();
        assertEquals(0, cli.run("dump", "--asm", file.toString(), "--jited"));
        // the entry is a budget point: its check comes before the instruction's code
        assertTrue(
                cli.out()
                        .contains("  ; 0: r0 = 7\n    ALOAD 0\n    ICONST_0\n"
                                + "    INVOKEVIRTUAL dev/ebpfjvm/core/exec/ProgramContext.spend (I)V\n    BIPUSH 7\n"),
                cli.out());
    }

    @Test
    void dump_conformanceTestFileDirectly(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(
                dir.resolve("t.data"), "# a comment\n-- asm\nmov32 %r0, 1\nadd %r0, 2 # three\nexit\n-- result\n0x3\n");
        assertEquals(0, cli.run("dump", "--asm", file.toString(), "--xlated"), cli.err());
        assertEquals(List.of("   0: (b4) w0 = 1", "   1: (07) r0 += 2", "   2: (95) exit"), cli.outLines());
        cli.reset();
        assertEquals(
                0,
                cli.run(
                        "dump",
                        "--asm",
                        TestPaths.conformance().resolve("lddw.data").toString(),
                        "--xlated"),
                cli.err());
        assertTrue(cli.outLines().get(0).matches("   0: \\(18\\) r0 = 0x[0-9a-f]+"), cli.out());
    }

    @Test
    void dump_elfGivenAsAssemblerIsOneLine() {
        assertEquals(1, cli.run("dump", "--asm", CliRun.fixture("bpf2bpf"), "--xlated"));
        assertEquals(
                "ebpf-jvm dump: " + CliRun.fixture("bpf2bpf") + ": an ELF object, not assembler text\n", cli.err());
    }

    @Test
    void dump_badAssemblerNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.asm"), "mov %r0, 1\nfrob %r1\nexit\n");
        assertEquals(1, cli.run("dump", "--asm", file.toString(), "--xlated"));
        assertTrue(cli.err().startsWith("ebpf-jvm dump: " + file + ": line 2: "), cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
    }

    @Test
    void dump_unknownSelectionFailsListingWhatThereIs() {
        assertEquals(1, cli.run("dump", CliRun.fixture("bpf2bpf"), "--section", "nope", "--jited"));
        assertEquals(
                "ebpf-jvm dump: " + CliRun.fixture("bpf2bpf") + ": no program in section 'nope' (sections: tc,"
                        + " tc/egress)\n",
                cli.err());
        cli.reset();
        assertEquals(1, cli.run("dump", CliRun.fixture("bpf2bpf"), "--program", "nope", "--xlated"));
        assertEquals(
                "ebpf-jvm dump: " + CliRun.fixture("bpf2bpf") + ": no program 'nope' (programs: flow_hash,"
                        + " port_hash)\n",
                cli.err());
    }

    @Test
    void dump_wrongArgumentsAreUsageErrors() {
        String obj = CliRun.fixture("bpf2bpf");
        for (String[] args : List.of(
                new String[] {obj, "--section", "tc"},
                new String[] {obj, "--jited", "--xlated"},
                new String[] {obj, "--section", "tc", "--program", "flow_hash", "--xlated"},
                new String[] {obj, "--jited", "--linum"},
                new String[] {"--xlated"},
                new String[] {obj, "--asm", obj, "--xlated"},
                new String[] {"--asm", obj, "--section", "tc", "--xlated"})) {
            cli.reset();
            String[] all = new String[args.length + 1];
            all[0] = "dump";
            System.arraycopy(args, 0, all, 1, args.length);
            assertEquals(2, cli.run(all), String.join(" ", args) + ": " + cli.err());
            assertTrue(cli.err().contains("Usage: ebpf-jvm dump"), cli.err());
        }
    }

    /** Map ids count up in the JVM, as in a kernel: two loads differ in them only. */
    private static String withoutMapIds(String listing) {
        return listing.replaceAll("map\\[id:\\d+\\]", "map[id:N]");
    }
}
