package dev.ebpfjvm.core.maps;

import static dev.ebpfjvm.core.maps.BpfMap.u32;
import static dev.ebpfjvm.core.maps.BpfMap.u64;
import static dev.ebpfjvm.core.maps.MapFixtures.assertErrno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** ARRAY and PERCPU_ARRAY: the errors of arraymap.c (recorded against Linux 6.18 with tools/map-probe), values, regions. */
class ArrayMapTest {

    @Test
    void newArray_isZeroFilledAndRegistered() {
        try (BpfMap map = MapFixtures.create(MapType.ARRAY, 4, 12, 3)) {
            assertArrayEquals(new byte[12], map.lookup(u32(2)));
            assertEquals(BpfMap.Kind.ARRAY, map.kind());
            assertEquals(map, TestRegions.ownerAt(map.address(), RegionKind.MAP));
            assertEquals(0, Address.offset(map.address()));
            Region values = ((ArrayMap) map).valuesRegion();
            assertEquals(RegionKind.MAP_VALUE, values.kind());
            assertEquals(3 * 16, values.bytes().length, "max_entries × round_up(value_size, 8)");
            assertEquals(16, ((ArrayMap) map).elementSize());
        }
    }

    @Test
    void update_thenLookup_roundTripsValueSizeBytes() {
        try (BpfMap map = MapFixtures.create(MapType.ARRAY, 4, 12, 3)) {
            byte[] v = "hello world!".getBytes();
            map.update(u32(1), v, BpfMap.EXIST);
            assertArrayEquals(v, map.lookup(u32(1)));
            assertErrno(Errno.EINVAL, () -> map.updateLong(u32(0), 0, BpfMap.ANY));
            assertErrno(Errno.EINVAL, () -> map.lookupLong(u32(0)));
        }
    }

    @Test
    void updateErrors_matchKernel() {
        try (BpfMap map = MapFixtures.create(MapType.ARRAY, 4, 8, 4)) {
            assertErrno(Errno.E2BIG, () -> map.update(u32(4), u64(1)));
            assertErrno(Errno.EEXIST, () -> map.update(u32(1), u64(1), BpfMap.NOEXIST));
            assertErrno(Errno.EINVAL, () -> map.update(u32(1), u64(1), 3));
            assertErrno(Errno.EINVAL, () -> map.update(u32(1), u64(1), BpfMap.F_LOCK));
            assertErrno(Errno.EINVAL, () -> map.update(u32(9), u64(1), BpfMap.F_LOCK));
            assertErrno(Errno.EINVAL, () -> map.delete(u32(1)));
            assertErrno(Errno.EINVAL, () -> map.update(u32(1), new byte[4]));
            assertErrno(Errno.EINVAL, () -> map.lookup(new byte[8]));
            assertNull(map.lookup(u32(7)), "ENOENT out of range");
        }
    }

    @Test
    void nextKey_followsIndexOrder() {
        try (BpfMap map = MapFixtures.create(MapType.ARRAY, 4, 8, 4)) {
            assertArrayEquals(u32(0), map.nextKey(null));
            assertArrayEquals(u32(1), map.nextKey(u32(0)));
            assertNull(map.nextKey(u32(3)), "ENOENT after the last index");
            assertArrayEquals(u32(0), map.nextKey(u32(9)), "an index out of range restarts");
            assertEquals(4, map.keys().size());
            assertEquals(4, map.entries().size());
        }
    }

    @Test
    void programUpdate_followsKernelOrderOfChecks() {
        try (BpfMap map = MapFixtures.create(MapType.ARRAY, 4, 8, 4)) {
            ProgramContext ctx = MapFixtures.context(2, 0);
            assertEquals(Errno.E2BIG.negative(), map.updateFromProgram(ctx, u32(4), 0, u64(1), 0, BpfMap.F_LOCK));
            assertEquals(Errno.EEXIST.negative(), map.updateFromProgram(ctx, u32(0), 0, u64(1), 0, BpfMap.NOEXIST));
            assertEquals(Errno.EINVAL.negative(), map.updateFromProgram(ctx, u32(0), 0, u64(1), 0, BpfMap.F_LOCK));
            assertEquals(Errno.EINVAL.negative(), map.updateFromProgram(ctx, u32(0), 0, u64(1), 0, -1));
            assertEquals(Errno.EINVAL.negative(), map.deleteFromProgram(ctx, u32(0), 0));
            assertEquals(0, map.updateFromProgram(ctx, u32(2), 0, u64(7), 0, BpfMap.EXIST));
            assertEquals(OptionalLong.of(7), map.lookupLong(u32(2)));
        }
    }

    @Test
    void programLookup_returnsTheValueAddress() {
        try (ArrayMap map = (ArrayMap) MapFixtures.create(MapType.ARRAY, 4, 8, 4)) {
            ProgramContext ctx = MapFixtures.context(2, 1);
            long address = map.lookupFromProgram(ctx, u32(3), 0);
            assertEquals(map.valuesRegion().address(24), address);
            ctx.memory().store(address, 8, 0x1122334455667788L);
            assertEquals(OptionalLong.of(0x1122334455667788L), map.lookupLong(u32(3)));
            assertEquals(0, map.lookupFromProgram(ctx, u32(4), 0));
        }
    }

    @Test
    void perCpuArray_userSpaceSeesEveryCpu_programsTheirOwn() {
        try (BpfMap map = TestRegions.map(MapFixtures.spec(MapType.PERCPU_ARRAY, 4, 4, 2, 0), 3)) {
            assertEquals(24, map.userValueSize(), "round_up(4, 8) × 3 CPUs");
            map.updatePerCpu(u32(1), new byte[][] {u32(10), u32(11), u32(12)}, BpfMap.ANY);
            for (int cpu = 0; cpu < 3; cpu++) {
                ProgramContext ctx = MapFixtures.context(3, cpu);
                long address = map.lookupFromProgram(ctx, u32(1), 0);
                assertEquals(10 + cpu, ctx.memory().load(address, 4));
                assertEquals(0, map.updateFromProgram(ctx, u32(0), 0, u32(100 + cpu), 0, BpfMap.ANY));
            }
            byte[][] values = map.lookupPerCpu(u32(0));
            assertArrayEquals(new byte[][] {u32(100), u32(101), u32(102)}, values);
            assertThrows(MapException.class, () -> map.lookupLong(u32(0)), "per-CPU values are not one number");
            assertThrows(
                    ProgramFaultException.class, () -> map.lookupFromProgram(MapFixtures.context(4, 3), u32(0), 0));
        }
    }

    @Test
    void globalData_rodataIsReadOnlyForProgramsUntilFrozenForUserSpace() {
        MapSpec rodata = new MapSpec(
                ".rodata",
                MapType.ARRAY,
                4,
                6,
                1,
                MapSpec.F_RDONLY_PROG,
                Pinning.NONE,
                null,
                List.of(new MapSpec.Init(u32(0), "abcdef".getBytes(), null)));
        try (ArrayMap map = (ArrayMap) TestRegions.map(rodata, 2)) {
            assertEquals(RegionKind.GLOBAL_DATA, map.valuesRegion().kind());
            assertFalse(map.valuesRegion().isWritable());
            assertArrayEquals("abcdef".getBytes(), map.lookup(u32(0)));
            long c = map.valueAddress(2);
            ProgramContext ctx = MapFixtures.context(2, 0);
            assertEquals('c', ctx.memory().load(c, 1));
            assertThrows(ProgramFaultException.class, () -> ctx.memory().store(c, 1, 'x'));
            assertEquals(Errno.EPERM.negative(), map.updateFromProgram(ctx, u32(0), 0, new byte[6], 0, BpfMap.ANY));
            map.update(u32(0), "ABCDEF".getBytes());
            map.freeze();
            assertTrue(map.isFrozen());
            assertErrno(Errno.EPERM, () -> map.update(u32(0), "abcdef".getBytes()));
            assertErrno(Errno.EPERM, map::freeze);
            assertEquals('C', ctx.memory().load(c, 1));
        }
    }

    @Test
    void valueAddress_onlyForSingleElementArrays() {
        try (BpfMap data = TestRegions.map(MapFixtures.spec(MapType.ARRAY, 4, 16, 1, 0), 2);
                BpfMap two = MapFixtures.create(MapType.ARRAY, 4, 16, 2);
                BpfMap percpu = MapFixtures.create(MapType.PERCPU_ARRAY, 4, 16, 1)) {
            assertEquals(((ArrayMap) data).valuesRegion().address(15), data.valueAddress(15));
            assertErrno(Errno.EINVAL, () -> data.valueAddress(16));
            assertErrno(Errno.ENOTSUPP, () -> two.valueAddress(0));
            assertErrno(Errno.ENOTSUPP, () -> percpu.valueAddress(0));
        }
    }

    @Test
    void userAccessFlags_rdonlyAndWronly() {
        try (BpfMap ro = TestRegions.map(MapFixtures.spec(MapType.ARRAY, 4, 8, 1, MapSpec.F_RDONLY), 2);
                BpfMap wo = TestRegions.map(MapFixtures.spec(MapType.ARRAY, 4, 8, 1, MapSpec.F_WRONLY), 2)) {
            assertErrno(Errno.EPERM, () -> ro.update(u32(0), u64(1)));
            assertArrayEquals(new byte[8], ro.lookup(u32(0)));
            assertErrno(Errno.EPERM, () -> wo.lookup(u32(0)));
            assertErrno(Errno.EPERM, () -> wo.nextKey(null));
            wo.update(u32(0), u64(1));
        }
        try (BpfMap wo = TestRegions.map(MapFixtures.spec(MapType.HASH, 4, 8, 1, MapSpec.F_WRONLY), 2)) {
            wo.update(u32(0), u64(1));
            assertErrno(Errno.EPERM, wo::keys);
        }
    }

    @Test
    void close_releasesRegionsAndRefusesUse() {
        BpfMap map = MapFixtures.create(MapType.ARRAY, 4, 8, 1);
        long address = map.address();
        Region values = ((ArrayMap) map).valuesRegion();
        map.retain();
        map.close();
        assertEquals(map, TestRegions.ownerAt(address, RegionKind.MAP), "one reference left");
        map.close();
        assertTrue(map.isClosed());
        assertNull(TestRegions.ownerAt(address, RegionKind.MAP));
        assertTrue(TestRegions.TABLE.get(values.id()) != values, "value region released");
        assertErrno(Errno.EBADF, () -> map.lookup(u32(0)));
        assertErrno(Errno.EBADF, map::retain);
        map.close();
    }

    @Test
    void initialContents_fillTheMapAndAreChecked() {
        MapSpec spec = new MapSpec(
                "init",
                MapType.ARRAY,
                4,
                8,
                2,
                0,
                Pinning.NONE,
                null,
                List.of(new MapSpec.Init(u32(1), u64(5), null), new MapSpec.Init(u32(0), null, "prog")));
        try (BpfMap map = TestRegions.map(spec, 2)) {
            assertEquals(OptionalLong.of(5), map.lookupLong(u32(1)));
        }
        MapSpec bad = new MapSpec(
                "bad", MapType.ARRAY, 4, 8, 2, 0, Pinning.NONE, null, List.of(new MapSpec.Init(u32(2), u64(5), null)));
        assertErrno(Errno.E2BIG, () -> TestRegions.map(bad, 2));
    }
}
