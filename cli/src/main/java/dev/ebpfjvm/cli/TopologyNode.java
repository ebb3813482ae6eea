package dev.ebpfjvm.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML or JSON document as a tree whose every node knows its line, column and field path, so that
 * each error in a topology file names where it is ({@code run.yaml:12:7: attach[1].hook: ...}).
 * Jackson's streaming parser reads the file; scalars keep their source text.
 */
final class TopologyNode {
    private final String file;
    private final String path;
    private final int line;
    private final int column;
    private JsonLocation keyAt;
    private final String scalar;
    private final Map<String, TopologyNode> fields;
    private final List<TopologyNode> items;

    private TopologyNode(
            String file,
            String path,
            JsonLocation at,
            String scalar,
            Map<String, TopologyNode> fields,
            List<TopologyNode> items) {
        this.file = file;
        this.path = path;
        this.line = at.getLineNr();
        this.column = at.getColumnNr();
        this.scalar = scalar;
        this.fields = fields;
        this.items = items;
    }

    /** Reads a whole document from a parser positioned before its first token. */
    static TopologyNode read(String file, JsonParser p) {
        try {
            if (p.nextToken() == null) {
                throw new CliException(file + ": empty topology");
            }
            return parse(file, p, "");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new CliException(
                    file + (l != null ? ":" + l.getLineNr() + ":" + l.getColumnNr() : "") + ": "
                            + clean(e.getOriginalMessage()),
                    e);
        } catch (IOException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
    }

    private static TopologyNode parse(String file, JsonParser p, String path) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, TopologyNode> m = new LinkedHashMap<>();
            TopologyNode node = new TopologyNode(file, path, at, null, m, null);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation nameAt = p.currentTokenLocation();
                p.nextToken();
                String sub = path.isEmpty() ? name : path + "." + name;
                TopologyNode child = parse(file, p, sub);
                child.keyAt = nameAt;
                if (m.put(name, child) != null) {
                    throw child.keyError("given twice");
                }
            }
            return node;
        }
        if (t == JsonToken.START_ARRAY) {
            List<TopologyNode> l = new ArrayList<>();
            TopologyNode node = new TopologyNode(file, path, at, null, null, l);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                l.add(parse(file, p, path + "[" + l.size() + "]"));
            }
            return node;
        }
        return new TopologyNode(file, path, at, t == JsonToken.VALUE_NULL ? null : p.getText(), null, null);
    }

    /** Drops the parser's own position notes (the error line already has the position). */
    private static String clean(String message) {
        return message.replaceAll("\\s*\\(for \\w+ starting at \\[Source:[^\\]]*\\][^)]*\\)", "")
                .replaceAll("\\s*in 'reader', line \\d+, column \\d+:\\s*(\\S.*\\R)?\\s*\\^", "")
                .replaceAll("\\s*\\R\\s*", "; ")
                .trim();
    }

    /** {@return an error at this field's name (or this node when it is no field)} */
    CliException keyError(String reason) {
        JsonLocation at = keyAt;
        return at == null
                ? error(reason)
                : new CliException(file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + path + ": " + reason);
    }

    /** {@return an error at this node: {@code FILE:LINE:COL: PATH: reason}} */
    CliException error(String reason) {
        return new CliException(file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + reason);
    }

    /** {@return the field path of this node} */
    String path() {
        return path;
    }

    /** {@return the fields of a mapping, after checking that only the allowed ones are given} */
    TopologyNode object(String... allowed) {
        if (fields == null) {
            throw error("expected a mapping of " + String.join(", ", allowed));
        }
        List<String> ok = List.of(allowed);
        for (Map.Entry<String, TopologyNode> e : fields.entrySet()) {
            if (!ok.contains(e.getKey())) {
                throw e.getValue().keyError("unknown field (fields here: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    /** {@return the field names of a mapping, in file order} */
    Set<String> names() {
        if (fields == null) {
            throw error("expected a mapping");
        }
        return Collections.unmodifiableSet(fields.keySet());
    }

    /** {@return a field of a mapping, or null when absent} */
    TopologyNode field(String name) {
        return fields == null ? null : fields.get(name);
    }

    /** {@return a field that must be there} */
    TopologyNode required(String name) {
        TopologyNode n = field(name);
        if (n == null || n.isNull()) {
            throw error("missing field '" + name + "'");
        }
        return n;
    }

    /** {@return the items of a sequence; an absent node is an empty sequence} */
    static List<TopologyNode> items(TopologyNode n) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.items == null) {
            throw n.error("expected a list");
        }
        return n.items;
    }

    boolean isNull() {
        return fields == null && items == null && scalar == null;
    }

    /** {@return the scalar's text} */
    String text() {
        if (scalar == null) {
            throw error(
                    isNull()
                            ? "expected a value"
                            : "expected a single value, not a " + (fields != null ? "mapping" : "list"));
        }
        return scalar;
    }

    /** {@return the scalar as an integer within bounds} */
    long integer(long min, long max) {
        String s = text().replace("_", "");
        long v;
        try {
            v = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error("'" + scalar + "' is not an integer");
        }
        if (v < min || v > max) {
            throw error(v + " not in " + min + ".." + max);
        }
        return v;
    }

    /** {@return the scalar as one of the names, lower case} */
    String oneOf(String... names) {
        String s = text();
        for (String n : names) {
            if (n.equals(s)) {
                return n;
            }
        }
        throw error("'" + s + "' is not one of " + String.join(", ", names));
    }
}
