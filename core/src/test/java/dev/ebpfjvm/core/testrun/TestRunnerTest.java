package dev.ebpfjvm.core.testrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.elf.Fixtures;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.skb.SkBuffField;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What TestRunner adds around a run: the trace sink sees one run per case, unsupported programs are named. */
class TestRunnerTest {
    /** Ethernet, IPv4 10.0.0.1 → 10.0.0.2 UDP, 46 bytes. */
    private static final byte[] FRAME = HexFormat.of()
            .parseHex("000000000000" + "020000000001" + "0800" + "45000020" + "00010000" + "401166ca" + "0a000001"
                    + "0a000002" + "03e80035" + "000c" + "e3b0" + "01020304");

    private static TestCase testCase(String prog) {
        return new TestCase("c", prog, FRAME, new byte[SkBuffField.STRUCT_SIZE], Map.of(), List.of());
    }

    private static TestRunner runner(String fixture, List<String> trace) {
        Environment env = new Environment(() -> 1, () -> 2, new Random(1), trace::add, 1);
        return new TestRunner(Fixtures.spec(fixture), Engines.byName("interpreter"), env);
    }

    @Test
    void run_traceReachesTheSinkOncePerCaseWhateverTheRepeatCount() {
        List<String> trace = new ArrayList<>();
        Map<String, Object> result = runner("skb_misc", trace).run(testCase("strings"), 50);
        assertEquals(0L, result.get("retval"));
        assertTrue(result.containsKey("duration_ns"));
        assertEquals(List.of("x=46"), trace);
    }

    @Test
    void run_unsupportedProgramIsNamedWithItsReason() {
        TestCaseException e = assertThrows(
                TestCaseException.class,
                () -> runner("unsupported_mix", new ArrayList<>()).run(testCase("xdp_strip"), 0));
        assertEquals(
                "c: program 'xdp_strip' cannot run: xdp programs are not supported (ebpf-jvm runs tc and tcx"
                        + " programs)",
                e.getMessage());
        TestCaseException bySection = assertThrows(
                TestCaseException.class,
                () -> runner("unsupported_mix", new ArrayList<>()).run(testCase("xdp"), 0));
        assertTrue(
                bySection.getMessage().startsWith("c: program 'xdp_strip' cannot run: xdp programs"),
                bySection.getMessage());
    }

    @Test
    void run_supportedNeighbourOfAnUnsupportedProgramRuns() {
        Map<String, Object> result =
                runner("unsupported_mix", new ArrayList<>()).run(testCase("tc_count"), 0);
        assertEquals(0L, result.get("retval"));
        assertEquals(46L, ((Map<?, ?>) result.get("ctx_out")).get("mark"));
    }
}
