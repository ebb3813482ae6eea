package dev.ebpfjvm.core.net.topology;

import dev.ebpfjvm.core.net.Hook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A topology to run traffic through: what {@link TopologyRunner} builds in a fresh runtime. Plain,
 * immutable blueprints (a spec in cilium/ebpf's sense); names tie the parts together and are
 * checked here, so a topology that constructs refers only to what it declares.
 *
 * @param devices the devices, in creation order (a veth pair is created with its first end)
 * @param objects the objects to load
 * @param attachments tcx attachments, in attach order
 * @param filters classic {@code cls_bpf} filters (each device with one gets a clsact qdisc)
 * @param traffic the traffic sources, interleaved packet by packet
 * @param changes changes applied when a packet number is reached, in packet order
 */
public record Topology(
        List<Device> devices,
        List<ObjectDef> objects,
        List<Attachment> attachments,
        List<Filter> filters,
        List<Traffic> traffic,
        List<Change> changes) {

    public Topology {
        devices = List.copyOf(devices);
        objects = List.copyOf(objects);
        attachments = List.copyOf(attachments);
        filters = List.copyOf(filters);
        traffic = List.copyOf(traffic);
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(java.util.Comparator.comparingLong(Change::atPacket));
        changes = List.copyOf(sorted);
        check(devices, objects, attachments, filters, traffic, changes);
    }

    /** A device: one end of a veth pair when {@code peer} is set, else a dummy device (no wire). */
    public record Device(String name, String peer, byte[] mac, int mtu) {
        public Device {
            Objects.requireNonNull(name, "name");
            if (mac != null && mac.length != 6) {
                throw new TopologyException("device '" + name + "': a MAC address has 6 bytes");
            }
            mac = mac == null ? null : mac.clone();
            if (mtu != 0 && (mtu < 68 || mtu > 65535)) {
                throw new TopologyException("device '" + name + "': mtu " + mtu + " not in 68..65535");
            }
        }

        /** {@return the MAC address, or null for the device's default} */
        @Override
        public byte[] mac() {
            return mac == null ? null : mac.clone();
        }
    }

    /**
     * An object file to load under a name: global-variable overrides (by variable name, the bytes
     * {@code LoadOptions.global} takes) and initial map contents.
     */
    public record ObjectDef(String name, Path file, Map<String, byte[]> globals, List<MapEntry> maps) {
        public ObjectDef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            globals = Map.copyOf(new LinkedHashMap<>(globals));
            maps = List.copyOf(maps);
        }
    }

    /** One initial map element: the key's and value's bytes as {@code BPF_MAP_UPDATE_ELEM} takes them. */
    public record MapEntry(String map, byte[] key, byte[] value) {
        public MapEntry {
            Objects.requireNonNull(map, "map");
            key = key.clone();
            value = value.clone();
        }
    }

    /** How a program is attached to a tcx hook. */
    public enum Mode {
        /** Through a link ({@code BPF_LINK_CREATE}); a scheduled change can update it. */
        LINK,
        /** Without a link ({@code BPF_PROG_ATTACH}). */
        PROGRAM
    }

    /** Where in the chain an attachment goes, relative to an earlier attachment. */
    public enum Position {
        /** Appended (no flag): the kernel's default. */
        APPEND,
        /** First in the chain ({@code BPF_F_BEFORE} with no relative). */
        HEAD,
        /** Last in the chain ({@code BPF_F_AFTER} with no relative). */
        TAIL,
        /** Before the attachment named by {@code relative}. */
        BEFORE,
        /** After the attachment named by {@code relative}. */
        AFTER
    }

    /** A reference to a program of a loaded object. */
    public record ProgramRef(String object, String program) {
        public ProgramRef {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(program, "program");
        }

        @Override
        public String toString() {
            return object + "/" + program;
        }
    }

    /**
     * A tcx attachment, named so that anchors and changes can refer to it.
     *
     * @param relative the name of an earlier attachment on the same hook, for BEFORE and AFTER
     */
    public record Attachment(
            String name, String device, Hook hook, ProgramRef program, Mode mode, Position position, String relative) {
        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(hook, "hook");
            Objects.requireNonNull(program, "program");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(position, "position");
            boolean needs = position == Position.BEFORE || position == Position.AFTER;
            if (needs != (relative != null)) {
                throw new TopologyException("attachment '" + name + "': "
                        + (needs
                                ? "position " + position + " needs a relative attachment"
                                : "a relative needs BEFORE or AFTER"));
            }
        }
    }

    /** A classic {@code cls_bpf} direct-action filter ({@code tc filter add dev D HOOK prio P handle H bpf da}). */
    public record Filter(String device, Hook hook, int priority, int handle, ProgramRef program) {
        public Filter {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(hook, "hook");
            Objects.requireNonNull(program, "program");
            if (priority < 1 || priority > 0xffff) {
                throw new TopologyException("filter on " + device + ": priority " + priority + " not in 1..65535");
            }
        }
    }

    /** How a traffic source's frames enter their device. */
    public enum Entry {
        /** As if arriving on the wire: the device's ingress hook ({@code NetDevice.inject}). */
        WIRE,
        /** Sent by the device's host: its egress hook, then the wire ({@code NetDevice.send}). */
        HOST
    }

    /**
     * A traffic source: frames that enter a device. {@code source} is resolved by a
     * {@link FrameSource.Resolver}: {@code generate} (the built-in seeded generator, {@code frames}
     * distinct frames from {@code seed}) or whatever the resolver understands, such as a capture file.
     */
    public record Traffic(String device, Entry entry, String source, long seed, int frames) {
        public Traffic {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(source, "source");
            if (frames < 0) {
                throw new TopologyException("traffic into " + device + ": frames " + frames + " < 0");
            }
        }
    }

    /** What a scheduled change does. */
    public enum Action {
        /** Updates a link to another program ({@code BPF_LINK_UPDATE}). */
        UPDATE,
        /** Detaches an attachment: a link's {@code BPF_LINK_DETACH}, or {@code BPF_PROG_DETACH}. */
        DETACH
    }

    /**
     * A change applied exactly before packet {@code atPacket} (0-based) enters: every earlier packet
     * has finished and no later one has started.
     *
     * @param program the new program of an UPDATE; null for DETACH
     */
    public record Change(long atPacket, Action action, String attachment, ProgramRef program) {
        public Change {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(attachment, "attachment");
            if (atPacket < 0) {
                throw new TopologyException("change of '" + attachment + "': packet " + atPacket + " < 0");
            }
            if ((action == Action.UPDATE) != (program != null)) {
                throw new TopologyException("change of '" + attachment + "': "
                        + (program == null ? "UPDATE needs a program" : "DETACH takes no program"));
            }
        }
    }

    private static void check(
            List<Device> devices,
            List<ObjectDef> objects,
            List<Attachment> attachments,
            List<Filter> filters,
            List<Traffic> traffic,
            List<Change> changes) {
        Set<String> devs = new HashSet<>();
        for (Device d : devices) {
            unique(devs, d.name(), "device");
        }
        for (Device d : devices) {
            if (d.peer() != null) {
                if (!devs.contains(d.peer())) {
                    devs.add(d.peer());
                }
            }
        }
        Set<String> objs = new HashSet<>();
        for (ObjectDef o : objects) {
            unique(objs, o.name(), "object");
        }
        Map<String, Attachment> atts = new LinkedHashMap<>();
        for (Attachment a : attachments) {
            known(devs, a.device(), "attachment '" + a.name() + "': device");
            known(objs, a.program().object(), "attachment '" + a.name() + "': object");
            if (a.relative() != null) {
                Attachment r = atts.get(a.relative());
                if (r == null || !r.device().equals(a.device()) || r.hook() != a.hook()) {
                    throw new TopologyException("attachment '" + a.name() + "': relative '" + a.relative()
                            + "' is not an earlier attachment on " + a.device() + " " + a.hook());
                }
            }
            if (atts.putIfAbsent(a.name(), a) != null) {
                throw new TopologyException("two attachments named '" + a.name() + "'");
            }
        }
        for (Filter f : filters) {
            known(devs, f.device(), "filter: device");
            known(objs, f.program().object(), "filter: object");
        }
        for (Traffic t : traffic) {
            known(devs, t.device(), "traffic: device");
        }
        for (Change c : changes) {
            Attachment a = atts.get(c.attachment());
            if (a == null) {
                throw new TopologyException(
                        "change at packet " + c.atPacket() + ": no attachment named '" + c.attachment() + "'");
            }
            if (c.action() == Action.UPDATE) {
                if (a.mode() != Mode.LINK) {
                    throw new TopologyException("change at packet " + c.atPacket() + ": '" + c.attachment()
                            + "' is attached without a link; only a link can be updated");
                }
                known(objs, c.program().object(), "change at packet " + c.atPacket() + ": object");
            }
        }
    }

    private static void unique(Set<String> seen, String name, String what) {
        if (!seen.add(name)) {
            throw new TopologyException("two " + what + "s named '" + name + "'");
        }
    }

    private static void known(Set<String> names, String name, String what) {
        if (!names.contains(name)) {
            throw new TopologyException(what + " '" + name + "' is not declared");
        }
    }
}
