package dev.ebpfjvm.core.helpers;

/** The kernel's {@code %pI4 %pi4 %pI6 %pi6} address texts (lib/vsprintf.c). */
final class IpText {
    private IpText() {}

    /** {@return "1.2.3.4", or with {@code padded} "001.002.003.004"} */
    static String v4(byte[] a, boolean padded) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                s.append('.');
            }
            s.append(padded ? String.format("%03d", a[i] & 0xff) : String.valueOf(a[i] & 0xff));
        }
        return s.toString();
    }

    /** {@return eight colon-separated groups of four hex digits, or with {@code plain} 32 hex digits} */
    static String v6(byte[] a, boolean plain) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0 && !plain) {
                s.append(':');
            }
            s.append(String.format("%02x%02x", a[i] & 0xff, a[i + 1] & 0xff));
        }
        return s.toString();
    }
}
