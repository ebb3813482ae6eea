package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.memory.Memory;

/**
 * The format language of {@code bpf_trace_printk} and {@code bpf_snprintf}: the checks of
 * {@code bpf_bprintf_prepare()} (kernel/bpf/helpers.c, v6.18) and the output of the kernel's
 * {@code bstr_printf()} for what passes them.
 *
 * <pre>
 *  %[flags: 0 + - space][width] then one of
 *    d i u x X  with optional l / ll  (int: the low 32 bits; l, ll: 64 bits)
 *    c          one character
 *    s pks pus  a NUL-terminated string read from program memory (empty if unreadable);
 *               must be followed by NUL, space or punctuation
 *    p px pK ps pS pB   a pointer, printed as 16 hex digits
 *    pI4 pi4 pI6 pi6    an IPv4/IPv6 address read from program memory
 *  %%  a percent sign
 * </pre>
 * Anything else, a non-printable character, or more conversions than arguments is -EINVAL; the
 * arguments' 512-byte staging buffer overflowing is -ENOSPC. The kernel hashes {@code %p}
 * pointers with a boot-time secret; here the raw 64-bit address is printed.
 */
final class Bprintf {
    /** {@code MAX_BPRINTF_BIN_ARGS}: the staging buffer of string and number arguments. */
    static final int MAX_BIN_ARGS = 512;

    private final Memory memory;
    private final byte[] fmt;
    private final int fmtLen;
    private final long[] args;
    private final StringBuilder out = new StringBuilder();
    private int staged;
    private int numSpec;

    private Bprintf(Memory memory, byte[] fmt, int fmtLen, long[] args) {
        this.memory = memory;
        this.fmt = fmt;
        this.fmtLen = fmtLen;
        this.args = args;
    }

    /**
     * Formats.
     *
     * @param fmt the format bytes; only the first {@code fmtLen} count (the kernel stops at the NUL)
     * @param args the arguments as 64-bit values
     * @return the whole output (callers truncate), or null with {@code error[0]} set to a negative errno
     */
    static String format(Memory memory, byte[] fmt, int fmtLen, long[] args, long[] error) {
        Bprintf p = new Bprintf(memory, fmt, fmtLen, args);
        long err = p.run();
        error[0] = err;
        return err < 0 ? null : p.out.toString();
    }

    private int at(int i) {
        return i < fmtLen ? fmt[i] & 0xff : 0;
    }

    private long run() {
        for (int i = 0; i < fmtLen; i++) {
            int c = at(i);
            if (c >= 0x80 || !(isPrint(c) || isSpace(c))) {
                return Errno.EINVAL.negative();
            }
            if (c != '%') {
                out.append((char) c);
                continue;
            }
            if (at(i + 1) == '%') {
                out.append('%');
                i++;
                continue;
            }
            if (numSpec >= args.length) {
                return Errno.EINVAL.negative();
            }
            int r = conversion(i + 1);
            if (r < 0) {
                return r;
            }
            i = r;
            numSpec++;
        }
        return 0;
    }

    /** Parses and prints one conversion starting after its '%'; {@return the index of its last character, or a negative errno} */
    private int conversion(int i) {
        Spec spec = new Spec();
        while (at(i) == '0' || at(i) == '+' || at(i) == '-' || at(i) == ' ') {
            spec.flag(at(i++));
        }
        if (at(i) >= '1' && at(i) <= '9') {
            while (at(i) >= '0' && at(i) <= '9') {
                spec.width = Math.min(spec.width * 10 + at(i++) - '0', 4096);
            }
        }
        long arg = args[numSpec];
        int c = at(i);
        if (c == 'p') {
            return pointer(i, spec, arg);
        } else if (c == 's') {
            return string(i, spec, arg);
        } else if (c == 'c') {
            if (!stage(1)) {
                return (int) Errno.ENOSPC.negative();
            }
            out.append(spec.pad(String.valueOf((char) (arg & 0xff)), false));
            return i;
        }
        int size = 4;
        if (at(i) == 'l') {
            size = 8;
            i++;
        }
        if (at(i) == 'l') {
            i++;
        }
        c = at(i);
        if (c != 'i' && c != 'd' && c != 'u' && c != 'x' && c != 'X') {
            return (int) Errno.EINVAL.negative();
        }
        if (!stageNumber(size)) {
            return (int) Errno.ENOSPC.negative();
        }
        out.append(spec.number(size == 4 ? arg & 0xffffffffL : arg, size, c));
        return i;
    }

    private int pointer(int i, Spec spec, long arg) {
        int next = at(i + 1);
        if ((next == 'k' || next == 'u') && at(i + 2) == 's') {
            return string(i + 2, spec, arg);
        }
        if (next == 0
                || isSpace(next)
                || isPunct(next)
                || next == 'K'
                || next == 'x'
                || next == 's'
                || next == 'S'
                || next == 'B') {
            if (!stageNumber(8)) {
                return (int) Errno.ENOSPC.negative();
            }
            out.append(spec.pad(String.format("%016x", arg), true));
            // The kernel skips the character after 'p' while checking; bstr_printf eats only
            // the alphanumeric suffixes, so punctuation and spaces after %p are still printed.
            if (next != 0 && !Character.isLetterOrDigit(next)) {
                return i;
            }
            return next == 0 ? i : i + 1;
        }
        if ((next != 'i' && next != 'I') || (at(i + 2) != '4' && at(i + 2) != '6')) {
            return (int) Errno.EINVAL.negative();
        }
        int len = at(i + 2) == '4' ? 4 : 16;
        byte[] ip = readOrZero(arg, len);
        String text = len == 4 ? IpText.v4(ip, next == 'i') : IpText.v6(ip, next == 'i');
        if (MAX_BIN_ARGS - staged < len) {
            return (int) Errno.ENOSPC.negative();
        }
        staged += text.length() + 1;
        out.append(spec.pad(text, false));
        int end = i + 2;
        while (Character.isLetterOrDigit(at(end + 1))) {
            end++;
        }
        return end;
    }

    private int string(int i, Spec spec, long arg) {
        int next = at(i + 1);
        if (next != 0 && !isSpace(next) && !isPunct(next)) {
            return (int) Errno.EINVAL.negative();
        }
        if (staged == MAX_BIN_ARGS) {
            return (int) Errno.ENOSPC.negative();
        }
        String s = CStrings.read(memory, arg, MAX_BIN_ARGS - staged - 1);
        staged += s.length() + 1;
        out.append(spec.pad(s, false));
        return i;
    }

    private byte[] readOrZero(long address, int len) {
        try {
            return memory.read(address, len);
        } catch (EbpfException e) {
            return new byte[len];
        }
    }

    private boolean stage(int n) {
        if (staged == MAX_BIN_ARGS) {
            return false;
        }
        staged += n;
        return true;
    }

    private boolean stageNumber(int size) {
        staged = (staged + 3) & ~3;
        if (MAX_BIN_ARGS - staged < size) {
            return false;
        }
        staged += size;
        return true;
    }

    static boolean isPrint(int c) {
        return c >= 0x20 && c < 0x7f;
    }

    static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isPunct(int c) {
        return isPrint(c) && c != ' ' && !Character.isLetterOrDigit(c);
    }
}
