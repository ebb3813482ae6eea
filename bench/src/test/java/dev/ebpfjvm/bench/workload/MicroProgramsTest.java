package dev.ebpfjvm.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar's copies of ../shared/bench's micro programs are exactly the shared files, and every
 * shared program is a workload, so our figures stand next to the native ones for the same code.
 */
class MicroProgramsTest {
    @Test
    void copies_matchSharedPrograms() throws IOException {
        Path dir = sharedBench();
        for (Workload w : Workloads.all()) {
            if (w.origin().equals("micro")) {
                AsmWorkload micro = (AsmWorkload) w;
                assertEquals(Files.readString(dir.resolve(w.name() + ".asm")), micro.source(), w.name());
            }
        }
    }

    @Test
    void everySharedProgram_isAMicroWorkload() throws IOException {
        List<String> shared;
        try (Stream<Path> files = Files.list(sharedBench())) {
            shared = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".asm"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().collect(Collectors.toList());
        }
        List<String> micro = Workloads.all().stream().filter(w -> w.origin().equals("micro")).map(Workload::name)
                .sorted().collect(Collectors.toList());
        assertEquals(shared, micro);
    }

    @Test
    void memSize_isTheHeaders() {
        assertEquals(1500, ((AsmWorkload) Workloads.byName("csum_1500")).memSize());
        assertEquals(1024, ((AsmWorkload) Workloads.byName("mem_rw_1k")).memSize());
        assertEquals(64, ((AsmWorkload) Workloads.byName("empty")).memSize());
    }

    private static Path sharedBench() {
        Optional<Path> dir = TestPaths.shared().map(s -> s.resolve("bench")).filter(Files::isDirectory);
        assumeTrue(dir.isPresent(), "../shared/bench is absent");
        return dir.get();
    }
}
