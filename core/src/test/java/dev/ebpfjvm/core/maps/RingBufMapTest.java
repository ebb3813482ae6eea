package dev.ebpfjvm.core.maps;

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
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** RINGBUF: reservation limits recorded against Linux 6.18, record headers, the consumer, wrap-around, wake-ups. */
class RingBufMapTest {

    private static RingBufMap ring(int size) {
        return (RingBufMap) TestRegions.map(MapFixtures.spec(MapType.RINGBUF, 0, 0, size, 0), 2);
    }

    @Test
    void reserve_matchesKernelLimits() {
        for (String line : MapFixtures.fixture("kernel-ringbuf.txt")) {
            String[] sides = line.split(" -> ");
            String[] f = sides[0].split(" ");
            List<String> got = new ArrayList<>();
            try (RingBufMap rb = ring(Integer.parseInt(f[0]))) {
                for (String size : f[1].split(",")) {
                    long sample = rb.reserve(Long.parseLong(size), 0);
                    if (sample == 0) {
                        got.add("null");
                    } else {
                        rb.submit(sample, 0);
                        got.add(Long.toString(rb.query(RingBufMap.RB_PROD_POS)));
                    }
                }
            }
            assertEquals(sides[1], String.join(",", got), line);
        }
    }

    @Test
    void record_headerCarriesLengthBusyAndDiscardBits() {
        try (RingBufMap rb = ring(4096)) {
            long a = rb.reserve(10, 0);
            long b = rb.reserve(3, 0);
            byte[] data = TestRegions.TABLE.get(Address.region(a)).bytes();
            assertEquals(
                    RegionKind.RINGBUF, TestRegions.TABLE.get(Address.region(a)).kind());
            assertEquals(8, Address.offset(a), "data follows the 8-byte header");
            assertEquals(32, Address.offset(b), "records are 8-byte aligned: 8 + round_up(10 + 8)");
            assertEquals(10 | RingBufMap.BUSY_BIT, (int) LittleEndian.getU32(data, 0));
            assertEquals(3, LittleEndian.getU32(data, 4), "pg_off: the data starts 3 pages into struct bpf_ringbuf");
            rb.submit(a, 0);
            rb.discard(b, 0);
            assertEquals(10, LittleEndian.getU32(data, 0));
            assertEquals(3 | RingBufMap.DISCARD_BIT, (int) LittleEndian.getU32(data, 24));
            assertEquals(40, rb.availableData());
            assertEquals(1, rb.consume(r -> assertEquals(10, r.length)), "the discarded record is skipped");
            assertEquals(0, rb.availableData());
            assertEquals(40, rb.consumerPosition());
        }
    }

    @Test
    void consumer_stopsAtABusyRecord() {
        try (RingBufMap rb = ring(4096)) {
            long first = rb.reserve(4, 0);
            long second = rb.reserve(4, 0);
            ProgramContext ctx = MapFixtures.context(2, 0);
            ctx.memory().store(second, 4, 2);
            rb.submit(second, 0);
            assertNull(rb.poll(), "the first record is still busy");
            ctx.memory().store(first, 4, 1);
            rb.submit(first, 0);
            assertArrayEquals(BpfMap.u32(1), rb.poll());
            assertArrayEquals(BpfMap.u32(2), rb.poll());
            assertNull(rb.poll());
        }
    }

    @Test
    void fullRing_reserveFailsUntilConsumed() {
        try (RingBufMap rb = ring(4096)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(0, rb.output(new byte[1000], 0, 1000, 0));
            }
            assertEquals(Errno.EAGAIN.negative(), rb.output(new byte[1064], 0, 1064, 0));
            assertEquals(0, rb.reserve(1064, 0));
            assertEquals(3, rb.consume(r -> {}));
            assertNotEquals(0, rb.reserve(1064, 0));
        }
    }

    @Test
    void wrapAround_recordsSpanningTheEndArriveIntact() {
        long seed = Long.getLong("ebpfjvm.seed", System.nanoTime());
        Random random = new Random(seed);
        ProgramContext ctx = MapFixtures.context(2, 0);
        try (RingBufMap rb = ring(4096)) {
            int wrapped = 0;
            for (int round = 0; round < 200; round++) {
                List<byte[]> sent = new ArrayList<>();
                for (int n = random.nextInt(4) + 1; n > 0; n--) {
                    byte[] payload = new byte[random.nextInt(900) + 1];
                    random.nextBytes(payload);
                    long sample = rb.reserve(payload.length, 0);
                    if (sample == 0) {
                        break;
                    }
                    if (Address.offset(sample) + payload.length > 4096) {
                        wrapped++;
                    }
                    ctx.memory().write(sample, payload, 0, payload.length);
                    rb.submit(sample, 0);
                    sent.add(payload);
                }
                List<byte[]> received = new ArrayList<>();
                rb.consume(received::add);
                assertEquals(sent.size(), received.size(), "seed " + seed);
                for (int i = 0; i < sent.size(); i++) {
                    assertArrayEquals(sent.get(i), received.get(i), "seed " + seed + ", round " + round);
                }
            }
            assertTrue(wrapped > 10, "records wrapped " + wrapped + " times (seed " + seed + ")");
        }
    }

    @Test
    void invalidRequests_returnNullOrErrors() {
        try (RingBufMap rb = ring(4096)) {
            assertEquals(0, rb.reserve(8, 1), "reserve flags must be 0");
            assertEquals(0, rb.reserve(4089, 0), "larger than the ring");
            assertEquals(0, rb.reserve(-1, 0));
            assertEquals(Errno.EINVAL.negative(), rb.output(new byte[4], 0, 4, 4));
            assertEquals(4096, rb.query(RingBufMap.RB_RING_SIZE));
            assertEquals(0, rb.query(99));
            ProgramContext ctx = MapFixtures.context(2, 0);
            long sample = rb.reserve(8, 0);
            rb.submit(sample, 0);
            assertThrows(ProgramFaultException.class, () -> rb.submit(sample, 0), "already submitted");
            assertThrows(ProgramFaultException.class, () -> rb.discard(sample + 8, 0), "not a record");
            assertThrows(ProgramFaultException.class, () -> rb.submit(Address.of(1, 8), 0), "not in the ring");
            assertEquals(
                    2 * 4096,
                    TestRegions.TABLE.get(Address.region(sample)).bytes().length,
                    "the data region holds the ring twice over, for records that wrap");
        }
    }

    @Test
    void query_reportsPositions() {
        try (RingBufMap rb = ring(4096)) {
            rb.output(new byte[5], 0, 5, 0);
            rb.output(new byte[9], 0, 9, 0);
            assertEquals(16 + 24, rb.query(RingBufMap.RB_PROD_POS));
            assertEquals(40, rb.query(RingBufMap.RB_AVAIL_DATA));
            rb.poll();
            assertEquals(16, rb.query(RingBufMap.RB_CONS_POS));
            assertEquals(24, rb.query(RingBufMap.RB_AVAIL_DATA));
        }
    }

    @Test
    void wakeups_followTheKernelsRules() {
        try (RingBufMap rb = ring(4096)) {
            rb.output(new byte[4], 0, 4, 0);
            assertEquals(1, rb.wakeups(), "the consumer was waiting at this record");
            rb.output(new byte[4], 0, 4, 0);
            assertEquals(1, rb.wakeups(), "not the record the consumer waits at");
            rb.output(new byte[4], 0, 4, RingBufMap.RB_FORCE_WAKEUP);
            assertEquals(2, rb.wakeups());
            rb.consume(r -> {});
            rb.output(new byte[4], 0, 4, RingBufMap.RB_NO_WAKEUP);
            assertEquals(2, rb.wakeups());
        }
    }

    @Test
    void awaitData_returnsWhenAProducerCommits() throws Exception {
        try (RingBufMap rb = ring(4096)) {
            assertFalse(rb.awaitData(1, TimeUnit.MILLISECONDS));
            Thread producer = new Thread(() -> rb.output(new byte[4], 0, 4, 0));
            producer.start();
            assertTrue(rb.awaitData(1, TimeUnit.MINUTES));
            producer.join();
            assertEquals(1, rb.consume(r -> {}));
        }
    }

    @Test
    void mapOperations_areNotSupported() {
        try (RingBufMap rb = ring(4096)) {
            assertErrno(Errno.ENOTSUPP, () -> rb.lookup(new byte[0]));
            assertErrno(Errno.ENOTSUPP, () -> rb.update(new byte[0], new byte[0]));
            assertErrno(Errno.ENOTSUPP, () -> rb.delete(new byte[0]));
            assertErrno(Errno.ENOTSUPP, () -> rb.nextKey(null));
            assertEquals(0, rb.lookupFromProgram(MapFixtures.context(2, 0), new byte[4], 0));
        }
    }
}
