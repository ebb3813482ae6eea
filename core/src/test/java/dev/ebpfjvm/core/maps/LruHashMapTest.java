package dev.ebpfjvm.core.maps;

import static dev.ebpfjvm.core.maps.BpfMap.u64;
import static dev.ebpfjvm.core.maps.MapFixtures.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LRU eviction, ported from the kernel's selftest tools/testing/selftests/bpf/test_lru_map.c
 * (test_lru_sanity0–8): the same scenarios, sizes and expected survivors, for LRU_HASH and
 * LRU_PERCPU_HASH with the common LRU and with {@code BPF_F_NO_COMMON_LRU}, on 2 CPUs. User-space
 * operations run as CPU 0 (the selftests pin themselves to the first CPU); "lookup with ref bit"
 * is a lookup from a program, which sets the reference bit, while user-space lookups do not.
 */
class LruHashMapTest {
    private static final int CPUS = 2;
    private static final int LOCAL_FREE_TARGET = 128;
    private static final int PERCPU_FREE_TARGET = 4;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(MapType.LRU_HASH, 0),
                Arguments.of(MapType.LRU_PERCPU_HASH, 0),
                Arguments.of(MapType.LRU_HASH, MapSpec.F_NO_COMMON_LRU),
                Arguments.of(MapType.LRU_PERCPU_HASH, MapSpec.F_NO_COMMON_LRU));
    }

    /** The variants with the common LRU list (the selftests' "common LRU" cases). */
    static Stream<Arguments> commonVariants() {
        return variants().filter(a -> common((Integer) a.get()[1]));
    }

    /** The variants with per-CPU LRU lists (BPF_F_NO_COMMON_LRU). */
    static Stream<Arguments> perCpuListVariants() {
        return variants().filter(a -> !common((Integer) a.get()[1]));
    }

    private static boolean common(int flags) {
        return (flags & MapSpec.F_NO_COMMON_LRU) == 0;
    }

    private static int targetFree(int flags) {
        return common(flags) ? LOCAL_FREE_TARGET : PERCPU_FREE_TARGET;
    }

    private static BpfMap create(MapType type, int flags, int size) {
        return TestRegions.map(MapFixtures.spec(type, 8, 8, size, flags), CPUS);
    }

    /** {@return a user-space value holding v (in every CPU's slot of a per-CPU map)} */
    private static byte[] value(BpfMap map, long v) {
        byte[] b = new byte[map.userValueSize()];
        for (int off = 0; off < b.length; off += 8) {
            LittleEndian.putU64(b, off, v);
        }
        return b;
    }

    /** The selftests' bpf_map_lookup_elem_with_ref_bit(): a lookup from a program on CPU 0. */
    private static long lookupWithRefBit(BpfMap map, long key) {
        ProgramContext ctx = MapFixtures.context(CPUS, 0);
        long address = map.lookupFromProgram(ctx, u64(key), 0);
        assertNotEquals(0, address, "key " + key + " present");
        return ctx.memory().load(address, 8);
    }

    private static Set<Long> keys(BpfMap map) {
        Set<Long> keys = new TreeSet<>();
        for (byte[] k : map.keys()) {
            keys.add(LittleEndian.getU64(k, 0));
        }
        return keys;
    }

    private static void insertAll(BpfMap map, long from, long to, Set<Long> expected) {
        for (long key = from; key < to; key++) {
            map.update(u64(key), value(map, 1234), BpfMap.NOEXIST);
            if (expected != null) {
                expected.add(key);
            }
        }
    }

    /** Looks up keys [from, to) from a program, setting their reference bits, and expects them to survive. */
    private static void referenceAll(BpfMap map, long from, long to, Set<Long> expected) {
        for (long key = from; key < to; key++) {
            lookupWithRefBit(map, key);
            expected.add(key);
        }
    }

    /** Size 2: add 1 and 2, look 1 up, add 3: 2 is evicted. */
    @ParameterizedTest(name = "{0} flags {1}")
    @MethodSource("variants")
    void sanity0_unreferencedElementIsEvicted(MapType type, int flags) {
        try (BpfMap map = create(type, flags, common(flags) ? 2 : 2 * CPUS)) {
            map.update(u64(1), value(map, 1234), BpfMap.NOEXIST);
            assertErrno(Errno.EEXIST, () -> map.update(u64(1), value(map, 1234), BpfMap.NOEXIST));
            assertErrno(Errno.EINVAL, () -> map.update(u64(1), value(map, 1234), -1));
            assertNull(map.lookup(u64(2)));
            assertErrno(Errno.ENOENT, () -> map.update(u64(2), value(map, 1234), BpfMap.EXIST));
            map.update(u64(2), value(map, 1234), BpfMap.NOEXIST);
            assertNull(map.lookup(u64(3)));
            assertEquals(1234, lookupWithRefBit(map, 1));
            map.update(u64(3), value(map, 1234), BpfMap.NOEXIST);
            assertNull(map.lookup(u64(2)), "key 2 was evicted");
            assertEquals(1234, LittleEndian.getU64(map.lookup(u64(1)), 0));
            map.delete(u64(1));
            assertEquals(Set.of(3L), keys(map));
        }
    }

    /** Size 1.5 × target: insert target keys, reference half, insert target more: the unreferenced half goes. */
    @ParameterizedTest(name = "{0} flags {1}")
    @MethodSource("commonVariants")
    void sanity1_refillEvictsUnreferencedBatch(MapType type, int flags) {
        int tgt = targetFree(flags);
        int batch = tgt / 2;
        Set<Long> expected = new TreeSet<>();
        try (BpfMap map = create(type, flags, tgt + batch)) {
            insertAll(map, 1, 1 + tgt, null);
            referenceAll(map, 1, 1 + batch, expected);
            insertAll(map, 1 + tgt, 1 + 2L * tgt, expected);
            assertEquals(expected, keys(map));
        }
    }

    /** An update of an existing key first takes a node, which evicts the oldest half, the key among them. */
    @ParameterizedTest(name = "{0} flags {1}")
    @MethodSource("commonVariants")
    void sanity2_updateEvictsBeforeLookingTheKeyUp(MapType type, int flags) {
        int tgt = targetFree(flags);
        int batch = tgt / 2;
        Set<Long> expected = new TreeSet<>();
        try (BpfMap map = create(type, flags, tgt + batch)) {
            insertAll(map, 1, 1 + tgt, null);
            if (type == MapType.LRU_PERCPU_HASH) {
                map.update(u64(1), value(map, 1234), BpfMap.NOEXIST);
                map.delete(u64(1));
            } else {
                assertThrows(MapException.class, () -> map.update(u64(1), value(map, 1234), BpfMap.EXIST));
            }
            for (long key = 1; key < 1 + batch; key++) {
                assertNull(map.lookup(u64(key)));
                map.update(u64(key), value(map, 4321), BpfMap.NOEXIST);
                assertEquals(4321, lookupWithRefBit(map, key));
                expected.add(key);
            }
            insertAll(map, 1 + tgt, 1 + tgt + batch, null);
            insertAll(map, 1 + tgt + batch, 1 + 2L * tgt + batch, expected);
            assertEquals(expected, keys(map));
        }
    }

    /** Size 2 × target: active/inactive rotation keeps the referenced keys. */
    @ParameterizedTest(name = "{0} flags {1}")
    @MethodSource("commonVariants")
    void sanity3_rotationKeepsReferencedKeys(MapType type, int flags) {
        int tgt = targetFree(flags);
        int batch = tgt / 2;
        Set<Long> expected = new TreeSet<>();
        try (BpfMap map = create(type, flags, 2 * tgt)) {
            insertAll(map, 1, 1 + 2L * tgt, null);
            referenceAll(map, 1, tgt + batch, expected);
            insertAll(map, 2L * tgt + 1, 2L * tgt + 1 + batch, expected);
            assertEquals(expected, keys(map));
        }
    }

    /** Deleted elements free their nodes for new ones without evicting others. */
    @ParameterizedTest(name = "{0} flags {1}")
    @MethodSource("variants")
    void sanity4_deletion(MapType type, int flags) {
        int tgt = targetFree(flags);
        Set<Long> expected = new TreeSet<>();
        try (BpfMap map = create(type, flags, common(flags) ? 3 * tgt : 3 * tgt * CPUS)) {
            insertAll(map, 1, 1 + 2L * tgt, null);
            assertErrno(Errno.EEXIST, () -> map.update(u64(1), value(map, 1234), BpfMap.NOEXIST));
            referenceAll(map, 1, tgt + 1, expected);
            long key = tgt + 1;
            for (; key <= 2L * tgt; key++) {
                assertEquals(true, map.delete(u64(key)));
                assertEquals(false, map.delete(u64(key)));
            }
            insertAll(map, key, key + 2L * tgt, expected);
            assertEquals(expected, keys(map));
        }
    }

    /** A one-element map updated from each CPU in turn: every new key evicts the previous one, stealing across CPUs. */
    @ParameterizedTest(name = "{0} flags {1}")
    @MethodSource("commonVariants")
    void sanity5_singleElementAcrossCpus(MapType type, int flags) {
        try (BpfMap map = create(type, flags, 1)) {
            map.update(u64(0), value(map, 1234), BpfMap.NOEXIST);
            long key = 0;
            for (int cpu = 0; cpu < CPUS; cpu++, key++) {
                ProgramContext ctx = MapFixtures.context(CPUS, cpu);
                assertNotEquals(0, map.lookupFromProgram(ctx, u64(key), 0));
                assertEquals(0, map.updateFromProgram(ctx, u64(key + 1), 0, u64(1234), 0, BpfMap.NOEXIST));
                assertNotEquals(0, map.lookupFromProgram(ctx, u64(key + 1), 0));
                assertNull(map.lookup(u64(key)), "key " + key + " evicted on CPU " + cpu);
            }
        }
    }

    /** Per-CPU LRU: keys whose reference bit is kept set survive rotation; the others go. */
    @ParameterizedTest(name = "{0} flags {1}")
    @MethodSource("perCpuListVariants")
    void sanity6_perCpuListRotation(MapType type, int flags) {
        int tgt = targetFree(flags);
        Set<Long> expected = new TreeSet<>();
        try (BpfMap map = create(type, flags, 2 * tgt * CPUS)) {
            insertAll(map, 1, 1 + tgt, expected);
            long key = tgt + 1;
            for (; key <= 2L * tgt; key++) {
                for (long stable = 1; stable <= tgt; stable++) {
                    lookupWithRefBit(map, stable);
                }
                map.update(u64(key), value(map, 1234), BpfMap.NOEXIST);
            }
            insertAll(map, key, 3L * tgt + 1, expected);
            assertEquals(expected, keys(map));
        }
    }

    /** A lookup from user space does not protect an element; one from a program does (sanity7 and sanity8). */
    @ParameterizedTest(name = "{0} flags {1}")
    @MethodSource("variants")
    void sanity7and8_onlyProgramLookupsSetTheReferenceBit(MapType type, int flags) {
        for (long referenced : new long[] {1, 2}) {
            long other = 3 - referenced;
            try (BpfMap map = create(type, flags, common(flags) ? 2 : 2 * CPUS)) {
                map.update(u64(1), value(map, 1234), BpfMap.NOEXIST);
                map.update(u64(2), value(map, 1234), BpfMap.NOEXIST);
                assertEquals(1234, lookupWithRefBit(map, referenced));
                assertEquals(1234, LittleEndian.getU64(map.lookup(u64(other)), 0));
                map.update(u64(3), value(map, 1234), BpfMap.NOEXIST);
                assertNull(map.lookup(u64(other)), "key " + other + " evicted");
                assertEquals(new TreeSet<>(Set.of(referenced, 3L)), keys(map));
            }
        }
    }
}
