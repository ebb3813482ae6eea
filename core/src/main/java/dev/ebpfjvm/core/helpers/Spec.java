package dev.ebpfjvm.core.helpers;

/** The flags and width of one {@link Bprintf} conversion, and the padding {@code vsnprintf()} gives them. */
final class Spec {
    boolean left;
    boolean zero;
    boolean plus;
    boolean space;
    int width;

    void flag(int c) {
        switch (c) {
            case '-':
                left = true;
                break;
            case '0':
                zero = true;
                break;
            case '+':
                plus = true;
                break;
            default:
                space = true;
        }
    }

    /** Pads text to the width: spaces, or zeros when {@code zeroPad} and the '0' flag allow it. */
    String pad(String text, boolean zeroPad) {
        if (text.length() >= width) {
            return text;
        }
        String fill = (zeroPad && !left ? "0" : " ").repeat(width - text.length());
        return left ? text + fill : fill + text;
    }

    /**
     * Formats a number as the kernel's {@code number()} does.
     *
     * @param value the argument, already cut to its size (zero-extended)
     * @param size 4 or 8 bytes
     * @param conv d, i, u, x or X
     */
    String number(long value, int size, int conv) {
        String sign = "";
        String digits;
        if (conv == 'd' || conv == 'i') {
            long v = size == 4 ? (int) value : value;
            if (v < 0) {
                sign = "-";
                digits = Long.toUnsignedString(-v);
            } else {
                sign = plus ? "+" : space ? " " : "";
                digits = Long.toString(v);
            }
        } else if (conv == 'u') {
            digits = Long.toUnsignedString(value);
        } else {
            digits = Long.toHexString(value);
            if (conv == 'X') {
                digits = digits.toUpperCase(java.util.Locale.ROOT);
            }
        }
        int n = sign.length() + digits.length();
        if (n >= width) {
            return sign + digits;
        }
        if (left) {
            return sign + digits + " ".repeat(width - n);
        }
        return zero ? sign + "0".repeat(width - n) + digits : " ".repeat(width - n) + sign + digits;
    }
}
