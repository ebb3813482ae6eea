package dev.ebpfjvm.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Field-by-field differences between a test-run result recorded from the kernel oracle and ours:
 * every top-level field but {@code duration_ns}, every {@code ctx_out} field, and for each map
 * its type, sizes and entries, where per-CPU entries compare only their summed {@code value}
 * (which CPU ran the program is not fixed). Our maps may include more than the kernel's (none
 * are expected to); a map the kernel shows must be there.
 */
final class ResultDiff {
    private ResultDiff() {}

    /** {@return one line per difference, empty when the results agree} */
    static List<String> diff(Map<?, ?> want, Map<?, ?> got) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : want.entrySet()) {
            String key = (String) e.getKey();
            if (key.equals("duration_ns")) {
                continue;
            }
            if (key.equals("maps")) {
                maps((Map<?, ?>) e.getValue(), (Map<?, ?>) got.get("maps"), out);
            } else {
                compare(key, e.getValue(), got.get(key), out);
            }
        }
        for (Object key : got.keySet()) {
            if (!want.containsKey(key) && !key.equals("duration_ns")) {
                out.add(key + ": not in the kernel's result, got " + got.get(key));
            }
        }
        return out;
    }

    private static void maps(Map<?, ?> want, Map<?, ?> got, List<String> out) {
        if (got == null) {
            out.add("maps: missing");
            return;
        }
        for (Map.Entry<?, ?> e : want.entrySet()) {
            String name = "maps." + e.getKey();
            Map<?, ?> w = (Map<?, ?>) e.getValue();
            Map<?, ?> g = (Map<?, ?>) got.get(e.getKey());
            if (g == null) {
                out.add(name + ": missing (have " + got.keySet() + ")");
                continue;
            }
            for (String field : List.of("type", "key_size", "value_size", "max_entries", "section", "vars")) {
                compare(name + "." + field, w.get(field), g.get(field), out);
            }
            entries(name, (List<?>) w.get("entries"), (List<?>) g.get("entries"), out);
        }
    }

    private static void entries(String name, List<?> want, List<?> got, List<String> out) {
        if (got == null || want.size() != got.size()) {
            out.add(name + ".entries: expected " + want + ", got " + got);
            return;
        }
        for (int i = 0; i < want.size(); i++) {
            Map<?, ?> w = (Map<?, ?>) want.get(i);
            Map<?, ?> g = (Map<?, ?>) got.get(i);
            compare(name + ".entries[" + i + "].key", w.get("key"), g.get("key"), out);
            compare(name + ".entries[" + i + "].value", w.get("value"), g.get("value"), out);
        }
    }

    private static void compare(String path, Object want, Object got, List<String> out) {
        if (want instanceof Map && got instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) want).entrySet()) {
                compare(path + "." + e.getKey(), e.getValue(), ((Map<?, ?>) got).get(e.getKey()), out);
            }
            return;
        }
        if (!Objects.equals(String.valueOf(want), String.valueOf(got))) {
            out.add(path + ": expected " + want + ", got " + got);
        }
    }
}
