package dev.ebpfjvm.core.net.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tcx-oracle scenario documents as JSON trees (maps, lists, strings, numbers and booleans, as
 * any JSON library reads them): reads a document ({@code {"meta": ..., "scenarios": [...]}} or a
 * bare list) into {@link Scenario}s with the recorder's defaults, and builds a replay's document as
 * the recorder writes it, the input with a {@code result} in every step. Parsing and printing the
 * text is the caller's (the command line uses Jackson), so core needs no JSON library.
 */
public final class ScenarioDocuments {
    private ScenarioDocuments() {}

    /**
     * {@return the scenarios of a document}
     *
     * @throws IllegalArgumentException naming the scenario and step of a malformed field
     */
    public static List<Scenario> parse(Object document) {
        List<Scenario> l = new ArrayList<>();
        for (Map<String, Object> sc : scenarioMaps(document)) {
            l.add(scenario(sc));
        }
        return l;
    }

    /**
     * Replays every scenario of a document and returns the recorder-shaped output document.
     *
     * @param meta the output's {@code meta} object (what produced it)
     */
    public static Map<String, Object> replay(Object document, ScenarioReplayer replayer, Map<String, Object> meta) {
        List<Map<String, Object>> scs = scenarioMaps(document);
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> sc : scs) {
            List<Map<String, Object>> results = replayer.replay(scenario(sc));
            Map<String, Object> copy = new LinkedHashMap<>(sc);
            List<Object> steps = new ArrayList<>();
            int i = 0;
            for (Object st : list(sc.get("steps"), name(sc) + ": steps")) {
                Map<String, Object> s = new LinkedHashMap<>(map(st, name(sc) + " step " + i));
                s.put("result", results.get(i));
                steps.add(s);
                i++;
            }
            copy.put("steps", steps);
            out.add(copy);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> m = new LinkedHashMap<>(meta);
        m.put("scenario_count", (long) out.size());
        doc.put("meta", m);
        doc.put("scenarios", out);
        return doc;
    }

    private static List<Map<String, Object>> scenarioMaps(Object root) {
        Object list = root instanceof Map ? ((Map<?, ?>) root).get("scenarios") : root;
        List<Map<String, Object>> l = new ArrayList<>();
        int i = 0;
        for (Object o : list(list, "the document's scenarios")) {
            l.add(map(o, "scenario " + i++));
        }
        return l;
    }

    static Scenario scenario(Map<String, Object> sc) {
        String name = name(sc);
        Map<String, Scenario.Prog> progs = new LinkedHashMap<>();
        Object ps = sc.get("progs");
        if (ps != null) {
            for (Map.Entry<String, Object> e : map(ps, name + ": progs").entrySet()) {
                Object v = e.getValue();
                String where = name + ": prog " + e.getKey();
                if (v instanceof Map) {
                    Map<String, Object> pm = map(v, where);
                    Object t = pm.get("target");
                    progs.put(
                            e.getKey(),
                            new Scenario.Prog(code(pm.get("ret"), where), t == null ? null : str(t, where)));
                } else {
                    progs.put(e.getKey(), new Scenario.Prog(code(v, where), null));
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        for (Object st : list(sc.get("steps"), name + ": steps")) {
            steps.add(step(map(st, name + " step " + i), name + " step " + i));
            i++;
        }
        Object d = sc.get("description");
        return new Scenario(name, d == null ? "" : d.toString(), progs, steps);
    }

    private static Step step(Map<String, Object> s, String where) {
        String op = str(s.get("op"), where + ": op");
        List<String> flags = new ArrayList<>();
        if (s.get("flags") != null) {
            for (Object f : list(s.get("flags"), where + ": flags")) {
                flags.add(String.valueOf(f));
            }
        }
        Step.Relative rel = null;
        if (s.get("relative") != null) {
            Map<String, Object> r = map(s.get("relative"), where + ": relative");
            rel = new Step.Relative(
                    opt(r, "prog", where),
                    opt(r, "link", where),
                    r.get("raw") == null ? null : number(r.get("raw"), where + ": relative raw"));
        }
        String replace =
                s.get("replace") == null ? null : opt(map(s.get("replace"), where + ": replace"), "prog", where);
        Object byId = s.get("by_id");
        return new Step(
                op,
                opt(s, "prog", where),
                def(s, "via", "prog", where),
                opt(s, "link", where),
                flags,
                rel,
                Boolean.TRUE.equals(byId),
                replace,
                s.get("expected_revision") == null
                        ? 0
                        : number(s.get("expected_revision"), where + ": expected_revision"),
                def(s, "dev", op.equals("send") ? "veth0" : "veth1", where),
                def(s, "hook", "ingress", where),
                s.get("count_in") == null ? 64 : (int) number(s.get("count_in"), where + ": count_in"),
                opt(s, "old_prog", where),
                opt(s, "path", where),
                s.get("packets") == null ? 1 : (int) number(s.get("packets"), where + ": packets"));
    }

    private static String name(Map<String, Object> sc) {
        return str(sc.get("name"), "a scenario's name");
    }

    private static int code(Object v, String where) {
        if (v instanceof Number) {
            return ((Number) v).intValue();
        }
        return Scenario.code(str(v, where + ": ret"));
    }

    private static String opt(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        return v == null ? null : str(v, where + ": " + key);
    }

    private static String def(Map<String, Object> m, String key, String dflt, String where) {
        String v = opt(m, key, where);
        return v == null ? dflt : v;
    }

    private static String str(Object v, String where) {
        if (!(v instanceof String)) {
            throw new IllegalArgumentException(where + ": expected a string, got " + v);
        }
        return (String) v;
    }

    private static long number(Object v, String where) {
        if (!(v instanceof Long || v instanceof Integer || v instanceof Short)) {
            throw new IllegalArgumentException(where + ": expected an integer, got " + v);
        }
        return ((Number) v).longValue();
    }

    private static List<?> list(Object v, String where) {
        if (!(v instanceof List)) {
            throw new IllegalArgumentException(where + ": expected a list, got " + v);
        }
        return (List<?>) v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v, String where) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(where + ": expected an object, got " + v);
        }
        return (Map<String, Object>) v;
    }
}
