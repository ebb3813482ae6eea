package dev.ebpfjvm.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads JSON in tests as plain Java values: objects as maps in document order, arrays as lists,
 * integers as {@code Long} (or {@code BigInteger} past 64 bits), as the results TestRunner builds.
 */
final class TestJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private TestJson() {}

    static Object parse(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + e.getOriginalMessage() + "\n" + text, e);
        }
    }
}
