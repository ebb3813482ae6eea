package dev.ebpfjvm.core.testrun;

import dev.ebpfjvm.core.skb.SkBuffField;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One test-run case, in the kernel oracle's format (shared/tools/kernel-oracle/README.md):
 * <pre>
 * {"prog": "name", "data_in": "hex", "ctx_in": {"mark": 1, "cb": [0,0,0,0,0]},
 *  "setup": {"globals": {"var": "hex"}, "maps": [{"map": "m", "key": "hex", "value": "hex"},
 *                                                 {"map": "jmp", "key": "hex", "prog": "name"}]}}
 * </pre>
 * A {@code name} field, which the oracle ignores, labels the case in error messages.
 *
 * @param name the case's label, or "case N"
 * @param prog the program's function (or unique section) name
 * @param dataIn the frame, from its Ethernet header
 * @param ctxIn the {@code struct __sk_buff} given as input (192 bytes), packed as the oracle packs it
 * @param globals raw bytes written into global variables before load
 * @param maps map updates applied after load, in order
 */
public record TestCase(String name, String prog, byte[] dataIn, byte[] ctxIn, Map<String, byte[]> globals,
                       List<MapSetup> maps) {

    /**
     * One map update of a case's setup ({@code BPF_MAP_UPDATE_ELEM}).
     *
     * @param map the map's name, or a global data section ({@code .data})
     * @param key the key bytes
     * @param value the value bytes, or null for a program slot
     * @param prog the program to put in a prog-array slot, or null
     * @param flags the update flags ({@code BPF_ANY} = 0)
     */
    public record MapSetup(String map, byte[] key, byte[] value, String prog, long flags) {
    }

    /** The fields the oracle can pack into {@code ctx_in}: its {@code SKB_FIELDS}. */
    private static final List<String> CTX_FIELDS = List.of("len", "pkt_type", "mark", "queue_mapping",
            "protocol", "vlan_present", "vlan_tci", "vlan_proto", "priority", "ingress_ifindex", "ifindex",
            "tc_index", "cb", "hash", "tc_classid", "napi_id", "family", "tstamp", "wire_len", "gso_segs",
            "gso_size", "tstamp_type", "hwtstamp");
    private static final int FAMILY_OFFSET = 88;

    public TestCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prog, "prog");
        Objects.requireNonNull(dataIn, "dataIn");
        Objects.requireNonNull(ctxIn, "ctxIn");
        globals = Map.copyOf(globals);
        maps = List.copyOf(maps);
    }

    /**
     * Reads a case file: one case object, a list of them, or {@code {"cases": [...]}}.
     *
     * @return the cases, and whether the file held several (so the results form a JSON array)
     * @throws TestCaseException naming the case and field that is wrong
     */
    public static CaseFile parseFile(String json) {
        Object doc;
        try {
            doc = Json.parse(json);
        } catch (JsonException e) {
            throw new TestCaseException("case file: " + e.getMessage(), e);
        }
        if (doc instanceof Map && ((Map<?, ?>) doc).containsKey("cases")) {
            doc = ((Map<?, ?>) doc).get("cases");
            if (!(doc instanceof List)) {
                throw new TestCaseException("case file: \"cases\" is not a list");
            }
        }
        if (doc instanceof List) {
            List<TestCase> cases = new ArrayList<>();
            for (Object o : (List<?>) doc) {
                cases.add(parse(o, "case " + cases.size()));
            }
            return new CaseFile(cases, true);
        }
        return new CaseFile(List.of(parse(doc, "case 0")), false);
    }

    /**
     * The cases of a file.
     *
     * @param cases the cases in file order
     * @param isList whether the file held a list (results are then printed as a JSON array)
     */
    public record CaseFile(List<TestCase> cases, boolean isList) {
        public CaseFile {
            cases = List.copyOf(cases);
        }
    }

    private static TestCase parse(Object o, String label) {
        Map<String, Object> m = JsonFields.object(o, label);
        String name = m.get("name") instanceof String ? (String) m.get("name") : label;
        JsonFields f = new JsonFields(name);
        f.onlyKeys(m, "", "name", "prog", "data_in", "ctx_in", "setup");
        String prog = f.string(m, "prog");
        byte[] data = f.hex(m, "data_in");
        byte[] ctx = packCtx(f, m.get("ctx_in"));
        Map<String, byte[]> globals = new LinkedHashMap<>();
        List<MapSetup> maps = new ArrayList<>();
        if (m.get("setup") != null) {
            Map<String, Object> setup = JsonFields.object(m.get("setup"), name + ": setup");
            f.onlyKeys(setup, "setup.", "globals", "maps");
            if (setup.get("globals") != null) {
                for (Map.Entry<String, Object> g : JsonFields.object(setup.get("globals"), name + ": setup.globals").entrySet()) {
                    globals.put(g.getKey(), f.hexValue(g.getValue(), "setup.globals." + g.getKey()));
                }
            }
            if (setup.get("maps") != null) {
                for (Object e : f.list(setup, "maps")) {
                    maps.add(mapSetup(f, JsonFields.object(e, name + ": setup.maps[" + maps.size() + "]")));
                }
            }
        }
        return new TestCase(name, prog, data, ctx, globals, maps);
    }

    private static MapSetup mapSetup(JsonFields f, Map<String, Object> e) {
        f.onlyKeys(e, "setup.maps[].", "map", "key", "value", "prog", "flags");
        String map = f.string(e, "map");
        byte[] key = f.hex(e, "key");
        String prog = e.get("prog") == null ? null : f.string(e, "prog");
        byte[] value = e.get("value") == null ? null : f.hex(e, "value");
        if ((prog == null) == (value == null)) {
            throw f.error("setup.maps: map '" + map + "' needs exactly one of \"value\" and \"prog\"");
        }
        long flags = e.get("flags") == null ? 0 : f.integer(e.get("flags"), "setup.maps[].flags");
        return new MapSetup(map, key, value, prog, flags);
    }

    /** Mirrors the oracle's {@code ctx_pack()}: absent fields are 0, values are cut to the field's width. */
    private static byte[] packCtx(JsonFields f, Object ctxIn) {
        byte[] buf = new byte[SkBuffField.STRUCT_SIZE];
        if (ctxIn == null) {
            return buf;
        }
        for (Map.Entry<String, Object> e : JsonFields.object(ctxIn, f.caseName() + ": ctx_in").entrySet()) {
            String field = e.getKey();
            if (!CTX_FIELDS.contains(field)) {
                throw f.error("ctx_in: unknown __sk_buff field '" + field + "'");
            }
            int offset = field.equals("family") ? FAMILY_OFFSET : SkBuffField.valueOf(field.toUpperCase()).offset();
            int size = field.equals("tstamp") || field.equals("hwtstamp") ? 8 : field.equals("tstamp_type") ? 1 : 4;
            List<Object> values = e.getValue() instanceof List ? f.list(ctxIn, field) : List.of(e.getValue());
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

    /** {@return the frame as hex, for messages} */
    public String dataHex() {
        return HexFormat.of().formatHex(dataIn);
    }
}
