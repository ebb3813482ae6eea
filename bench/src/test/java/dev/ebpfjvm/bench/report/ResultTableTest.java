package dev.ebpfjvm.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    private static final String CSV = String.join(
            "\n",
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\",\"Param: engine\",\"Param: program\"",
            "\"dev.ebpfjvm.bench.EngineBench.run\",\"avgt\",1,5,30000.000000,1500.000000,\"ns/op\",interpreter,alu64_loop",
            "\"dev.ebpfjvm.bench.EngineBench.run\",\"avgt\",1,5,2000.000000,100.000000,\"ns/op\",jit,alu64_loop",
            "\"dev.ebpfjvm.bench.EngineBench.run\",\"avgt\",1,5,0.100000,0.010000,\"us/op\",jit,parse_tcp",
            "\"dev.ebpfjvm.bench.EngineBench.run\",\"avgt\",1,1,4.250000,NaN,\"ns/op\",jit,empty",
            "");

    @Test
    void parseCsv_readsScoresUnitsAndParams() {
        List<JmhRow> rows = JmhRow.parseCsv(CSV);
        assertEquals(4, rows.size());
        assertEquals(
                new JmhRow(
                        "dev.ebpfjvm.bench.EngineBench.run",
                        0.1,
                        0.01,
                        "us/op",
                        Map.of("engine", "jit", "program", "parse_tcp")),
                rows.get(2));
        assertEquals(100, rows.get(2).nanos(), 1e-9);
        assertTrue(Double.isNaN(rows.get(3).error()));
    }

    @Test
    void parseCsv_rejectsAHeaderWithoutScores() {
        assertThrows(IllegalArgumentException.class, () -> JmhRow.parseCsv("\"Benchmark\",\"Mode\"\nx,y\n"));
    }

    @Test
    void format_putsMicroProgramsBesideNativeTimings() {
        String table = ResultTable.format(
                JmhRow.parseCsv(CSV),
                List.of(
                        new NativeTiming("alu64_loop", 11_006, 184_566, 1_886, 1_670),
                        new NativeTiming("empty", 2, 47, 9, 33)));
        assertTrue(table.contains("| empty | — | 4.3 | — | 47 | 9.0 | 33 | 0.5× | 0.1× |\n"), table);
        assertTrue(
                table.contains(
                        "| alu64_loop | 30,000 ± 1,500 | 2,000 ± 100 | 15.0× | 184,566 | 1,886 | 1,670 | 1.1× | 1.2× |\n"),
                table);
        assertTrue(table.contains("| parse_tcp | asm | — | 100 ± 10 | — |\n"), table);
        assertTrue(table.indexOf("| empty |") < table.indexOf("| alu64_loop |"), "workload order: " + table);
    }
}
