package dev.ebpfjvm.core.testrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.memory.RegionTable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: dumping a map as large as the runtime's budget allows neither dies nor formats what it
 * need not: a mostly empty array of millions of entries dumps its few non-zero ones, and a map whose
 * contents pass {@link MapDump#MAX_DUMP_BYTES} is a {@link TestCaseException} naming it.
 */
class MapDumpHugeTest {
    private final RegionTable regions = new RegionTable(1L << 30);

    @Test
    void arrayOfMillionsOfEntries_dumpsOnlyItsNonZeroOnes() {
        try (BpfMap map = BpfMap.create(MapSpec.of("big", MapType.ARRAY, 4, 8, 1 << 22, 0), 1, regions)) {
            map.update(BpfMap.u32(1 << 21), BpfMap.u64(7));
            Map<String, Object> dump =
                    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> MapDump.dump(map, null, List.of()));
            assertEquals(List.of(Map.of("key", "00002000", "value", "0700000000000000")), dump.get("entries"));
        }
    }

    @Test
    void globalDataOverTheDumpLimit_isATestCaseError() {
        int size = (int) MapDump.MAX_DUMP_BYTES + 8;
        try (BpfMap map = BpfMap.create(MapSpec.of(".bss", MapType.ARRAY, 4, size, 1, 0), 1, regions)) {
            TestCaseException e = assertThrows(TestCaseException.class, () -> MapDump.dump(map, ".bss", List.of()));
            assertTrue(e.getMessage().contains("'.bss'"), e.getMessage());
        }
        assertEquals(0, regions.charged());
    }

    @Test
    void arrayWithMoreNonZeroBytesThanTheLimit_isATestCaseError() {
        int entries = (int) (MapDump.MAX_DUMP_BYTES / (4 + 4096)) + 2;
        try (BpfMap map = BpfMap.create(MapSpec.of("wide", MapType.ARRAY, 4, 4096, entries, 0), 1, regions)) {
            byte[] value = new byte[4096];
            value[0] = 1;
            for (int i = 0; i < entries; i++) {
                map.update(BpfMap.u32(i), value);
            }
            TestCaseException e = assertThrows(TestCaseException.class, () -> MapDump.dump(map, null, List.of()));
            assertTrue(e.getMessage().contains("'wide'"), e.getMessage());
        }
    }
}
