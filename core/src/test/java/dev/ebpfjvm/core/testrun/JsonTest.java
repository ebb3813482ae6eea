package dev.ebpfjvm.core.testrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @Test
    void parse_allKinds() {
        Object v = Json.parse(" {\"a\": [1, -2, 3.5, 1e3, true, false, null], \"b\": \"x\\n\\u00e9\\\"\", \"c\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(1L, -2L, new BigDecimal("3.5"), new BigDecimal("1e3"), true, false), ((List<?>) m.get("a")).subList(0, 6));
        assertEquals("x\né\"", m.get("b"));
        assertEquals(Map.of(), m.get("c"));
        assertEquals(new BigInteger("18446744073709551615"), Json.parse("18446744073709551615"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"\\x\"", "\"a", "tru", "{\"a\" 1}",
        "[1] 2", "{\"a\":1,\"a\":2}", "\"\u0001\"", "{1:2}", "NaN", "'a'"})
    void parse_rejectsMalformed(String text) {
        assertThrows(JsonException.class, () -> Json.parse(text));
    }

    @Test
    void parse_deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        assertThrows(JsonException.class, () -> Json.parse(deep));
    }

    @Test
    void write_asPythonIndentOne() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("retval", 2L);
        m.put("cb", List.of(0L, 1L));
        m.put("empty", List.of());
        m.put("s", "a\"\u00e9");
        assertEquals("{\n \"retval\": 2,\n \"cb\": [\n  0,\n  1\n ],\n \"empty\": [],\n \"s\": \"a\\\"\\u00e9\"\n}", Json.write(m));
    }

    @Test
    void roundTrip_randomDocuments() {
        long seed = Long.getLong("ebpfjvm.seed", System.nanoTime());
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            Object doc = random(r, 0);
            assertEquals(doc, Json.parse(Json.write(doc)), "seed " + seed);
        }
    }

    private static Object random(Random r, int depth) {
        switch (depth > 3 ? r.nextInt(3) : r.nextInt(5)) {
            case 0: return r.nextLong();
            case 1: {
                char[] cs = new char[r.nextInt(6)];
                for (int i = 0; i < cs.length; i++) {
                    cs[i] = (char) r.nextInt(0x300);
                }
                return new String(cs);
            }
            case 2: return r.nextBoolean();
            case 3: {
                Object[] items = new Object[r.nextInt(4)];
                for (int i = 0; i < items.length; i++) {
                    items[i] = random(r, depth + 1);
                }
                return Arrays.asList(items);
            }
            default: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    m.put("k" + r.nextInt(100), random(r, depth + 1));
                }
                return m;
            }
        }
    }
}
