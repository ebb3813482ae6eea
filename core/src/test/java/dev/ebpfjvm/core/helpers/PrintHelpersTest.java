package dev.ebpfjvm.core.helpers;

import static dev.ebpfjvm.core.helpers.Harness.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.memory.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrintHelpersTest {
    private final Harness h = Harness.frame(Harness.IPV4_UDP);

    private long putString(int at, String s) {
        byte[] b = (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
        h.put(stack(at), b);
        return b.length;
    }

    private long snprintf(String fmt, long... args) {
        putString(0, fmt);
        byte[] raw = new byte[args.length * 8];
        for (int i = 0; i < args.length; i++) {
            LittleEndian.putU64(raw, i * 8, args[i]);
        }
        h.put(stack(100), raw);
        return PrintHelpers.snprintf(h.ctx, stack(300), 200, stack(0), args.length == 0 ? 0 : stack(100), raw.length);
    }

    private String text() {
        return CStrings.read(h.ctx.memory(), stack(300), 200);
    }

    @Test
    void tracePrintk_printsLineAndReturnsLength() {
        long size = putString(0, "x=%d\n");
        assertEquals(5, PrintHelpers.tracePrintk(h.ctx, stack(0), size, 54, 0, 0));
        assertEquals(List.of("x=54"), h.trace);
    }

    @Test
    void tracePrintk_errorsPrintNothing() {
        long size = putString(0, "bad %q\n");
        assertEquals(-22, PrintHelpers.tracePrintk(h.ctx, stack(0), size, 1, 0, 0));
        putString(0, "no nul");
        assertEquals(-22, PrintHelpers.tracePrintk(h.ctx, stack(0), 6, 0, 0, 0));
        putString(0, "%d %d %d %d");
        assertEquals(-22, PrintHelpers.tracePrintk(h.ctx, stack(0), 12, 1, 2, 3), "at most three arguments");
        assertEquals(List.of(), h.trace);
    }

    /** Recorded from the kernel with testdata/skb_misc.c (program strings). */
    @Test
    void snprintf_matchesKernel() {
        assertEquals(40, snprintf("len=%u neg=%d %05x|%-4d|%llx %%", 54, 0xffffffffffffff85L, 0xabc, 7, 0x1122334455L));
        assertEquals("len=54 neg=-123 00abc|7   |1122334455 %", text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "%d %i|-1 -1",
                "%u|4294967295",
                "%ld|-1",
                "%lu|18446744073709551615",
                "%x|ffffffff",
                "%lX|FFFFFFFFFFFFFFFF",
                "%+d|-1",
                "'%5d'|'   -1'",
                "%-5d.|-1   .",
                "%05d|-0001",
                "%c|\u00ff"
            })
    void snprintf_numbers(String fmt, String expected) {
        long[] args = new long[(int) fmt.chars().filter(c -> c == '%').count()];
        java.util.Arrays.fill(args, -1);
        snprintf(fmt, args);
        assertEquals(expected, text());
    }

    @Test
    void snprintf_stringsPointersAndAddresses() {
        putString(200, "abc");
        h.putHex(stack(220), "c0a80001");
        snprintf("%s|%5s|%-5s|%pks", stack(200), stack(200), stack(200), stack(200));
        assertEquals("abc|  abc|abc  |abc", text());
        snprintf("%pI4 %pi4 %s.", stack(220), stack(220), 54);
        assertEquals("192.168.0.1 192.168.000.001 .", text(), "unreadable strings print as empty");
        snprintf("%p %px", 0x12, 0xabcdef);
        assertEquals("0000000000000012 0000000000abcdef", text());
    }

    @Test
    void snprintf_ipv6() {
        h.putHex(stack(220), "20010db8000000000000000000000001");
        snprintf("%pI6 %pi6", stack(220), stack(220));
        assertEquals("2001:0db8:0000:0000:0000:0000:0000:0001 20010db8000000000000000000000001", text());
    }

    @Test
    void snprintf_truncatesAndReturnsFullLengthPlusOne() {
        putString(0, "%s!");
        putString(200, "0123456789");
        h.put(stack(100), le64(stack(200)));
        assertEquals(12, PrintHelpers.snprintf(h.ctx, stack(300), 5, stack(0), stack(100), 8));
        assertEquals("0123", text());
        assertEquals(12, PrintHelpers.snprintf(h.ctx, 0, 0, stack(0), stack(100), 8), "size 0 writes nothing");
    }

    private static byte[] le64(long v) {
        byte[] b = new byte[8];
        LittleEndian.putU64(b, 0, v);
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"%q", "%#x", "%.3d", "%sx", "%pZ", "%", "%hd", "%lld %d"})
    void snprintf_rejectedFormats(String fmt) {
        assertEquals(-22, snprintf(fmt, 1));
    }

    @Test
    void snprintf_badDataLength() {
        putString(0, "x");
        assertEquals(-22, PrintHelpers.snprintf(h.ctx, stack(300), 8, stack(0), stack(100), 4));
        assertEquals(-22, PrintHelpers.snprintf(h.ctx, stack(300), 8, stack(0), stack(100), 104));
        assertEquals(-22, PrintHelpers.snprintf(h.ctx, stack(300), 8, stack(0), 0, 8));
    }

    @Test
    void snprintf_nonPrintableFormatIsEinval() {
        assertEquals(-22, snprintf("a\u0001"));
        assertEquals(4, snprintf("a\tb"));
    }

    @Test
    void snprintf_stagingBufferOverflowIsEnospc() {
        putString(200, "x".repeat(90));
        long p = stack(200);
        assertEquals(
                90 * 5 + 56 + 1,
                snprintf("%s%s%s%s%s%s", p, p, p, p, p, p),
                "the last string is cut to what is left of 512 bytes");
        assertEquals(-28, snprintf("%s%s%s%s%s%s%d", p, p, p, p, p, p, 1));
    }
}
