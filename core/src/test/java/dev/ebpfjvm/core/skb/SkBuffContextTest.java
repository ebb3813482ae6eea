package dev.ebpfjvm.core.skb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkBuffContextTest {
    private static final String FRAME =
            "ffffffffffff020000000001" + "0800" + "45000014000100004000f9e5c0a80001c0a80002";
    private ProgramContext ctx;
    private Skb skb;
    private Memory memory;

    @BeforeEach
    void setUp() {
        ctx = new ProgramContext();
        skb = Skb.of(HexFormat.of().parseHex(FRAME));
        EthTypeTrans.apply(skb, 1, new byte[6], new byte[6]);
        SkBuffContext.install(ctx, skb, Devices.loopbackOnly());
        memory = ctx.memory();
    }

    private long load(int off, int size) {
        return memory.load(Address.of(Memory.CONTEXT_REGION, off), size);
    }

    private void store(int off, int size, long v) {
        memory.store(Address.of(Memory.CONTEXT_REGION, off), size, v);
    }

    @Test
    void install_pointsR1AtContextAndPublishesPacket() {
        assertEquals(Address.of(Memory.CONTEXT_REGION, 0), ctx.entryR1());
        assertEquals(skb.buffer(), memory.packet());
    }

    @Test
    void load_fieldsOfReceivedFrame() {
        assertEquals(34, load(0, 4));
        assertEquals(SkbMetadata.PACKET_MULTICAST, load(4, 4));
        assertEquals(0x0008, load(16, 4), "protocol is big-endian 0x0800 read on a little-endian CPU");
        assertEquals(1, load(40, 4));
    }

    @Test
    void load_dataPointersSpanThePacket() {
        long data = load(76, 4);
        long end = load(80, 4);
        assertEquals(Address.of(Memory.PACKET_REGION, skb.data()), data);
        assertEquals(34, end - data);
        assertEquals(data, load(140, 4), "data_meta == data: tc skbs have no metadata");
        assertEquals(0xff, memory.load(data, 1));
    }

    @ParameterizedTest(name = "{0}-byte load at {1}")
    @CsvSource({"1,16,8", "1,17,0", "2,16,8", "1,18,0", "2,18,8", "1,4,2", "1,7,2", "2,6,2", "1,1,0", "1,0,34"})
    void load_narrowAsTheVerifierRewritesIt(int size, int off, long expected) {
        assertEquals(expected, load(off, size));
    }

    @Test
    void store_writableFields() {
        store(8, 4, 0x1234_5678);
        store(32, 4, 7);
        store(44, 4, 0x1_0002);
        store(72, 4, 0x10001);
        store(152, 8, -5);
        assertEquals(0x1234_5678, load(8, 4));
        assertEquals(7, load(32, 4));
        assertEquals(2, load(44, 4), "tc_index is 16 bits wide");
        assertEquals(1, load(72, 4), "tc_classid is 16 bits wide");
        assertEquals(-5, load(152, 8));
    }

    @Test
    void store_queueMappingIgnoresNoQueueMapping() {
        store(12, 4, 3);
        assertEquals(3, load(12, 4));
        store(12, 4, 0xffff);
        assertEquals(3, load(12, 4));
        store(12, 4, 0x1_0000_0001L);
        assertEquals(3, load(12, 4), "the 64-bit register is compared, not its low half");
    }

    @Test
    void cb_anyAlignedSizeWithinCb() {
        store(48, 8, 0x1122334455667788L);
        assertEquals(0x55667788L, load(48, 4));
        assertEquals(0x11223344L, load(52, 4));
        assertEquals(0x88, load(48, 1));
        store(66, 2, 0xabcd);
        assertEquals(0xabcd0000L, load(64, 4));
        assertEquals((byte) 0xab, skb.meta().cb()[19]);
    }

    @ParameterizedTest(name = "read of {1} bytes at {0}")
    @CsvSource({
        "64,8", "52,8", "9,4", "8,8", "76,8", "77,1", "88,4", "136,4", "144,8", "153,1", "152,4", "168,4", "170,1",
        "180,4", "181,1", "186,2", "192,1", "-4,4", "184,4"
    })
    void load_rejectedAsTheKernelRejectsIt(int off, int size) {
        assertThrows(ProgramFaultException.class, () -> load(off, size));
    }

    @ParameterizedTest(name = "write of {1} bytes at {0}")
    @CsvSource({
        "0,4", "4,4", "8,2", "8,1", "16,4", "40,4", "68,4", "76,4", "80,4", "160,4", "164,4", "184,8", "168,8", "180,1",
        "152,4"
    })
    void store_rejectedAsTheKernelRejectsIt(int off, int size) {
        assertThrows(ProgramFaultException.class, () -> store(off, size, 1));
    }

    @Test
    void load_readOnlyWholeFields() {
        assertEquals(0, load(168, 8), "no socket");
        assertEquals(0, load(180, 1));
        skb.meta().setHwtstamp(99);
        assertEquals(99, load(184, 8));
    }

    @Test
    void packetChanged_republishesReallocatedBuffer() {
        SkBuffContext model = SkBuffContext.of(ctx);
        skb.push(1000);
        model.packetChanged();
        assertEquals(skb.buffer(), memory.packet());
        assertEquals(Address.of(Memory.PACKET_REGION, skb.data()), load(76, 4));
    }

    @Test
    void of_faultsWithoutSkb() {
        assertThrows(ProgramFaultException.class, () -> SkBuffContext.of(new ProgramContext()));
    }
}
