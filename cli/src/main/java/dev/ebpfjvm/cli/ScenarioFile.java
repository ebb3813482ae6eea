package dev.ebpfjvm.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ebpfjvm.core.net.scenario.Scenario;
import dev.ebpfjvm.core.net.scenario.ScenarioDocuments;
import dev.ebpfjvm.core.net.scenario.Step;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario file in the tcx-oracle format (shared/tools/tcx-oracle/README.md): a bare list of
 * scenarios or {@code {"meta": ..., "scenarios": [...]}}. The JSON is read strictly (no duplicate
 * keys, nothing after the document) into the tree {@link ScenarioDocuments} takes; the scenarios
 * are parsed with the recorder's defaults and every name a step refers to is checked before
 * anything runs (a program of the scenario's {@code progs}, one of the four devices, a link an
 * earlier step creates, a known op, hook, {@code via} and flag), so that a mistake is a
 * {@link CliException} naming the file, the scenario, the step and the field.
 *
 * @param tree the document as a JSON tree (maps, lists, strings, numbers, booleans, null)
 * @param scenarios its scenarios, in file order
 */
record ScenarioFile(Object tree, List<Scenario> scenarios) {
    /** The devices of every replay: two veth pairs, veth0-veth1 and veth2-veth3. */
    static final List<String> DEVICES = List.of("veth0", "veth1", "veth2", "veth3");

    private static final Set<String> OPS = Set.of(
            "attach",
            "detach",
            "query",
            "link_update",
            "link_detach",
            "link_close",
            "prog_close",
            "link_pin",
            "unpin",
            "link_get_pinned",
            "link_info",
            "dev_del",
            "tc_filter_add",
            "tc_clsact_del",
            "send");
    private static final Set<String> FLAGS =
            Set.of("ALLOW_OVERRIDE", "ALLOW_MULTI", "REPLACE", "BEFORE", "AFTER", "ID", "PREORDER", "LINK");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    ScenarioFile {
        scenarios = List.copyOf(scenarios);
    }

    /**
     * Reads a scenario file's text.
     *
     * @param source the file, for messages
     * @throws CliException naming the file, scenario, step and field that is wrong
     */
    static ScenarioFile parse(String source, String json) {
        Object tree;
        try {
            tree = JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new CliException(source + ": not valid JSON: " + describe(e));
        }
        if (tree == null) {
            throw new CliException(source + ": not a scenario document: null");
        }
        if (!(tree instanceof List) && !(tree instanceof Map && ((Map<?, ?>) tree).containsKey("scenarios"))) {
            throw new CliException(
                    source + ": not a scenario document: expected a list of scenarios or" + " {\"scenarios\": [...]}");
        }
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioDocuments.parse(tree);
        } catch (IllegalArgumentException e) {
            throw new CliException(source + ": " + e.getMessage(), e);
        }
        Set<String> names = new HashSet<>();
        for (Scenario sc : scenarios) {
            if (!names.add(sc.name())) {
                throw new CliException(source + ": scenario '" + sc.name() + "': a second scenario of that name");
            }
            check(source, sc);
        }
        return new ScenarioFile(tree, scenarios);
    }

    private static void check(String source, Scenario sc) {
        for (Map.Entry<String, Scenario.Prog> p : sc.progs().entrySet()) {
            String target = p.getValue().target();
            if (target != null && !DEVICES.contains(target)) {
                throw new CliException(source + ": scenario '" + sc.name() + "': prog " + p.getKey() + ": target: '"
                        + target + "' is not a device (" + String.join(", ", DEVICES) + ")");
            }
        }
        Set<String> links = new HashSet<>();
        int i = 0;
        for (Step st : sc.steps()) {
            String where = source + ": scenario '" + sc.name() + "' step " + i + " (" + st.op() + ")";
            if (!OPS.contains(st.op())) {
                throw new CliException(where + ": op: unknown op (ops: "
                        + String.join(", ", OPS.stream().sorted().toList()) + ")");
            }
            boolean needsProg = Set.of("attach", "link_update", "prog_close", "tc_filter_add")
                    .contains(st.op());
            if (needsProg && st.prog() == null) {
                throw new CliException(where + ": prog: missing");
            }
            prog(where, "prog", st.prog(), sc);
            prog(where, "old_prog", st.oldProg(), sc);
            prog(where, "replace", st.replace(), sc);
            if (!DEVICES.contains(st.dev())) {
                throw new CliException(
                        where + ": dev: '" + st.dev() + "' is not a device (" + String.join(", ", DEVICES) + ")");
            }
            if (st.op().equals("send") && !st.dev().equals("veth0")) {
                throw new CliException(where + ": dev: frames are sent from veth0 only, not " + st.dev());
            }
            if (st.op().equals("send") && st.packets() < 1) {
                throw new CliException(where + ": packets: expected at least 1, got " + st.packets());
            }
            if (st.countIn() < 0) {
                throw new CliException(where + ": count_in: expected a count, got " + st.countIn());
            }
            if (!st.hook().equals("ingress") && !st.hook().equals("egress")) {
                throw new CliException(where + ": hook: '" + st.hook() + "' is neither ingress nor egress");
            }
            if (!st.via().equals("prog") && !st.via().equals("link")) {
                throw new CliException(where + ": via: '" + st.via() + "' is neither prog nor link");
            }
            for (String f : st.flags()) {
                if (!FLAGS.contains(f) && !f.matches("-?[0-9]+")) {
                    throw new CliException(where + ": flags: unknown flag '" + f + "' (flags: "
                            + String.join(", ", FLAGS.stream().sorted().toList()) + ", or a number)");
                }
            }
            if (st.relative() != null) {
                Step.Relative r = st.relative();
                if (r.raw() == null && r.prog() == null && r.link() == null) {
                    throw new CliException(where + ": relative: names no prog, link or raw value");
                }
                prog(where, "relative prog", r.prog(), sc);
                if (r.raw() == null && r.prog() == null) {
                    link(where, "relative link", r.link(), links);
                }
            }
            if (Set.of("link_pin", "unpin", "link_get_pinned").contains(st.op()) && st.path() == null) {
                throw new CliException(where + ": path: missing");
            }
            boolean createsLink = st.op().equals("link_get_pinned")
                    || st.op().equals("attach") && st.via().equals("link");
            if (createsLink) {
                if (st.link() == null) {
                    throw new CliException(where + ": link: missing (the name of the link it creates)");
                }
                links.add(st.link());
            } else if (st.op().startsWith("link_")) {
                link(where, "link", st.link(), links);
            }
            i++;
        }
    }

    private static void prog(String where, String field, String name, Scenario sc) {
        if (name != null && !sc.progs().containsKey(name)) {
            throw new CliException(where + ": " + field + ": '" + name + "' is not one of the scenario's progs ("
                    + String.join(", ", sc.progs().keySet()) + ")");
        }
    }

    private static void link(String where, String field, String name, Set<String> links) {
        if (name == null) {
            throw new CliException(where + ": " + field + ": missing");
        }
        if (!links.contains(name)) {
            throw new CliException(where + ": " + field + ": no earlier step creates a link '" + name + "'");
        }
    }

    private static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
        JsonLocation at = e.getLocation();
        return at == null ? what : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
