package dev.ebpfjvm.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar's copies of the micro programs are exactly the repository's testdata/bench files (the
 * pom copies them in), and every program there is a workload, so our figures stand next to the
 * native ones of testdata/bench/README.md for the same code.
 */
class MicroProgramsTest {
    @Test
    void copies_matchTestdataPrograms() throws IOException {
        Path dir = benchDir();
        for (Workload w : Workloads.all()) {
            if (w.origin().equals("micro")) {
                AsmWorkload micro = (AsmWorkload) w;
                assertEquals(Files.readString(dir.resolve(w.name() + ".asm")), micro.source(), w.name());
            }
        }
    }

    @Test
    void everyBenchProgram_isAMicroWorkload() throws IOException {
        List<String> shared;
        try (Stream<Path> files = Files.list(benchDir())) {
            shared = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".asm"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .collect(Collectors.toList());
        }
        List<String> micro = Workloads.all().stream()
                .filter(w -> w.origin().equals("micro"))
                .map(Workload::name)
                .sorted()
                .collect(Collectors.toList());
        assertEquals(shared, micro);
    }

    @Test
    void memSize_isTheHeaders() {
        assertEquals(1500, ((AsmWorkload) Workloads.byName("csum_1500")).memSize());
        assertEquals(1024, ((AsmWorkload) Workloads.byName("mem_rw_1k")).memSize());
        assertEquals(64, ((AsmWorkload) Workloads.byName("empty")).memSize());
    }

    private static Path benchDir() {
        return TestPaths.bench();
    }
}
