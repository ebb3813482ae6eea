package dev.ebpfjvm.core.maps;

import static dev.ebpfjvm.core.maps.BpfMap.u32;
import static dev.ebpfjvm.core.maps.BpfMap.u64;
import static dev.ebpfjvm.core.maps.MapFixtures.assertErrno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HASH and PERCPU_HASH: kernel errors (recorded against Linux 6.18), slot semantics, per-CPU values. */
class HashMapTest {

    @ParameterizedTest(name = "flags 0x{0}")
    @ValueSource(ints = {0, MapSpec.F_NO_PREALLOC})
    void updateFlags_andFullMap_matchKernel(int flags) {
        try (BpfMap map = TestRegions.map(MapFixtures.spec(MapType.HASH, 4, 8, 2, flags), 2)) {
            assertErrno(Errno.ENOENT, () -> map.update(u32(1), u64(1), BpfMap.EXIST));
            map.update(u32(1), u64(1), BpfMap.NOEXIST);
            map.update(u32(2), u64(2), BpfMap.ANY);
            assertErrno(Errno.E2BIG, () -> map.update(u32(3), u64(3)));
            map.update(u32(2), u64(22), BpfMap.ANY);
            map.update(u32(2), u64(23), BpfMap.EXIST);
            assertErrno(Errno.EEXIST, () -> map.update(u32(2), u64(2), BpfMap.NOEXIST));
            assertErrno(Errno.EINVAL, () -> map.update(u32(2), u64(2), BpfMap.F_LOCK));
            assertErrno(Errno.EINVAL, () -> map.update(u32(7), u64(2), BpfMap.F_LOCK));
            assertErrno(Errno.EINVAL, () -> map.update(u32(7), u64(2), 5));
            assertEquals(OptionalLong.of(23), map.lookupLong(u32(2)));
            assertEquals(2, ((HashMap) map).size());
            assertFalse(map.delete(u32(7)), "ENOENT");
            assertTrue(map.delete(u32(1)));
            map.update(u32(3), u64(3));
            assertNull(map.lookup(u32(1)));
        }
    }

    @Test
    void programErrors_areNegativeErrnos() {
        try (BpfMap map = MapFixtures.create(MapType.HASH, 4, 8, 1)) {
            ProgramContext ctx = MapFixtures.context(2, 0);
            assertEquals(Errno.ENOENT.negative(), map.updateFromProgram(ctx, u32(1), 0, u64(1), 0, BpfMap.EXIST));
            assertEquals(0, map.updateFromProgram(ctx, u32(1), 0, u64(1), 0, BpfMap.ANY));
            assertEquals(Errno.E2BIG.negative(), map.updateFromProgram(ctx, u32(2), 0, u64(1), 0, BpfMap.ANY));
            assertEquals(Errno.EEXIST.negative(), map.updateFromProgram(ctx, u32(1), 0, u64(1), 0, BpfMap.NOEXIST));
            assertEquals(Errno.EINVAL.negative(), map.updateFromProgram(ctx, u32(1), 0, u64(1), 0, BpfMap.F_LOCK));
            assertEquals(Errno.ENOENT.negative(), map.deleteFromProgram(ctx, u32(2), 0));
            assertEquals(0, map.deleteFromProgram(ctx, u32(1), 0));
            assertEquals(0, map.lookupFromProgram(ctx, u32(1), 0));
        }
    }

    @Test
    void replacingAValue_movesItToAFreshSlot_asTheKernelsPreallocHashtab() {
        try (BpfMap map = MapFixtures.create(MapType.HASH, 4, 8, 4)) {
            ProgramContext ctx = MapFixtures.context(2, 0);
            map.update(u32(1), u64(100));
            long before = map.lookupFromProgram(ctx, u32(1), 0);
            assertEquals(
                    RegionKind.MAP_VALUE,
                    TestRegions.TABLE.get(Address.region(before)).kind());
            assertEquals(map, TestRegions.ownerAt(before, RegionKind.MAP_VALUE));
            map.update(u32(1), u64(200));
            long after = map.lookupFromProgram(ctx, u32(1), 0);
            assertNotEquals(before, after, "a replaced element gets a new slot");
            assertEquals(100, ctx.memory().load(before, 8), "a reader of the old element still sees the old value");
            assertEquals(200, ctx.memory().load(after, 8));
            ctx.memory().store(after, 8, 201);
            assertEquals(OptionalLong.of(201), map.lookupLong(u32(1)), "programs write values in place");
        }
    }

    @Test
    void deletedSlot_isReusedByTheNextElement() {
        try (BpfMap map = MapFixtures.create(MapType.HASH, 4, 8, 4)) {
            ProgramContext ctx = MapFixtures.context(2, 0);
            map.update(u32(1), u64(1));
            long address = map.lookupFromProgram(ctx, u32(1), 0);
            map.delete(u32(1));
            map.update(u32(2), u64(2));
            assertEquals(address, map.lookupFromProgram(ctx, u32(2), 0));
            assertEquals(
                    2, ctx.memory().load(address, 8), "a stale pointer reads the reusing element, as in the kernel");
        }
    }

    @Test
    void perCpuHash_updatesInPlace_andZeroesOtherCpusOfNewElements() {
        try (BpfMap map = TestRegions.map(MapFixtures.spec(MapType.PERCPU_HASH, 8, 4, 4, 0), 2)) {
            ProgramContext cpu1 = MapFixtures.context(2, 1);
            map.updatePerCpu(u64(9), new byte[][] {u32(1), u32(2)}, BpfMap.ANY);
            long address = map.lookupFromProgram(cpu1, u64(9), 0);
            assertEquals(2, cpu1.memory().load(address, 4));
            assertEquals(0, map.updateFromProgram(cpu1, u64(9), 0, u32(20), 0, BpfMap.EXIST));
            assertEquals(address, map.lookupFromProgram(cpu1, u64(9), 0), "per-CPU values are updated in place");
            assertArrayEquals(new byte[][] {u32(1), u32(20)}, map.lookupPerCpu(u64(9)));
            assertEquals(0, map.updateFromProgram(cpu1, u64(5), 0, u32(7), 0, BpfMap.NOEXIST));
            assertArrayEquals(new byte[][] {u32(0), u32(7)}, map.lookupPerCpu(u64(5)));
            assertEquals(16, map.lookup(u64(5)).length, "user space reads round_up(4, 8) per CPU");
        }
    }

    @Test
    void programOnCpuBeyondTheMap_faults() {
        try (BpfMap map = MapFixtures.create(MapType.PERCPU_HASH, 4, 8, 4)) {
            map.update(u32(0), new byte[16]);
            ProgramFaultException e = assertThrows(
                    ProgramFaultException.class, () -> map.lookupFromProgram(MapFixtures.context(3, 2), u32(0), 0));
            assertTrue(e.getMessage().contains("CPU 2"), e.getMessage());
        }
    }

    @Test
    void readOnlyForPrograms_regionAndHelpersRefuseWrites() {
        try (BpfMap map = TestRegions.map(MapFixtures.spec(MapType.HASH, 4, 8, 4, MapSpec.F_RDONLY_PROG), 2)) {
            map.update(u32(1), u64(1));
            ProgramContext ctx = MapFixtures.context(2, 0);
            long address = map.lookupFromProgram(ctx, u32(1), 0);
            Region region = TestRegions.TABLE.get(Address.region(address));
            assertFalse(region.isWritable());
            assertEquals(Errno.EPERM.negative(), map.updateFromProgram(ctx, u32(1), 0, u64(2), 0, BpfMap.ANY));
            assertEquals(Errno.EPERM.negative(), map.deleteFromProgram(ctx, u32(1), 0));
        }
    }

    @Test
    void manyElements_spanSeveralSlabChunks_andAllSurvive() {
        int n = 10_000;
        try (BpfMap map = MapFixtures.create(MapType.HASH, 8, 16, n)) {
            ProgramContext ctx = MapFixtures.context(2, 0);
            Set<Integer> regions = new HashSet<>();
            for (int i = 0; i < n; i++) {
                byte[] v = new byte[16];
                dev.ebpfjvm.core.memory.LittleEndian.putU64(v, 8, i * 3L);
                map.update(u64(i), v, BpfMap.NOEXIST);
            }
            for (int i = 0; i < n; i++) {
                long address = map.lookupFromProgram(ctx, u64(i), 0);
                regions.add(Address.region(address));
                assertEquals(i * 3L, ctx.memory().load(address + 8, 8));
            }
            assertEquals(3, regions.size(), "64 KiB chunks of 4096 slots");
            assertEquals(n, map.keys().size());
            assertErrno(Errno.E2BIG, () -> map.update(u64(-1), new byte[16]));
            map.close();
            for (int id : regions) {
                Region r = TestRegions.TABLE.get(id);
                assertTrue(r == null || r.owner() != map, "close releases every chunk");
            }
        }
    }
}
