package dev.ebpfjvm.core.helpers;

import static dev.ebpfjvm.core.maps.BpfMap.u32;
import static dev.ebpfjvm.core.maps.BpfMap.u64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.exec.HelperFunction;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.maps.Pinning;
import dev.ebpfjvm.core.maps.RingBufMap;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The map helpers called directly, as engines call them, with keys and values on the program's stack. */
class MapHelpersTest {
    private static final long FP = Memory.framePointer(0);

    private static ProgramContext context(int cpus, int cpu) {
        ProgramContext ctx = TestRegions.context(new Environment(() -> 0L, () -> 0L, new Random(1), line -> {}, cpus));
        ctx.setCpu(cpu);
        return ctx;
    }

    private static long onStack(ProgramContext ctx, int depth, byte[] bytes) {
        ctx.memory().write(FP - depth, bytes, 0, bytes.length);
        return FP - depth;
    }

    private static BpfMap map(MapType type, int keySize, int valueSize, int maxEntries, int cpus) {
        return TestRegions.map(MapSpec.of("m", type, keySize, valueSize, maxEntries, 0), cpus);
    }

    @Test
    void register_bindsEveryHelperToItsKernelId() {
        HelperRegistry registry = MapHelpers.register(HelperRegistry.builder()).build();
        assertEquals(
                List.of(1, 2, 3, 87, 88, 89, 130, 131, 132, 133, 134),
                registry.all().stream().map(HelperFunction::id).toList());
        assertEquals("map_lookup_elem", registry.get(1).name());
        assertEquals("ringbuf_query", registry.get(134).name());
    }

    @Test
    void lookupUpdateDelete_withStackKeys() {
        try (BpfMap hash = map(MapType.HASH, 8, 8, 4, 2)) {
            ProgramContext ctx = context(2, 0);
            long key = onStack(ctx, 8, u64(0xabcdef));
            long value = onStack(ctx, 16, u64(77));
            long m = hash.address();
            assertEquals(0, MapHelpers.mapLookupElem(ctx, m, key, 0, 0, 0));
            assertEquals(Errno.ENOENT.negative(), MapHelpers.mapUpdateElem(ctx, m, key, value, BpfMap.EXIST, 0));
            assertEquals(0, MapHelpers.mapUpdateElem(ctx, m, key, value, BpfMap.NOEXIST, 0));
            assertEquals(Errno.EEXIST.negative(), MapHelpers.mapUpdateElem(ctx, m, key, value, BpfMap.NOEXIST, 0));
            long found = MapHelpers.mapLookupElem(ctx, m, key, 0, 0, 0);
            assertEquals(77, ctx.memory().load(found, 8));
            ctx.memory().store(found, 8, 78);
            assertEquals(78, hash.lookupLong(u64(0xabcdef)).getAsLong());
            assertEquals(0, MapHelpers.mapDeleteElem(ctx, m, key, 0, 0, 0));
            assertEquals(Errno.ENOENT.negative(), MapHelpers.mapDeleteElem(ctx, m, key, 0, 0, 0));
        }
    }

    @Test
    void keyAndValue_mayLiveInAnotherMapsValue() {
        try (BpfMap array = map(MapType.ARRAY, 4, 8, 2, 2);
                BpfMap hash = map(MapType.HASH, 8, 8, 4, 2)) {
            ProgramContext ctx = context(2, 0);
            array.update(u32(1), u64(5));
            long elem = MapHelpers.mapLookupElem(ctx, array.address(), onStack(ctx, 4, u32(1)), 0, 0, 0);
            assertEquals(0, MapHelpers.mapUpdateElem(ctx, hash.address(), elem, elem, BpfMap.ANY, 0));
            assertEquals(5, hash.lookupLong(u64(5)).getAsLong());
        }
    }

    @Test
    void perCpuLookup_givesTheRunningCpusValue() {
        try (BpfMap percpu = map(MapType.PERCPU_ARRAY, 4, 8, 1, 2)) {
            percpu.updatePerCpu(u32(0), new byte[][] {u64(10), u64(11)}, BpfMap.ANY);
            for (int cpu = 0; cpu < 2; cpu++) {
                ProgramContext ctx = context(2, cpu);
                long value = MapHelpers.mapLookupElem(ctx, percpu.address(), onStack(ctx, 4, u32(0)), 0, 0, 0);
                assertEquals(10 + cpu, ctx.memory().load(value, 8));
            }
        }
    }

    @Test
    void mapInMap_lookupYieldsAMapPointerForTheNextHelper() {
        MapSpec inner = MapSpec.of("inner", MapType.HASH, 4, 8, 4, 0);
        MapSpec outerSpec = new MapSpec("outer", MapType.ARRAY_OF_MAPS, 4, 4, 1, 0, Pinning.NONE, inner, List.of());
        try (BpfMap outer = TestRegions.map(outerSpec, 2);
                BpfMap innerMap = TestRegions.map(inner, 2)) {
            ((dev.ebpfjvm.core.maps.ArrayOfMapsMap) outer).set(0, innerMap);
            innerMap.update(u32(3), u64(33));
            ProgramContext ctx = context(2, 0);
            long mapPtr = MapHelpers.mapLookupElem(ctx, outer.address(), onStack(ctx, 4, u32(0)), 0, 0, 0);
            assertEquals(innerMap.address(), mapPtr);
            long value = MapHelpers.mapLookupElem(ctx, mapPtr, onStack(ctx, 8, u32(3)), 0, 0, 0);
            assertEquals(33, ctx.memory().load(value, 8));
        }
    }

    @Test
    void invalidArguments_faultTheProgram() {
        try (BpfMap array = map(MapType.ARRAY, 4, 8, 2, 2)) {
            ProgramContext ctx = context(2, 0);
            long key = onStack(ctx, 4, u32(0));
            assertThrows(ProgramFaultException.class, () -> MapHelpers.mapLookupElem(ctx, key, key, 0, 0, 0));
            assertThrows(
                    ProgramFaultException.class,
                    () -> MapHelpers.mapLookupElem(ctx, array.address() + 8, key, 0, 0, 0));
            long stackEnd = Address.of(Memory.STACK_REGION, Memory.FRAME_SIZE * Memory.MAX_FRAMES - 2);
            assertThrows(
                    ProgramFaultException.class,
                    () -> MapHelpers.mapLookupElem(ctx, array.address(), stackEnd, 0, 0, 0));
            assertThrows(
                    ProgramFaultException.class, () -> MapHelpers.ringbufReserve(ctx, array.address(), 8, 0, 0, 0));
            assertThrows(ProgramFaultException.class, () -> MapHelpers.ringbufSubmit(ctx, key, 0, 0, 0, 0));
            long closedAddress = array.address();
            array.close();
            assertThrows(ProgramFaultException.class, () -> MapHelpers.mapLookupElem(ctx, closedAddress, key, 0, 0, 0));
        }
    }

    @Test
    void pushPopPeek_areNotSupportedByTheseMapTypes() {
        try (BpfMap hash = map(MapType.HASH, 4, 8, 2, 2)) {
            ProgramContext ctx = context(2, 0);
            long value = onStack(ctx, 8, u64(1));
            assertEquals(
                    Errno.EINVAL.negative(), MapHelpers.mapPushElem(ctx, hash.address(), value, BpfMap.NOEXIST, 0, 0));
            assertEquals(Errno.EINVAL.negative(), MapHelpers.mapPushElem(ctx, hash.address(), value, 3, 0, 0));
            assertEquals(
                    Errno.ENOTSUPP.negative(), MapHelpers.mapPushElem(ctx, hash.address(), value, BpfMap.EXIST, 0, 0));
            assertEquals(Errno.ENOTSUPP.negative(), MapHelpers.mapPopElem(ctx, hash.address(), value, 0, 0, 0));
            assertEquals(Errno.ENOTSUPP.negative(), MapHelpers.mapPeekElem(ctx, hash.address(), value, 0, 0, 0));
        }
    }

    @Test
    void ringbufHelpers_reserveSubmitDiscardOutputQuery() {
        try (RingBufMap rb = (RingBufMap) TestRegions.map(MapSpec.of("rb", MapType.RINGBUF, 0, 0, 4096, 0), 2)) {
            ProgramContext ctx = context(2, 0);
            long m = rb.address();
            long sample = MapHelpers.ringbufReserve(ctx, m, 8, 0, 0, 0);
            assertNotEquals(0, sample);
            ctx.memory().store(sample, 8, 0x1234);
            assertEquals(0, MapHelpers.ringbufSubmit(ctx, sample, 0, 0, 0, 0));
            long dropped = MapHelpers.ringbufReserve(ctx, m, 8, 0, 0, 0);
            assertEquals(0, MapHelpers.ringbufDiscard(ctx, dropped, 0, 0, 0, 0));
            long data = onStack(ctx, 16, "hello, ring buf!".getBytes());
            assertEquals(0, MapHelpers.ringbufOutput(ctx, m, data, 16, 0, 0));
            assertEquals(Errno.EINVAL.negative(), MapHelpers.ringbufOutput(ctx, m, data, 16, 8, 0));
            assertEquals(16 + 16 + 24, MapHelpers.ringbufQuery(ctx, m, RingBufMap.RB_PROD_POS, 0, 0, 0));
            assertEquals(4096, MapHelpers.ringbufQuery(ctx, m, RingBufMap.RB_RING_SIZE, 0, 0, 0));
            assertEquals(0, MapHelpers.ringbufReserve(ctx, m, 8, 1, 0, 0));
            assertArrayEquals(u64(0x1234), rb.poll());
            assertArrayEquals("hello, ring buf!".getBytes(), rb.poll());
            assertNull(rb.poll());
            int outputs = 0;
            while (MapHelpers.ringbufOutput(ctx, m, data, 16, 0, 0) == 0) {
                outputs++;
            }
            assertEquals(Errno.EAGAIN.negative(), MapHelpers.ringbufOutput(ctx, m, data, 16, 0, 0));
            assertEquals(4095 / 24, outputs, "24-byte records fill the ring but for its last byte");
        }
    }
}
