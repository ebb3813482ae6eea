package dev.ebpfjvm.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.memory.RegionTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13: map specs of gigabytes are typed errors before anything is allocated or stays charged.
 * The errnos are the kernel's, recorded with bpftool on 6.18: a hash map whose bucket count
 * (max_entries rounded up to a power of 2) passes U32_MAX / 16 is E2BIG (htab_map_alloc()), an
 * array of any size is created when memory is there (so ENOMEM here, from the budget), a per-CPU
 * value above 32 KiB is E2BIG (array_map_alloc_check(), round_up() on a u32).
 */
class HugeMapSpecTest {
    private static void fails(Errno errno, MapSpec spec) {
        RegionTable regions = new RegionTable(1L << 40);
        MapException e = assertThrows(MapException.class, () -> BpfMap.create(spec, 4, regions));
        assertEquals(errno, e.errno(), e.getMessage());
        assertEquals(0, regions.charged());
    }

    @ParameterizedTest
    @ValueSource(ints = {(1 << 27) + 1, 1 << 28, Integer.MIN_VALUE})
    void hashOfTooManyBuckets_isE2big(int entries) {
        fails(Errno.E2BIG, MapSpec.of("h", MapType.HASH, 4, 4, entries, MapSpec.F_NO_PREALLOC));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE, Integer.MAX_VALUE - 7, -1, -8})
    void perCpuValueOfGigabytes_isE2big(int valueSize) {
        fails(Errno.E2BIG, MapSpec.of("p", MapType.PERCPU_ARRAY, 4, valueSize, 1, 0));
        fails(Errno.E2BIG, MapSpec.of("p", MapType.PERCPU_HASH, 4, valueSize, 1, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE, Integer.MAX_VALUE - 7})
    void arrayValueOverAJavaArray_isEnomem(int valueSize) {
        fails(Errno.ENOMEM, MapSpec.of("a", MapType.ARRAY, 4, valueSize, 1, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1})
    void arrayOfBillionsOfEntries_isEnomem(int entries) {
        fails(Errno.ENOMEM, MapSpec.of("a", MapType.ARRAY, 4, 8, entries, 0));
    }
}
