package dev.ebpfjvm.core.maps;

import static dev.ebpfjvm.core.maps.BpfMap.u32;
import static dev.ebpfjvm.core.maps.MapFixtures.assertErrno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.exec.TailCalls;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PROG_ARRAY, ARRAY_OF_MAPS and HASH_OF_MAPS: slots of objects, their errors (Linux 6.18) and references. */
class MapInMapTest {
    private static final MapSpec INNER = MapFixtures.spec(MapType.ARRAY, 4, 8, 4, 0);

    private static MapSpec outer(MapType type, int maxEntries) {
        return new MapSpec("outer", type, 4, 4, maxEntries, 0, Pinning.NONE, INNER, List.of());
    }

    /** An executable that returns a constant, standing in for a loaded program. */
    private static Executable constant(long r0) {
        return new Executable() {
            @Override
            public long execute(ProgramContext ctx, long r1, long r2, int frame) {
                return r0;
            }

            @Override
            public Program program() {
                return null;
            }
        };
    }

    @Test
    void progArray_slotsHoldExecutablesForTailCalls() {
        try (ProgArrayMap map = (ProgArrayMap) MapFixtures.create(MapType.PROG_ARRAY, 4, 4, 3)) {
            Executable target = constant(42);
            map.set(1, target);
            assertSame(target, map.get(1));
            assertSame(target, map.target(1));
            assertNull(map.target(0));
            assertNull(map.target(3));
            assertNull(map.target(0xffffffffL));
            ProgramContext ctx = MapFixtures.context(2, 0);
            assertSame(target, TailCalls.resolve(ctx, map.address(), 1));
            assertNull(TailCalls.resolve(ctx, map.address(), 2));
            assertErrno(Errno.E2BIG, () -> map.set(3, target));
            assertTrue(map.clear(1));
            assertFalse(map.clear(1), "ENOENT");
            assertErrno(Errno.E2BIG, () -> map.clear(3));
            assertErrno(Errno.ENOTSUPP, () -> map.update(u32(0), u32(0)));
            assertErrno(Errno.ENOTSUPP, () -> map.lookup(u32(0)));
            assertArrayEquals(u32(1), map.nextKey(u32(0)));
            assertEquals(0, map.lookupFromProgram(ctx, u32(1), 0));
            assertEquals(Errno.ENOTSUPP.negative(), map.updateFromProgram(ctx, u32(1), 0, u32(0), 0, 0));
        }
    }

    @Test
    void arrayOfMaps_programLookupYieldsTheInnerMapsAddress() {
        try (ArrayOfMapsMap outer = (ArrayOfMapsMap) TestRegions.map(outer(MapType.ARRAY_OF_MAPS, 2), 2);
                BpfMap inner = TestRegions.map(INNER, 2)) {
            outer.set(0, inner);
            ProgramContext ctx = MapFixtures.context(2, 0);
            assertEquals(inner.address(), outer.lookupFromProgram(ctx, u32(0), 0));
            assertEquals(0, outer.lookupFromProgram(ctx, u32(1), 0));
            assertEquals(0, outer.lookupFromProgram(ctx, u32(2), 0));
            assertArrayEquals(u32(inner.id()), outer.lookup(u32(0)), "user space sees the inner map's id");
            assertNull(outer.lookup(u32(1)));
            assertSame(inner, outer.get(0));
            assertErrno(Errno.E2BIG, () -> outer.set(2, inner));
            assertErrno(Errno.E2BIG, () -> outer.delete(u32(5)));
            assertFalse(outer.delete(u32(1)), "ENOENT");
            assertErrno(Errno.ENOTSUPP, () -> outer.update(u32(0), u32(inner.id())));
        }
    }

    @Test
    void arrayOfMaps_slotsHoldReferences() {
        BpfMap inner = TestRegions.map(INNER, 2);
        try (ArrayOfMapsMap outer = (ArrayOfMapsMap) TestRegions.map(outer(MapType.ARRAY_OF_MAPS, 2), 2)) {
            outer.set(0, inner);
            outer.set(1, inner);
            inner.close();
            assertFalse(inner.isClosed(), "the slots keep it alive");
            assertTrue(outer.clear(0));
            assertFalse(inner.isClosed());
        }
        assertTrue(inner.isClosed(), "closing the outer map released the last slot");
        try (ArrayOfMapsMap outer = (ArrayOfMapsMap) TestRegions.map(outer(MapType.ARRAY_OF_MAPS, 2), 2)) {
            assertErrno(Errno.EBADF, () -> outer.set(0, inner));
        }
    }

    @Test
    void hashOfMaps_flagsFullnessAndReplacement() {
        try (HashOfMapsMap outer = (HashOfMapsMap) TestRegions.map(outer(MapType.HASH_OF_MAPS, 1), 2);
                BpfMap a = TestRegions.map(INNER, 2);
                BpfMap b = TestRegions.map(INNER, 2);
                BpfMap wrong = MapFixtures.create(MapType.ARRAY, 4, 16, 4)) {
            assertErrno(Errno.ENOENT, () -> outer.set(u32(7), a, BpfMap.EXIST));
            outer.set(u32(7), a, BpfMap.NOEXIST);
            assertErrno(Errno.EEXIST, () -> outer.set(u32(7), b, BpfMap.NOEXIST));
            assertErrno(Errno.E2BIG, () -> outer.set(u32(8), b, BpfMap.ANY));
            assertErrno(Errno.EINVAL, () -> outer.set(u32(7), wrong, BpfMap.ANY));
            assertErrno(Errno.EINVAL, () -> outer.set(u32(7), b, 4));
            outer.set(u32(7), b, BpfMap.EXIST);
            assertSame(b, outer.get(u32(7)));
            ProgramContext ctx = MapFixtures.context(2, 0);
            assertEquals(b.address(), outer.lookupFromProgram(ctx, u32(7), 0));
            assertArrayEquals(u32(b.id()), outer.lookup(u32(7)));
            assertEquals(1, outer.keys().size());
            assertTrue(outer.delete(u32(7)));
            assertNull(outer.get(u32(7)));
            assertFalse(outer.delete(u32(7)));
        }
    }

    @Test
    void hashOfMaps_closeReleasesInnerMaps() {
        BpfMap inner = TestRegions.map(INNER, 2);
        try (HashOfMapsMap outer = (HashOfMapsMap) TestRegions.map(outer(MapType.HASH_OF_MAPS, 4), 2)) {
            outer.set(u32(1), inner, BpfMap.ANY);
            outer.set(u32(2), inner, BpfMap.ANY);
            inner.close();
            assertFalse(inner.isClosed());
        }
        assertTrue(inner.isClosed());
    }
}
