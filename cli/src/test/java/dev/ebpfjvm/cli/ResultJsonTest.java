package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Results print as Python's json.dumps(value, indent=1), the kernel oracle's output. */
class ResultJsonTest {
    @Test
    void write_asPythonIndentOne() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("retval", 2L);
        m.put("cb", List.of(0L, 1L));
        m.put("empty", List.of());
        m.put("none", Map.of());
        m.put("nested", Map.of("k", List.of(Map.of("key", "00"))));
        m.put("s", "a\"\u00e9\n\u0001/\u007f");
        m.put("big", new BigInteger("18446744073709551615"));
        m.put("neg", -22L);
        assertEquals(
                "{\n \"retval\": 2,\n \"cb\": [\n  0,\n  1\n ],\n \"empty\": [],\n \"none\": {},\n"
                        + " \"nested\": {\n  \"k\": [\n   {\n    \"key\": \"00\"\n   }\n  ]\n },\n"
                        + " \"s\": \"a\\\"\\u00e9\\n\\u0001/\u007f\",\n \"big\": 18446744073709551615,\n \"neg\": -22\n}",
                ResultJson.write(m));
    }

    @Test
    void write_emptyTopLevelContainers() {
        assertEquals("[]", ResultJson.write(List.of()));
        assertEquals("{}", ResultJson.write(Map.of()));
    }

    @Test
    void roundTrip_randomDocuments() {
        long seed = Long.getLong("ebpfjvm.seed", System.nanoTime());
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            Object doc = random(r, 0);
            assertEquals(doc, TestJson.parse(ResultJson.write(doc)), "seed " + seed);
        }
    }

    private static Object random(Random r, int depth) {
        switch (depth > 3 ? r.nextInt(3) : r.nextInt(5)) {
            case 0:
                return r.nextLong();
            case 1: {
                char[] cs = new char[r.nextInt(6)];
                for (int i = 0; i < cs.length; i++) {
                    cs[i] = (char) r.nextInt(0x300);
                }
                return new String(cs);
            }
            case 2:
                return r.nextBoolean();
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
