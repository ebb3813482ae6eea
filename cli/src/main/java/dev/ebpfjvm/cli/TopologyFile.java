package dev.ebpfjvm.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ebpfjvm.core.InputFiles;
import dev.ebpfjvm.core.net.Hook;
import dev.ebpfjvm.core.net.topology.FrameSource;
import dev.ebpfjvm.core.net.topology.Topology;
import dev.ebpfjvm.core.net.topology.TopologyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a topology file (YAML, or JSON by its {@code .json} name) into a {@link Topology}. Every
 * error names the file, the line and column, and the field: nothing is built from a file with one.
 * The format is described in the README's "run" section and shown by the bundled example.
 */
final class TopologyFile {
    static final String[] TOP = {"devices", "objects", "attach", "filters", "traffic", "changes"};

    private final Map<String, TopologyNode> devices = new HashMap<>();
    private final Map<String, TopologyNode> objects = new HashMap<>();
    private final Map<String, Topology.Attachment> attachments = new LinkedHashMap<>();
    private final Path base;

    private TopologyFile(Path base) {
        this.base = base;
    }

    /** Reads a topology file; object paths are relative to its directory. */
    static Topology read(Path file, String displayName, String text) {
        boolean json = file.getFileName().toString().endsWith(".json");
        try (JsonParser p = (json ? new JsonFactory() : new YAMLFactory()).createParser(text)) {
            TopologyNode root = TopologyNode.read(displayName, p);
            Path dir = file.toAbsolutePath().getParent();
            return new TopologyFile(dir).convert(root);
        } catch (IOException e) {
            throw new CliException(displayName + ": " + e.getMessage(), e);
        }
    }

    /** Reads a topology file from disk. */
    static Topology read(Path file) {
        byte[] bytes = Inputs.bytes(file, InputFiles.MAX_TEXT_BYTES);
        return read(file, file.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    private Topology convert(TopologyNode root) {
        root.object(TOP);
        List<Topology.Device> devs = new ArrayList<>();
        for (TopologyNode d : TopologyNode.items(root.field("devices"))) {
            devs.add(device(d));
        }
        for (TopologyNode d : TopologyNode.items(root.field("devices"))) {
            TopologyNode peer = d.field("peer");
            if (peer != null && !devices.containsKey(peer.text())) {
                devices.put(peer.text(), peer);
            }
        }
        if (devs.isEmpty()) {
            throw root.error("a topology needs at least one device ('devices:')");
        }
        List<Topology.ObjectDef> objs = new ArrayList<>();
        for (TopologyNode o : TopologyNode.items(root.field("objects"))) {
            objs.add(object(o));
        }
        for (TopologyNode a : TopologyNode.items(root.field("attach"))) {
            Topology.Attachment att = attachment(a);
            attachments.put(att.name(), att);
        }
        List<Topology.Filter> filters = new ArrayList<>();
        for (TopologyNode f : TopologyNode.items(root.field("filters"))) {
            f.object("device", "hook", "prio", "handle", "program");
            filters.add(new Topology.Filter(
                    deviceRef(f.required("device")),
                    hook(f.required("hook")),
                    (int) f.required("prio").integer(1, 0xffff),
                    f.field("handle") == null ? 1 : (int) f.field("handle").integer(0, 0xffffffffL),
                    programRef(f.required("program"))));
        }
        List<Topology.Traffic> traffic = new ArrayList<>();
        for (TopologyNode t : TopologyNode.items(root.field("traffic"))) {
            traffic.add(traffic(t));
        }
        List<Topology.Change> changes = new ArrayList<>();
        for (TopologyNode c : TopologyNode.items(root.field("changes"))) {
            changes.add(change(c));
        }
        List<Topology.Attachment> atts = new ArrayList<>(attachments.values());
        try {
            return new Topology(devs, objs, atts, filters, traffic, changes);
        } catch (TopologyException e) {
            throw root.error(e.getMessage());
        }
    }

    private Topology.Device device(TopologyNode d) {
        d.object("name", "peer", "mac", "mtu");
        TopologyNode name = d.required("name");
        if (devices.put(name.text(), name) != null) {
            throw name.error("two devices named '" + name.text() + "'");
        }
        TopologyNode mac = d.field("mac");
        byte[] m = null;
        if (mac != null) {
            try {
                m = ValueBytes.mac(mac.text());
            } catch (IllegalArgumentException e) {
                throw mac.error(e.getMessage());
            }
        }
        TopologyNode peer = d.field("peer");
        return new Topology.Device(
                name.text(),
                peer == null ? null : peer.text(),
                m,
                d.field("mtu") == null ? 0 : (int) d.field("mtu").integer(68, 65535));
    }

    private Topology.ObjectDef object(TopologyNode o) {
        o.object("name", "file", "globals", "maps");
        TopologyNode name = o.required("name");
        if (objects.put(name.text(), name) != null) {
            throw name.error("two objects named '" + name.text() + "'");
        }
        Map<String, byte[]> globals = new LinkedHashMap<>();
        TopologyNode g = o.field("globals");
        if (g != null) {
            for (String k : g.names()) {
                globals.put(k, ValueBytes.of(g.field(k)));
            }
        }
        List<Topology.MapEntry> entries = new ArrayList<>();
        TopologyNode maps = o.field("maps");
        if (maps != null) {
            for (String map : maps.names()) {
                for (TopologyNode e : TopologyNode.items(maps.field(map))) {
                    e.object("key", "value");
                    entries.add(new Topology.MapEntry(
                            map, ValueBytes.of(e.required("key")), ValueBytes.of(e.required("value"))));
                }
            }
        }
        return new Topology.ObjectDef(
                name.text(), base.resolve(o.required("file").text()).normalize(), globals, entries);
    }

    private Topology.Attachment attachment(TopologyNode a) {
        a.object("name", "device", "hook", "program", "mode", "anchor");
        String device = deviceRef(a.required("device"));
        Hook hook = hook(a.required("hook"));
        Topology.ProgramRef prog = programRef(a.required("program"));
        String name = a.field("name") != null
                ? a.field("name").text()
                : device + "/" + hook.name().toLowerCase() + "/" + prog.program();
        if (attachments.containsKey(name)) {
            throw (a.field("name") != null ? a.field("name") : a)
                    .error("two attachments named '" + name + "'"
                            + (a.field("name") == null ? " (give each a 'name')" : ""));
        }
        Topology.Mode mode = a.field("mode") == null
                        || a.field("mode").oneOf("link", "program").equals("link")
                ? Topology.Mode.LINK
                : Topology.Mode.PROGRAM;
        Topology.Position pos = Topology.Position.APPEND;
        String relative = null;
        TopologyNode an = a.field("anchor");
        if (an != null) {
            String s = an.text();
            int colon = s.indexOf(':');
            String kind = colon < 0 ? s : s.substring(0, colon);
            switch (kind) {
                case "append":
                    pos = Topology.Position.APPEND;
                    break;
                case "head":
                    pos = Topology.Position.HEAD;
                    break;
                case "tail":
                    pos = Topology.Position.TAIL;
                    break;
                case "before":
                    pos = Topology.Position.BEFORE;
                    break;
                case "after":
                    pos = Topology.Position.AFTER;
                    break;
                default:
                    throw an.error("'" + s + "' is not append, head, tail, before:NAME or after:NAME");
            }
            boolean rel = pos == Topology.Position.BEFORE || pos == Topology.Position.AFTER;
            if (rel != (colon >= 0)) {
                throw an.error(
                        rel
                                ? kind + " needs the name of an earlier attachment: " + kind + ":NAME"
                                : kind + " takes no name");
            }
            if (rel) {
                relative = s.substring(colon + 1);
                Topology.Attachment r = attachments.get(relative);
                if (r == null || !r.device().equals(device) || r.hook() != hook) {
                    throw an.error("'" + relative + "' is not an earlier attachment on " + device + " " + hook(hook));
                }
            }
        }
        return new Topology.Attachment(name, device, hook, prog, mode, pos, relative);
    }

    private Topology.Traffic traffic(TopologyNode t) {
        t.object("device", "via", "source", "seed", "frames");
        String via = t.field("via") == null ? "host" : t.field("via").oneOf("host", "wire");
        TopologyNode src = t.field("source");
        String source = src == null ? FrameSource.GENERATE : src.text();
        if (!source.equals(FrameSource.GENERATE)) {
            source = base.resolve(source).normalize().toString();
        }
        return new Topology.Traffic(
                deviceRef(t.required("device")),
                via.equals("host") ? Topology.Entry.HOST : Topology.Entry.WIRE,
                source,
                t.field("seed") == null ? 1 : t.field("seed").integer(Long.MIN_VALUE, Long.MAX_VALUE),
                t.field("frames") == null ? 0 : (int) t.field("frames").integer(1, 1 << 24));
    }

    private Topology.Change change(TopologyNode c) {
        c.object("at", "update", "detach", "program");
        long at = c.required("at").integer(0, Long.MAX_VALUE);
        TopologyNode u = c.field("update");
        TopologyNode d = c.field("detach");
        if ((u == null) == (d == null)) {
            throw c.error("a change has either 'update: LINK' (with 'program') or 'detach: ATTACHMENT'");
        }
        TopologyNode target = u != null ? u : d;
        Topology.Attachment a = attachments.get(target.text());
        if (a == null) {
            throw target.error("no attachment named '" + target.text() + "' (attachments: "
                    + String.join(", ", attachments.keySet()) + ")");
        }
        if (u != null) {
            if (a.mode() != Topology.Mode.LINK) {
                throw target.error("'" + target.text() + "' is attached without a link; only a link can be updated");
            }
            return new Topology.Change(at, Topology.Action.UPDATE, target.text(), programRef(c.required("program")));
        }
        if (c.field("program") != null) {
            throw c.field("program").error("a detach takes no program");
        }
        return new Topology.Change(at, Topology.Action.DETACH, target.text(), null);
    }

    private String deviceRef(TopologyNode n) {
        if (!devices.containsKey(n.text())) {
            throw n.error("no device named '" + n.text() + "' (devices: " + String.join(", ", sorted(devices.keySet()))
                    + ")");
        }
        return n.text();
    }

    private Topology.ProgramRef programRef(TopologyNode n) {
        String s = n.text();
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            throw n.error("'" + s + "' is not OBJECT/PROGRAM");
        }
        String obj = s.substring(0, slash);
        if (!objects.containsKey(obj)) {
            throw n.error(
                    "no object named '" + obj + "' (objects: " + String.join(", ", sorted(objects.keySet())) + ")");
        }
        return new Topology.ProgramRef(obj, s.substring(slash + 1));
    }

    private static Hook hook(TopologyNode n) {
        return n.oneOf("ingress", "egress").equals("ingress") ? Hook.INGRESS : Hook.EGRESS;
    }

    private static String hook(Hook h) {
        return h == Hook.INGRESS ? "ingress" : "egress";
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(new HashSet<>(s));
        l.sort(null);
        return l;
    }
}
