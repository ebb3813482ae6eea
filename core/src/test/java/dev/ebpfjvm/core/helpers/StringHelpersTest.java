package dev.ebpfjvm.core.helpers;

import static dev.ebpfjvm.core.helpers.Harness.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.memory.LittleEndian;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases recorded from the kernel with testdata/skb_misc.c (program strings), and more. */
class StringHelpersTest {
    private final Harness h = Harness.frame(Harness.IPV4_UDP);

    private long[] call(boolean signed, String text, long len, long flags) {
        byte[] b = text.replace("\\0", "\0").getBytes(StandardCharsets.ISO_8859_1);
        h.put(stack(0), b);
        h.put(stack(100), new byte[] {9, 9, 9, 9, 9, 9, 9, 9});
        long r = signed
                ? StringHelpers.strtol(h.ctx, stack(0), len < 0 ? b.length : len, flags, stack(100), 0)
                : StringHelpers.strtoul(h.ctx, stack(0), len < 0 ? b.length : len, flags, stack(100), 0);
        return new long[] {r, LittleEndian.getU64(h.get(stack(100), 8), 0)};
    }

    @ParameterizedTest(name = "strtol(\"{0}\", {1}, {2}) = {3}, {4}")
    @CsvSource({
        "'  -1234xyz\\0',-1,0,7,-1234",
        "'0777\\0',-1,0,4,511",
        "'0777\\0',2,10,2,7",
        "'   \\0',-1,0,-22,0",
        "'  -1234xyz\\0',-1,7,-22,0",
        "'9223372036854775807',-1,10,19,9223372036854775807",
        "'9223372036854775808',-1,10,-34,0",
        "'-9223372036854775808',-1,10,20,-9223372036854775808",
        "'0x',-1,0,1,0",
        "'0xg',-1,16,-22,0",
        "'ff',-1,16,2,255",
        "'12',0,10,-22,0",
        "'x',-1,10,-22,0",
        "'1',-1,32,-22,0"
    })
    void strtol(String text, long len, long flags, long rc, long value) {
        long[] r = call(true, text, len, flags);
        assertEquals(rc, r[0]);
        assertEquals(value, r[1]);
    }

    @ParameterizedTest(name = "strtoul(\"{0}\", {1}) = {2}, {3}")
    @CsvSource({
        "'  -1234xyz\\0',0,-22,0",
        "'0x1fZ\\0',0,4,31",
        "'0x1fZ\\0',16,4,31",
        "'99999999999999999999\\0',10,-34,0",
        "'18446744073709551615',10,20,-1",
        "'\t\n 42',0,5,42"
    })
    void strtoul(String text, long flags, long rc, long value) {
        long[] r = call(false, text, -1, flags);
        assertEquals(rc, r[0]);
        assertEquals(value, r[1]);
    }
}
