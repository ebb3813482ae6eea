package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ebpf-jvm object} through {@link Main#run}, on the fixtures of testdata/. */
class ObjectCommandTest {
    private final CliRun cli = new CliRun();

    @Test
    void object_listsProgramsMapsAndSlots() {
        assertEquals(0, cli.run("object", CliRun.fixture("tail_calls")), cli.err());
        assertEquals(
                List.of(
                        "object tail_calls.o: license \"GPL\", 50 BTF types",
                        "programs (4):",
                        "  SECTION  NAME         TYPE       ATTACH       INSNS",
                        "  tc       handle_icmp  sched_cls  unspecified  14",
                        "  tc       handle_tcp   sched_cls  unspecified  15",
                        "  tc       handle_udp   sched_cls  unspecified  48",
                        "  tc       dispatch     sched_cls  unspecified  51",
                        "maps (2):",
                        "  NAME       TYPE        KEY  VALUE  MAX_ENTRIES  FLAGS",
                        "  jmp_table  prog_array  4    4      32           0x0    slots 1=handle_icmp 6=handle_tcp 17=handle_udp",
                        "  tail_hits  array       4    8      4            0x0",
                        "globals (0):"),
                cli.outLines());
    }

    @Test
    void object_listsGlobalsWithTheirTypes() {
        assertEquals(0, cli.run("object", CliRun.fixture("globals")));
        List<String> lines = cli.outLines();
        assertTrue(lines.contains("globals (8):"), lines.toString());
        assertTrue(
                lines.contains("  watched_port      .rodata      0       2     const volatile __u16"),
                lines.toString());
        assertTrue(lines.contains("  bytes_by_proto    .data.stats  0       32    __u64[4]"), lines.toString());
        assertTrue(lines.contains("  .rodata         array  4    9      1            0x80"), lines.toString());
    }

    @Test
    void object_marksUnsupportedProgramsWithTheReasonAndSubprograms() {
        assertEquals(0, cli.run("object", CliRun.fixture("sections")));
        assertEquals(
                5,
                cli.outLines().stream()
                        .filter(l -> l.contains("  unsupported: "))
                        .count());
        assertTrue(
                cli.outLines()
                        .contains(
                                "  xdp                                   sec_xdp          xdp            xdp"
                                        + "                  2      unsupported: xdp programs are not supported (ebpf-jvm runs tc and tcx programs)"),
                cli.out());
        cli.reset();
        assertEquals(0, cli.run("object", CliRun.fixture("unsupported_mix")));
        assertEquals(
                List.of(
                        "object unsupported_mix.o: license \"GPL\", 36 BTF types",
                        "programs (2):",
                        "  SECTION  NAME       TYPE       ATTACH       INSNS",
                        "  xdp      xdp_strip  xdp        xdp          25     unsupported: xdp programs are not supported"
                                + " (ebpf-jvm runs tc and tcx programs)",
                        "  tc       tc_count   sched_cls  unspecified  14",
                        "maps (1):",
                        "  NAME  TYPE   KEY  VALUE  MAX_ENTRIES  FLAGS",
                        "  hits  array  4    8      2            0x0",
                        "globals (0):"),
                cli.outLines());
        cli.reset();
        assertEquals(0, cli.run("object", CliRun.fixture("bpf2bpf")));
        assertTrue(cli.outLines().contains("  tc         flow_hash  sched_cls  unspecified  76+32 (4 subprograms)"));
    }

    @Test
    void object_rejectedObjectExitsOneNamingTheFile() {
        assertEquals(1, cli.run("object", CliRun.fixture("invalid_kfunc")));
        assertTrue(cli.err().startsWith("ebpf-jvm object: " + CliRun.fixture("invalid_kfunc") + ": "), cli.err());
        assertTrue(cli.err().contains("'bpf_rcu_read_lock' is an extern"), cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
    }

    @Test
    void object_missingFileExitsOne() {
        assertEquals(1, cli.run("object", CliRun.fixture("nope")));
        assertEquals("ebpf-jvm object: " + CliRun.fixture("nope") + ": no such file\n", cli.err());
    }

    @Test
    void object_usageErrors() {
        assertEquals(2, cli.run("object"));
        assertEquals(2, cli.run("object", CliRun.fixture("tail_calls"), CliRun.fixture("globals")));
        assertEquals(2, cli.run("object", "--bogus", CliRun.fixture("tail_calls")));
    }
}
