package dev.ebpfjvm.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.maps.MapException;
import dev.ebpfjvm.core.runtime.BpfRuntime;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13: a few bytes of ELF that declare gigabytes of map. A {@code .bss} of 2^31 − 1 bytes
 * (whose value size overflowed the rounding to 8) and a map of 2^31 entries fail to load with
 * {@code ENOMEM} from the runtime's memory budget, as {@code bpf_map_area_alloc()} fails in the
 * kernel: quickly, allocating nothing, with nothing left charged; the same runtime loads the intact
 * object afterwards. The kernel (6.18, bpftool on this machine) creates such an array when memory
 * is there, so the errno is the allocation's, not E2BIG.
 */
class HugeMapsTest {
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private static void failsWithEnomem(byte[] object, String map, String fixture) {
        ObjectSpec spec = ObjectReader.read(object);
        try (BpfRuntime runtime = BpfRuntime.builder().memoryLimit(1L << 40).build()) {
            MapException e = assertTimeoutPreemptively(
                    QUICKLY, () -> assertThrows(MapException.class, () -> runtime.load(spec)));
            assertEquals(Errno.ENOMEM, e.errno(), e.getMessage());
            assertTrue(e.getMessage().contains(map), e.getMessage());
            assertEquals(0, runtime.memoryCharged(), "nothing stays charged");
            runtime.load(ObjectReader.read(Fixtures.bytes(fixture))).close();
            assertEquals(0, runtime.memoryCharged());
        }
        try (BpfRuntime runtime = BpfRuntime.create()) {
            MapException e = assertThrows(MapException.class, () -> runtime.load(spec));
            assertEquals(Errno.ENOMEM, e.errno(), e.getMessage());
            assertEquals(0, runtime.memoryCharged());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE, Integer.MAX_VALUE - 7, Integer.MAX_VALUE - 8})
    void bssOfGigabytes_failsToLoadWithEnomem(long size) {
        Patch p = new Patch("loops");
        p.put(p.sectionField(".bss", 32), 8, size);
        failsWithEnomem(p.bytes, ".bss", "loops");
    }

    @org.junit.jupiter.api.Test
    void bssOfGigabytes_withAGlobalSet_failsWithEnomem() {
        Patch p = new Patch("loops");
        p.put(p.sectionField(".bss", 32), 8, Integer.MAX_VALUE);
        ObjectSpec spec = ObjectReader.read(p.bytes);
        MapException e = assertThrows(MapException.class, () -> spec.withGlobal("last_mss", new byte[] {1, 0}));
        assertEquals(Errno.ENOMEM, e.errno(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {1L << 31, 0xffff_fff8L, Long.MAX_VALUE})
    void bssAboveIntMax_isMalformedAtRead(long size) {
        Patch p = new Patch("loops");
        p.put(p.sectionField(".bss", 32), 8, size);
        MalformedObjectException e = assertThrows(MalformedObjectException.class, () -> ObjectReader.read(p.bytes));
        assertEquals(".bss", e.section(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {1L << 31, (1L << 31) - 1, 0xffff_ffffL})
    void arrayOfBillionsOfEntries_failsToLoadWithEnomem(long entries) {
        Patch p = new Patch("legacy_maps");
        p.put(p.contents("maps", 12), 4, entries); // legacy_counts: struct bpf_map_def.max_entries
        ObjectSpec spec = ObjectReader.read(p.bytes);
        if (entries > 1L << 31) {
            // still an array: array_map_alloc_check() has no limit on max_entries; the memory has
            try (BpfRuntime runtime = BpfRuntime.create()) {
                MapException e = assertThrows(MapException.class, () -> runtime.load(spec));
                assertEquals(Errno.ENOMEM, e.errno(), e.getMessage());
                assertEquals(0, runtime.memoryCharged());
            }
            return;
        }
        failsWithEnomem(p.bytes, "legacy_counts", "legacy_maps");
    }
}
