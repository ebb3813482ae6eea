package dev.ebpfjvm.core.testrun;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Typed reads of parsed JSON fields of one case, failing with a {@link TestCaseException} that names the case and field. */
final class JsonFields {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private final String caseName;

    JsonFields(String caseName) {
        this.caseName = caseName;
    }

    String caseName() {
        return caseName;
    }

    TestCaseException error(String what) {
        return new TestCaseException(caseName + ": " + what);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object o, String where) {
        if (!(o instanceof Map)) {
            throw new TestCaseException(where + ": expected a JSON object");
        }
        return (Map<String, Object>) o;
    }

    void onlyKeys(Map<String, Object> m, String prefix, String... allowed) {
        for (String key : m.keySet()) {
            if (!Arrays.asList(allowed).contains(key)) {
                throw error("unknown field '" + prefix + key + "'");
            }
        }
    }

    String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String)) {
            throw error("\"" + key + "\" must be a string");
        }
        return (String) v;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(Object m, String key) {
        Object v = ((Map<String, Object>) m).get(key);
        if (!(v instanceof List)) {
            throw error("\"" + key + "\" must be a list");
        }
        return (List<Object>) v;
    }

    byte[] hex(Map<String, Object> m, String key) {
        if (!m.containsKey(key)) {
            throw error("missing \"" + key + "\"");
        }
        return hexValue(m.get(key), key);
    }

    byte[] hexValue(Object v, String where) {
        if (!(v instanceof String)) {
            throw error(where + " must be a hex string");
        }
        String s = (String) v;
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            throw error(where + ": malformed hex \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"");
        }
    }

    /** {@return an integer field as 64 bits; negative values and values up to 2^64 - 1 are allowed, as Python's masking does} */
    long integer(Object v, String where) {
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof BigInteger && ((BigInteger) v).signum() >= 0 && ((BigInteger) v).compareTo(U64_MAX) <= 0) {
            return ((BigInteger) v).longValue();
        }
        throw error(where + " must be an integer of at most 64 bits");
    }
}
