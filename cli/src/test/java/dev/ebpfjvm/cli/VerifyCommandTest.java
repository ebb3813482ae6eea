package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code verify}: a verdict per program, the kernel-style log of a rejection, exit 0 or 1. */
class VerifyCommandTest {
    @Test
    void everyProgramAccepted_exitsZero_withTheStatisticsLine() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("verify", CliRun.fixture("nat44")), cli.err());
        List<String> lines = cli.outLines();
        assertEquals(2, lines.size(), cli.out());
        assertTrue(
                lines.get(0)
                        .matches("nat44: accepted \\(processed \\d+ insns \\(limit 1000000\\) max_states_per_insn \\d+"
                                + " total_states \\d+ peak_states \\d+ mark_read \\d+\\)"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("snat44: accepted (processed 7 insns"), lines.get(1));
    }

    @Test
    void aRejection_exitsOne_withTheKernelsWordsAndTheLog() {
        CliRun cli = new CliRun();
        assertEquals(1, cli.run("verify", CliRun.fixture("forge")), cli.err());
        String out = cli.out();
        assertTrue(out.contains("forge_write: rejected: R1 invalid mem access 'scalar'\n"), out);
        assertTrue(out.contains("forge_lookup: rejected: R1 type=scalar expected=map_ptr\n"), out);
        assertTrue(out.contains("  processed 4 insns (limit 1000000)"), out);
        assertTrue(out.contains("count_own: accepted (processed "), out);
        assertEquals("", cli.err());
    }

    @Test
    void oneProgram_atLogLevelTwo_printsEveryInstruction() {
        CliRun cli = new CliRun();
        assertEquals(
                0, cli.run("verify", CliRun.fixture("forge"), "--program", "count_own", "--log-level", "2"), cli.err());
        List<String> lines = cli.outLines();
        assertTrue(lines.get(0).startsWith("count_own: accepted"), lines.get(0));
        assertTrue(lines.size() > 10, cli.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("  processed "), cli.out());
    }

    @Test
    void unsupportedPrograms_areNamedNotVerified() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("verify", CliRun.fixture("unsupported_mix")), cli.err());
        assertTrue(cli.out().contains("xdp_strip: not verified: xdp programs are not supported"), cli.out());
        assertTrue(cli.out().contains("tc_count: accepted"), cli.out());
    }
}
