package dev.ebpfjvm.cli;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The byte syntax of topology files, for map keys and values and global variables: parts separated
 * by spaces, concatenated. {@code u8:N u16:N u32:N u64:N} are little-endian (host order, as a
 * struct field holds them on x86), {@code be16:N be32:N be64:N} network order, {@code ip:A.B.C.D}
 * an IPv4 address in network order, {@code mac:AA:BB:CC:DD:EE:FF} six bytes, {@code zero:N} N zero
 * bytes, and a bare pair of hex digits ({@code 0a}) one byte. A list of such strings is joined.
 */
final class ValueBytes {
    private ValueBytes() {}

    /** {@return the bytes a node spells, or an error at that node} */
    static byte[] of(TopologyNode n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<TopologyNode> parts = !n.isNull() && isList(n) ? TopologyNode.items(n) : List.of(n);
        for (TopologyNode p : parts) {
            for (String part : p.text().trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    try {
                        out.writeBytes(part(part));
                    } catch (IllegalArgumentException e) {
                        throw p.error("'" + part + "': " + e.getMessage());
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private static boolean isList(TopologyNode n) {
        try {
            TopologyNode.items(n);
            return true;
        } catch (CliException e) {
            return false;
        }
    }

    /** {@return the bytes of one part} */
    static byte[] part(String part) {
        int colon = part.indexOf(':');
        if (colon < 0) {
            if (part.matches("[0-9a-fA-F]{2}")) {
                return new byte[] {(byte) Integer.parseInt(part, 16)};
            }
            throw new IllegalArgumentException(
                    "expected u8:/u16:/u32:/u64:/be16:/be32:/be64:/ip:/mac:/zero:N or a hex byte");
        }
        String kind = part.substring(0, colon);
        String v = part.substring(colon + 1);
        switch (kind) {
            case "u8":
                return le(number(v, 1), 1);
            case "u16":
                return le(number(v, 2), 2);
            case "u32":
                return le(number(v, 4), 4);
            case "u64":
                return le(number(v, 8), 8);
            case "be16":
                return be(number(v, 2), 2);
            case "be32":
                return be(number(v, 4), 4);
            case "be64":
                return be(number(v, 8), 8);
            case "ip":
                return ipv4(v);
            case "mac":
                return mac(v);
            case "zero":
                return new byte[(int) Math.min(number(v, 2), 4096)];
            default:
                throw new IllegalArgumentException("unknown kind '" + kind + "'");
        }
    }

    private static long number(String v, int size) {
        long n;
        try {
            n = v.startsWith("0x")
                    ? Long.parseUnsignedLong(v.substring(2), 16)
                    : v.startsWith("-") ? Long.parseLong(v) : Long.parseUnsignedLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
        if (size < 8 && (n >= 0 ? n >>> (8 * size) != 0 : n < -(1L << (8 * size - 1)))) {
            throw new IllegalArgumentException("does not fit in " + size + " byte" + (size == 1 ? "" : "s"));
        }
        return n;
    }

    private static byte[] le(long v, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private static byte[] be(long v, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[size - 1 - i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    static byte[] ipv4(String v) {
        String[] q = v.split("\\.", -1);
        if (q.length != 4) {
            throw new IllegalArgumentException("an IPv4 address has 4 dotted numbers");
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!q[i].matches("[0-9]{1,3}") || Integer.parseInt(q[i]) > 255) {
                throw new IllegalArgumentException("'" + q[i] + "' is not 0..255");
            }
            b[i] = (byte) Integer.parseInt(q[i]);
        }
        return b;
    }

    static byte[] mac(String v) {
        String[] q = v.split("[:-]", -1);
        if (q.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 hex bytes");
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            if (!q[i].matches("[0-9a-fA-F]{2}")) {
                throw new IllegalArgumentException("'" + q[i] + "' is not a hex byte");
            }
            b[i] = (byte) Integer.parseInt(q[i], 16);
        }
        return b;
    }
}
