package dev.ebpfjvm.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.skb.SkbMetadata;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The skb a test run builds and the checks it makes, as recorded from the kernel (cases/skb_fields). */
class SkbTestRunTest {
    private static final String UDP4 =
            "000000000000020000000001080045000020123440004011269c0a0000010a00000203e80035000c1d2a01020304";
    private final ProgramContext ctx = new ProgramContext();

    /**
     * An executable that reads skb fields through the memory (as any engine must), marks the skb
     * and grows the packet by {@code grow} bytes.
     */
    private static Executable marking(long r0, int grow) {
        Program p = new Program("marking", new Instructions(List.of()), HelperRegistry.empty());
        return new Executable() {
            @Override
            public long execute(ProgramContext c, long r1, long r2, int frame) {
                long len = c.memory().load(r1, 4);
                c.memory().store(r1 + 8, 4, len * 3);
                c.memory().store(r1 + 48, 4, 0xabcd);
                if (grow > 0) {
                    SkBuffContext.of(c).skb().put(grow);
                }
                return r0;
            }

            @Override
            public Program program() {
                return p;
            }
        };
    }

    private Skb prepare(String hex, byte[] ctxIn, long expectedError) {
        try {
            Skb skb = SkbTestRun.prepare(ctx, HexFormat.of().parseHex(hex), SkBuffFields.fromStruct(ctxIn));
            assertEquals(expectedError, 0);
            return skb;
        } catch (TestRunException e) {
            assertEquals(expectedError, e.errno().negative(), e.getMessage());
            return null;
        }
    }

    private static byte[] ctxWith(int offset, int size, long value) {
        byte[] c = new byte[192];
        LittleEndian.put(c, offset, size, value);
        return c;
    }

    @Test
    void run_buildsLoopbackSkbAndCopiesFieldsBack() {
        Skb skb = prepare(UDP4, ctxWith(36, 4, 9), 0);
        SkbMetadata m = skb.meta();
        assertEquals(SkbMetadata.PACKET_HOST, m.pktType());
        assertEquals(0x0800, m.protocol());
        assertEquals(1, m.ifindex());
        assertEquals(46, m.wireLen());
        TestRunResult r = SkbTestRun.run(
                marking(-1, 0),
                ctx,
                new TestRun(HexFormat.of().parseHex(UDP4), SkBuffFields.fromStruct(ctxWith(36, 4, 9)), 0, 46 + 512));
        assertEquals(0xffffffffL, r.retval());
        assertEquals(-1, r.retvalS32());
        assertEquals(UDP4, HexFormat.of().formatHex(r.data()));
        assertEquals(138, r.ctx().mark());
        assertEquals(9, r.ctx().ingressIfindex());
        assertEquals(1, r.ctx().ifindex());
        assertEquals(0xabcd, r.ctx().cb()[0]);
        assertEquals(46, r.ctx().wireLen());
        assertEquals(138, LittleEndian.getU32(r.ctx().toStruct(), 8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "tc_index,44,4,1,-22", "len,0,4,5,-22", "wire_len too short,160,4,10,-22", "wire_len too long,160,4,65537,-22",
        "wire_len max,160,4,65536,0", "gso_segs,164,4,70000,-22", "ifindex 2,40,4,2,-19", "ifindex 1,40,4,1,0",
        "tstamp_type,180,1,1,-22", "family,88,4,2,-22", "hwtstamp,184,8,5,0", "gso_size,176,4,70000,0"
    })
    void prepare_ctxInAsTheKernelAcceptsIt(String what, int offset, int size, long value, long error) {
        Skb skb = prepare(UDP4, ctxWith(offset, size, value), error);
        if (error == 0) {
            assertNotNull(skb);
        } else {
            assertNull(skb);
        }
    }

    @Test
    void prepare_gsoSizeIsCutTo16Bits() {
        assertEquals(
                70000 & 0xffff, prepare(UDP4, ctxWith(176, 4, 70000), 0).meta().gsoSize());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "short,00000000000000000000000000,-22",
        "ipv4 19 bytes,0000000000000000000000000800" + "00000000000000000000000000000000000000,-22",
        "ipv6 39 bytes,00000000000000000000000086dd"
                + "000000000000000000000000000000000000000000000000000000000000000000000000000000,-22",
        "ethernet only,0000000000000000000000000806,0"
    })
    void prepare_frameLengths(String what, String hex, long error) {
        prepare(hex, new byte[192], error);
    }

    @Test
    void prepare_frameOverOnePageIsEinval() {
        prepare("00".repeat(SkbTestRun.MAX_DATA + 1), new byte[192], -22);
        assertNotNull(prepare("00".repeat(SkbTestRun.MAX_DATA), new byte[192], 0));
    }

    @Test
    void run_outputLongerThanTheBufferIsEnospc() {
        TestRunException e = assertThrows(
                TestRunException.class,
                () -> SkbTestRun.run(
                        marking(0, 100),
                        ctx,
                        TestRun.of(HexFormat.of().parseHex(UDP4)).withDataSizeOut(100)));
        assertEquals(Errno.ENOSPC, e.errno());
    }

    @Test
    void run_timedOnlyWhenRepeated() {
        TestRun once = TestRun.of(HexFormat.of().parseHex(UDP4));
        assertEquals(
                false, SkbTestRun.run(marking(0, 0), ctx, once).durationNs().isPresent());
        assertEquals(
                true,
                SkbTestRun.run(marking(0, 0), ctx, once.withRepeat(10))
                        .durationNs()
                        .isPresent());
    }
}
