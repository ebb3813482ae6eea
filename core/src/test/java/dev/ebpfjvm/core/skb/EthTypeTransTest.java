package dev.ebpfjvm.core.skb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classification as recorded from the kernel's test run on loopback (cases/skb_fields). */
class EthTypeTransTest {
    private static final byte[] ZERO = new byte[6];

    @ParameterizedTest(name = "dst {0} type {1}")
    @CsvSource({
        "000000000000,0800,0000,0,0x0800", "ffffffffffff,0800,0000,2,0x0800", "01005e000001,86dd,0000,2,0x86dd",
        "020000000001,0800,0000,3,0x0800", "000000000000,0020,ffff,0,0x0001", "000000000000,0020,4242,0,0x0004",
        "000000000000,8100,0064,0,0x8100"
    })
    void apply(String dst, String type, String next, int pktType, String proto) {
        Skb skb = Skb.of(HexFormat.of().parseHex(dst + "020000000002" + type + next + "0000"));
        EthTypeTrans.apply(skb, 1, ZERO, ZERO);
        assertEquals(pktType, skb.meta().pktType());
        assertEquals(Integer.decode(proto), skb.meta().protocol());
        assertEquals(skb.data(), skb.macHeader());
        assertEquals(14, skb.networkOffset());
        assertEquals(1, skb.meta().ifindex());
    }

    @Test
    void broadcastOnADeviceWithABroadcastAddress() {
        byte[] bcast = HexFormat.of().parseHex("ffffffffffff");
        Skb skb = Skb.of(HexFormat.of().parseHex("ffffffffffff" + "020000000002" + "0800"));
        EthTypeTrans.apply(skb, 3, HexFormat.of().parseHex("020000000003"), bcast);
        assertEquals(SkbMetadata.PACKET_BROADCAST, skb.meta().pktType());
    }

    @Test
    void shortFrameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EthTypeTrans.apply(Skb.of(new byte[13]), 1, ZERO, ZERO));
    }
}
