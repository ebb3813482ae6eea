package dev.ebpfjvm.core.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated frames parsed by a checker written here, independently of the generator: header
 * fields, lengths, and every checksum verified by summing the covered bytes (checksum included)
 * to 0xffff.
 */
class TrafficGeneratorTest {
    /** What the checker saw in one frame. */
    record Parsed(boolean tagged, boolean v6, int proto, int ipLength, String flow) {}

    /** Ones'-complement sum of 16-bit words, carries folded in as it goes. */
    private static int onesSum(ByteBuffer b, int from, int to, int start) {
        int s = start;
        for (int i = from; i < to; i += 2) {
            int word = (b.get(i) & 0xff) << 8 | (i + 1 < to ? b.get(i + 1) & 0xff : 0);
            s += word;
            s = (s & 0xffff) + (s >>> 16);
        }
        return s;
    }

    static Parsed parse(byte[] frame) {
        assertTrue(frame.length >= 60 && frame.length <= 1518, "frame length " + frame.length);
        ByteBuffer b = ByteBuffer.wrap(frame);
        int at = 12;
        int type = b.getShort(at) & 0xffff;
        boolean tagged = type == 0x8100;
        if (tagged) {
            int vid = b.getShort(14) & 0xfff;
            assertTrue(vid >= 1 && vid <= 4094, "vid " + vid);
            at = 16;
            type = b.getShort(at) & 0xffff;
        }
        int ip = at + 2;
        int proto;
        int l4;
        int l4Len;
        int pseudo;
        boolean v6 = type == 0x86dd;
        if (v6) {
            assertEquals(6, (b.get(ip) & 0xff) >> 4);
            l4Len = b.getShort(ip + 4) & 0xffff;
            proto = b.get(ip + 6) & 0xff;
            assertEquals(64, b.get(ip + 7) & 0xff);
            l4 = ip + 40;
            pseudo = onesSum(b, ip + 8, ip + 40, 0);
        } else {
            assertEquals(0x0800, type);
            assertEquals(0x45, b.get(ip) & 0xff);
            int total = b.getShort(ip + 2) & 0xffff;
            assertEquals(0xffff, onesSum(b, ip, ip + 20, 0), "IPv4 header checksum");
            proto = b.get(ip + 9) & 0xff;
            l4 = ip + 20;
            l4Len = total - 20;
            pseudo = onesSum(b, ip + 12, ip + 20, 0);
        }
        int end = l4 + l4Len;
        assertTrue(end <= frame.length, "IP length beyond the frame");
        assertTrue(frame.length == end || frame.length == 60, "frame longer than its packet and not minimum-padded");
        for (int i = end; i < frame.length; i++) {
            assertEquals(0, frame[i], "padding");
        }
        int ipLength = l4Len + (v6 ? 40 : 20);
        assertTrue(ipLength <= 1500, "IP packet " + ipLength + " > MTU");
        String flow = (v6 ? "6" : "4") + "/" + proto + "/" + (tagged ? b.getShort(14) & 0xfff : -1);
        switch (proto) {
            case 6 -> {
                assertTrue(l4Len >= 20);
                assertEquals(5, (b.get(l4 + 12) & 0xff) >> 4);
                assertEquals(0xffff, onesSum(b, l4, end, pseudo + 6 + l4Len), "TCP checksum");
                flow += "/" + b.getInt(l4);
            }
            case 17 -> {
                assertEquals(l4Len, b.getShort(l4 + 4) & 0xffff, "UDP length");
                assertNotEquals(0, b.getShort(l4 + 6), "UDP checksum present");
                assertEquals(0xffff, onesSum(b, l4, end, pseudo + 17 + l4Len), "UDP checksum");
                flow += "/" + b.getInt(l4);
            }
            case 1 -> {
                assertTrue(!v6);
                assertEquals(8, b.get(l4));
                assertEquals(0xffff, onesSum(b, l4, end, 0), "ICMP checksum");
            }
            case 58 -> {
                assertTrue(v6);
                assertEquals(128, b.get(l4) & 0xff);
                assertEquals(0xffff, onesSum(b, l4, end, pseudo + 58 + l4Len), "ICMPv6 checksum");
            }
            default -> throw new AssertionError("protocol " + proto);
        }
        return new Parsed(tagged, v6, proto, ipLength, flow);
    }

    @Test
    void everyFrameParsesWithValidChecksumsAndTheMixIsKept() {
        int n = 20_000;
        List<Packet> packets = new TrafficGenerator(TrafficMix.DEFAULT, 7).generate(n);
        int tcp = 0;
        int udp = 0;
        int icmp = 0;
        int v6 = 0;
        int tagged = 0;
        int small = 0;
        int full = 0;
        long last = 0;
        for (Packet p : packets) {
            assertEquals(p.originalLength(), p.capturedLength());
            assertTrue(p.timestampNanos() > last);
            last = p.timestampNanos();
            Parsed f = parse(p.data());
            tcp += f.proto() == 6 ? 1 : 0;
            udp += f.proto() == 17 ? 1 : 0;
            icmp += f.proto() == 1 || f.proto() == 58 ? 1 : 0;
            v6 += f.v6() ? 1 : 0;
            tagged += f.tagged() ? 1 : 0;
            small += f.ipLength() < 200 ? 1 : 0;
            full += f.ipLength() == 1500 ? 1 : 0;
        }
        assertEquals(0.6, tcp / (double) n, 0.02);
        assertEquals(0.3, udp / (double) n, 0.02);
        assertEquals(0.1, icmp / (double) n, 0.02);
        assertEquals(0.25, v6 / (double) n, 0.02);
        assertEquals(0.1, tagged / (double) n, 0.02);
        assertTrue(small > n * 0.3 && full > n * 0.25, small + " small, " + full + " full-size of " + n);
    }

    @Test
    void aSkewedMixIsKept() {
        TrafficMix mix = new TrafficMix(0, 1, 3, 1, 1, 5);
        List<Packet> packets = new TrafficGenerator(mix, 1).generate(4000);
        Set<String> vlans = new HashSet<>();
        int icmp = 0;
        for (Packet p : packets) {
            Parsed f = parse(p.data());
            assertTrue(f.v6() && f.tagged() && f.proto() != 6, f.toString());
            icmp += f.proto() == 58 ? 1 : 0;
            vlans.add(f.flow().split("/")[2]);
        }
        assertEquals(0.75, icmp / 4000.0, 0.03);
        assertEquals(5, vlans.size(), "one VLAN id per flow: " + vlans);
    }

    @Test
    void onlyTcp() {
        for (Packet p : new TrafficGenerator(new TrafficMix(1, 0, 0, 0, 0, 1), 3).generate(500)) {
            Parsed f = parse(p.data());
            assertTrue(f.proto() == 6 && !f.v6() && !f.tagged(), f.toString());
        }
    }

    @Test
    void flowsAreSpread() {
        Set<String> flows = new HashSet<>();
        for (Packet p : new TrafficGenerator(new TrafficMix(1, 1, 0, 0.5, 0, 16), 9).generate(3000)) {
            flows.add(parse(p.data()).flow());
        }
        // 16 flows x {TCP, UDP} x {IPv4, IPv6}
        assertEquals(64, flows.size());
    }

    @Test
    void theSeedDecides() {
        assertEquals(
                new TrafficGenerator(TrafficMix.DEFAULT, 11).generate(300),
                new TrafficGenerator(TrafficMix.DEFAULT, 11).generate(300));
        assertNotEquals(
                new TrafficGenerator(TrafficMix.DEFAULT, 11).generate(300),
                new TrafficGenerator(TrafficMix.DEFAULT, 12).generate(300));
        assertTrue(TrafficGenerator.START_NANOS
                < new TrafficGenerator(TrafficMix.DEFAULT, 0).next().timestampNanos());
    }

    @Test
    void badMixesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrafficMix(0, 0, 0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrafficMix(-1, 1, 0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrafficMix(Double.NaN, 1, 0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrafficMix(Double.POSITIVE_INFINITY, 1, 0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrafficMix(1, 0, 0, 1.5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrafficMix(1, 0, 0, 0, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrafficMix(1, 0, 0, 0, 0, 0));
    }
}
