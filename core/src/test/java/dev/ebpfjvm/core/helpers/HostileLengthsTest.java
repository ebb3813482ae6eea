package dev.ebpfjvm.core.helpers;

import static dev.ebpfjvm.core.helpers.Harness.stack;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.maps.PerfEventArrayMap;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13: helper length arguments no verifier bounded (2^31 − 1, u32 values above it, negative
 * u64s). Each helper checks its arguments before it allocates, copies or clears: the result is the
 * kernel's errno where the kernel checks the length itself, else a fault; never an
 * OutOfMemoryError or a JDK exception, and the packet and stack are untouched.
 */
class HostileLengthsTest {
    private final Harness h = Harness.frame(Harness.IPV4_UDP);

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE, 0x8000_0000L, 0xffff_ffffL, -1L})
    void skbLoadBytes_hugeLength_pastThePacket_faultsBeforeClearing(long len) {
        h.putHex(stack(0), "ffffffff");
        assertThrows(ProgramFaultException.class, () -> SkbDataHelpers.loadBytes(h.ctx, 0, 0, stack(0), len, 0));
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, h.get(stack(0), 4), "nothing was cleared");
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE, 0x8000_0000L, 0xffff_ffffL, -1L})
    void skbLoadBytesRelative_hugeLength_faults(long len) {
        for (long header : new long[] {SkbDataHelpers.HDR_START_MAC, SkbDataHelpers.HDR_START_NET, 7}) {
            assertThrows(
                    ProgramFaultException.class,
                    () -> SkbDataHelpers.loadBytesRelative(h.ctx, 0, 0, stack(0), len, header));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE, 0x8000_0000L, 0xffff_ffffL, -1L})
    void skbStoreBytes_hugeLength_isEfaultOrFaults_andLeavesThePacket(long len) {
        String before = h.data();
        try {
            assertEquals(Errno.EFAULT.negative(), SkbDataHelpers.storeBytes(h.ctx, 0, 0, stack(0), len, 0));
        } catch (ProgramFaultException e) {
            // offset + len wrapped to a length within the packet: the source does not hold len bytes
        }
        assertEquals(before, h.data());
        // offset 1 + 0xffffffff wraps to 0 as the kernel's u32 sum: only the source check stops it
        assertThrows(
                ProgramFaultException.class, () -> SkbDataHelpers.storeBytes(h.ctx, 0, 1, stack(0), 0xffff_ffffL, 0));
        assertEquals(before, h.data());
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE, 0x8000_0000L, 0xffff_ffffL, -1L, Long.MIN_VALUE})
    void perfEventOutput_hugeSize_faultsBeforeAllocating(long size) {
        MapSpec spec = MapSpec.of("events", MapType.PERF_EVENT_ARRAY, 4, 4, 1, 0);
        try (PerfEventArrayMap events = (PerfEventArrayMap) TestRegions.map(spec, 1)) {
            List<byte[]> records = new ArrayList<>();
            events.attach(0, 0, records::add);
            long flags = (14L << 32) | PerfHelpers.F_CURRENT_CPU;
            assertThrows(
                    ProgramFaultException.class,
                    () -> PerfHelpers.perfEventOutput(h.ctx, 0, events.address(), flags, stack(0), size));
            assertEquals(0, records.size());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE, 0x8000_0000L, 0xffff_ffffL, -1L})
    void csumDiff_hugeSizes_fault(long size) {
        assertThrows(ProgramFaultException.class, () -> CsumHelpers.csumDiff(h.ctx, stack(0), size, 0, 0, 0));
        assertThrows(ProgramFaultException.class, () -> CsumHelpers.csumDiff(h.ctx, 0, 0, stack(0), size, 0));
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE, 0x8000_0000L, -1L, Long.MIN_VALUE})
    void strtoul_hugeBufferLength_faults(long bufLen) {
        h.putHex(stack(0), "313200");
        assertThrows(
                ProgramFaultException.class, () -> StringHelpers.strtoul(h.ctx, stack(0), bufLen, 0, stack(16), 0));
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE, 0x8000_0000L, 0xffff_ffffL, -1L})
    void tracePrintkAndSnprintf_hugeSizes_areErrnos(long size) {
        h.putHex(stack(0), "6869000000000000");
        assertEquals(2, PrintHelpers.tracePrintk(h.ctx, stack(0), size, 0, 0, 0), "the format ends at its NUL");
        assertEquals(Errno.EINVAL.negative(), PrintHelpers.snprintf(h.ctx, stack(32), 8, stack(0), stack(8), size));
        assertEquals(3, PrintHelpers.snprintf(h.ctx, stack(32), 4, stack(0), 0, 0), "str_size within the stack");
        assertEquals(
                3,
                PrintHelpers.snprintf(h.ctx, stack(32), size, stack(0), 0, 0),
                "only the formatted text and its NUL are written, whatever str_size says");
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE, 0x8000_0000L, 0xffff_ffffL, -1L})
    void ringbufOutput_hugeSize_faultsOrIsAnErrno(long size) {
        MapSpec spec = MapSpec.of("rb", MapType.RINGBUF, 0, 0, 4096, 0);
        try (var rb = TestRegions.map(spec, 1)) {
            long r;
            try {
                r = MapHelpers.ringbufOutput(h.ctx, rb.address(), stack(0), size, 0, 0);
            } catch (ProgramFaultException e) {
                r = 1;
            }
            assertEquals(1, r, "the data does not hold that many bytes");
        }
    }
}
