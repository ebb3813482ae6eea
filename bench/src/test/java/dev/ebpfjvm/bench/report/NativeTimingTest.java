package dev.ebpfjvm.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NativeTimingTest {
    @Test
    void parse_readsTheTimingTableOnly() {
        String md = "# title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                + "| program | what | executed insns/run | uBPF interpreter | uBPF x86-64 JIT | Linux 6.18 JIT |\n"
                + "|---|---|---|---|---|---|\n"
                + "| empty | `r0 = 0; exit` | 2 | 47 | 9 | 33 |\n"
                + "| alu64_loop | loop | 11,006 | 184,566 | 1,886 | 1,670 |\n"
                + "| broken | x | n/a | 1 | 2 | 3 |\n\ntext after\n";
        assertEquals(
                List.of(
                        new NativeTiming("empty", 2, 47, 9, 33),
                        new NativeTiming("alu64_loop", 11_006, 184_566, 1_886, 1_670)),
                NativeTiming.parse(md));
    }

    @Test
    void parse_benchReadme_hasTheSevenMicroPrograms() throws IOException {
        Path readme = TestPaths.bench().resolve("README.md");
        List<NativeTiming> timings = NativeTiming.parse(Files.readString(readme));
        assertEquals(
                List.of("empty", "alu64_loop", "mem_rw_1k", "csum_1500", "calls", "div_loop", "straight_line"),
                timings.stream().map(NativeTiming::program).collect(Collectors.toList()));
    }
}
