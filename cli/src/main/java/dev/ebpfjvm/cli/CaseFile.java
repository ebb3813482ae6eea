package dev.ebpfjvm.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ebpfjvm.core.skb.SkBuffField;
import dev.ebpfjvm.core.testrun.TestCase;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A test-run case file in the kernel oracle's format (shared/tools/kernel-oracle/README.md): one
 * case object, a list of them, or {@code {"cases": [...]}}.
 * <pre>
 * {"prog": "name", "data_in": "hex", "ctx_in": {"mark": 1, "cb": [0,0,0,0,0]},
 *  "setup": {"globals": {"var": "hex"}, "maps": [{"map": "m", "key": "hex", "value": "hex"},
 *                                                 {"map": "jmp", "key": "hex", "prog": "name"}]}}
 * </pre>
 * A {@code name} field, which the oracle ignores, labels the case in error messages. The JSON is
 * read strictly (RFC 8259: no duplicate keys, nothing after the document), and every field is
 * checked: a mistake is a {@link CliException} naming the file, the case and the field.
 *
 * @param cases the cases in file order
 * @param isList whether the file held a list (results are then printed as a JSON array)
 */
record CaseFile(List<TestCase> cases, boolean isList) {
    /** The fields the oracle can pack into {@code ctx_in}: its {@code SKB_FIELDS}. */
    private static final List<String> CTX_FIELDS = List.of(
            "len",
            "pkt_type",
            "mark",
            "queue_mapping",
            "protocol",
            "vlan_present",
            "vlan_tci",
            "vlan_proto",
            "priority",
            "ingress_ifindex",
            "ifindex",
            "tc_index",
            "cb",
            "hash",
            "tc_classid",
            "napi_id",
            "family",
            "tstamp",
            "wire_len",
            "gso_segs",
            "gso_size",
            "tstamp_type",
            "hwtstamp");

    private static final int FAMILY_OFFSET = 88;
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    CaseFile {
        cases = List.copyOf(cases);
    }

    /**
     * Reads a case file's text.
     *
     * @param source the file, for messages
     * @throws CliException naming the file, case and field that is wrong
     */
    static CaseFile parse(String source, String json) {
        JsonNode doc;
        try {
            doc = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CliException(source + ": not valid JSON: " + describe(e));
        }
        if (doc == null || doc.isMissingNode()) {
            throw new CliException(source + ": not valid JSON: no value");
        }
        if (doc.isObject() && doc.has("cases")) {
            doc = doc.get("cases");
            if (!doc.isArray()) {
                throw new CliException(source + ": \"cases\" is not a list");
            }
        }
        if (doc.isArray()) {
            List<TestCase> cases = new ArrayList<>();
            for (JsonNode c : doc) {
                cases.add(parseCase(source, c, "case " + cases.size()));
            }
            return new CaseFile(cases, true);
        }
        return new CaseFile(List.of(parseCase(source, doc, "case 0")), false);
    }

    /** The message of a JSON error, on one line, with its line and column. */
    private static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
        JsonLocation at = e.getLocation();
        return at == null ? what : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static TestCase parseCase(String source, JsonNode c, String label) {
        if (!c.isObject()) {
            throw new CliException(source + ": " + label + ": expected a JSON object");
        }
        String name = c.path("name").isTextual() ? c.get("name").asText() : label;
        Fields f = new Fields(source + ": " + name);
        f.onlyKeys(c, "", "name", "prog", "data_in", "ctx_in", "setup");
        String prog = f.string(c, "prog");
        byte[] data = f.hex(c, "data_in");
        byte[] ctx = packCtx(f, c.get("ctx_in"));
        Map<String, byte[]> globals = new LinkedHashMap<>();
        List<TestCase.MapSetup> maps = new ArrayList<>();
        JsonNode setup = present(c.get("setup"));
        if (setup != null) {
            f.object(setup, "setup");
            f.onlyKeys(setup, "setup.", "globals", "maps");
            JsonNode g = present(setup.get("globals"));
            if (g != null) {
                f.object(g, "setup.globals");
                for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    globals.put(e.getKey(), f.hexValue(e.getValue(), "setup.globals." + e.getKey()));
                }
            }
            JsonNode m = present(setup.get("maps"));
            if (m != null) {
                for (JsonNode e : f.list(m, "setup.maps")) {
                    maps.add(mapSetup(f, f.object(e, "setup.maps[" + maps.size() + "]")));
                }
            }
        }
        return new TestCase(name, prog, data, ctx, globals, maps);
    }

    private static TestCase.MapSetup mapSetup(Fields f, JsonNode e) {
        f.onlyKeys(e, "setup.maps[].", "map", "key", "value", "prog", "flags");
        String map = f.string(e, "map");
        byte[] key = f.hex(e, "key");
        String prog = present(e.get("prog")) == null ? null : f.string(e, "prog");
        byte[] value = present(e.get("value")) == null ? null : f.hex(e, "value");
        if ((prog == null) == (value == null)) {
            throw f.error("setup.maps: map '" + map + "' needs exactly one of \"value\" and \"prog\"");
        }
        long flags = present(e.get("flags")) == null ? 0 : f.integer(e.get("flags"), "setup.maps[].flags");
        return new TestCase.MapSetup(map, key, value, prog, flags);
    }

    /** Mirrors the oracle's {@code ctx_pack()}: absent fields are 0, values are cut to the field's width. */
    private static byte[] packCtx(Fields f, JsonNode ctxIn) {
        byte[] buf = new byte[SkBuffField.STRUCT_SIZE];
        if (present(ctxIn) == null) {
            return buf;
        }
        f.object(ctxIn, "ctx_in");
        for (Iterator<Map.Entry<String, JsonNode>> it = ctxIn.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            if (!CTX_FIELDS.contains(field)) {
                throw f.error("ctx_in: unknown __sk_buff field '" + field + "'");
            }
            int offset = field.equals("family")
                    ? FAMILY_OFFSET
                    : SkBuffField.valueOf(field.toUpperCase(Locale.ROOT)).offset();
            int size = field.equals("tstamp") || field.equals("hwtstamp") ? 8 : field.equals("tstamp_type") ? 1 : 4;
            List<JsonNode> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(values::add);
            } else {
                values.add(e.getValue());
            }
            int count = field.equals("cb") ? 5 : 1;
            if (values.size() > count) {
                throw f.error("ctx_in." + field + ": more than " + count + " values");
            }
            for (int i = 0; i < values.size(); i++) {
                long v = f.integer(values.get(i), "ctx_in." + field);
                for (int b = 0; b < size; b++) {
                    buf[offset + i * size + b] = (byte) (v >>> (8 * b));
                }
            }
        }
        return buf;
    }

    /** {@return the node, or null when it is absent or JSON null (which the oracle treats alike)} */
    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /** Typed reads of one case's fields, failing with a message that names the file, case and field. */
    private static final class Fields {
        private final String where;

        Fields(String where) {
            this.where = where;
        }

        CliException error(String what) {
            return new CliException(where + ": " + what);
        }

        JsonNode object(JsonNode node, String field) {
            if (!node.isObject()) {
                throw error(field + ": expected a JSON object");
            }
            return node;
        }

        void onlyKeys(JsonNode node, String prefix, String... allowed) {
            Set<String> known = Set.of(allowed);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!known.contains(key)) {
                    throw error("unknown field '" + prefix + key + "'");
                }
            }
        }

        String string(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || !v.isTextual()) {
                throw error("\"" + key + "\" must be a string");
            }
            return v.asText();
        }

        List<JsonNode> list(JsonNode node, String field) {
            if (!node.isArray()) {
                throw error("\"" + field + "\" must be a list");
            }
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }

        byte[] hex(JsonNode node, String key) {
            if (!node.has(key)) {
                throw error("missing \"" + key + "\"");
            }
            return hexValue(node.get(key), key);
        }

        byte[] hexValue(JsonNode v, String field) {
            if (!v.isTextual()) {
                throw error(field + " must be a hex string");
            }
            String s = v.asText();
            try {
                return HexFormat.of().parseHex(s);
            } catch (IllegalArgumentException e) {
                throw error(field + ": malformed hex \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"");
            }
        }

        /** {@return an integer of at most 64 bits; negative values and values up to 2^64 - 1 are allowed, as Python's masking does} */
        long integer(JsonNode v, String field) {
            if (v.isIntegralNumber()) {
                BigInteger n = v.bigIntegerValue();
                if (n.bitLength() < 64 || (n.signum() > 0 && n.compareTo(U64_MAX) <= 0)) {
                    return n.longValue();
                }
            }
            throw error(field + " must be an integer of at most 64 bits");
        }
    }
}
