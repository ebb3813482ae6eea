package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A bpffs-like namespace (kernel/bpf/inode.c): objects (maps, programs, links) pinned under paths
 * outlive the code that created them and can be opened again by path, as {@code BPF_OBJ_PIN} and
 * {@code BPF_OBJ_GET} do. Each runtime has its own.
 *
 * <p>A pinned map holds a reference ({@link BpfMap#retain()}), dropped on {@link #unpin}; other
 * objects are only stored. Paths are absolute and normalised ("/sys/fs/bpf/x"); there are no
 * directories to create first. {@link #openOrCreate} implements libbpf's {@code LIBBPF_PIN_BY_NAME}
 * sharing: the first object to load creates and pins the map, later ones reuse it when it matches.
 * Thread-safe.
 */
public final class PinRegistry {
    /** libbpf's default pin root for {@code LIBBPF_PIN_BY_NAME} maps. */
    public static final String DEFAULT_ROOT = "/sys/fs/bpf";

    private final Map<String, Object> pins = new TreeMap<>();
    private final RegionTable regions;

    /** A namespace whose maps are created in a region table of its own. */
    public PinRegistry() {
        this(new RegionTable());
    }

    /** The namespace of the runtime whose region table is {@code regions}: maps it creates live there. */
    public PinRegistry(RegionTable regions) {
        this.regions = Objects.requireNonNull(regions, "regions");
    }

    /** {@return the region table of the runtime this namespace belongs to} */
    public RegionTable regions() {
        return regions;
    }

    /**
     * Pins an object under a path; a map gains a reference.
     *
     * @throws PinException EEXIST when the path is taken, EINVAL for a malformed path
     */
    public synchronized void pin(String path, Object object) {
        Objects.requireNonNull(object, "object");
        String p = normalize(path, "pin");
        if (pins.containsKey(p)) {
            throw new PinException(p, "pin", Errno.EEXIST, "already pinned");
        }
        pins.put(p, object instanceof BpfMap ? ((BpfMap) object).retain() : object);
    }

    /** {@return the object pinned under a path} @throws PinException ENOENT when nothing is */
    public synchronized Object get(String path) {
        String p = normalize(path, "get");
        Object object = pins.get(p);
        if (object == null) {
            throw new PinException(p, "get", Errno.ENOENT, "nothing pinned");
        }
        return object;
    }

    /**
     * {@return the map pinned under a path, with a new reference the caller closes}
     *
     * @throws PinException ENOENT when nothing is pinned, EINVAL when the object is not a map
     */
    public synchronized BpfMap getMap(String path) {
        Object object = get(path);
        if (!(object instanceof BpfMap)) {
            throw new PinException(
                    path, "get", Errno.EINVAL, "not a map: " + object.getClass().getSimpleName());
        }
        return ((BpfMap) object).retain();
    }

    /** Removes a pin; a map loses the pin's reference. @throws PinException ENOENT when nothing is pinned */
    public synchronized void unpin(String path) {
        String p = normalize(path, "unpin");
        Object object = pins.remove(p);
        if (object == null) {
            throw new PinException(p, "unpin", Errno.ENOENT, "nothing pinned");
        }
        if (object instanceof BpfMap) {
            ((BpfMap) object).close();
        }
    }

    /** {@return true when something is pinned under the path} */
    public synchronized boolean isPinned(String path) {
        return pins.containsKey(normalize(path, "get"));
    }

    /** {@return every pinned path, sorted} */
    public synchronized List<String> paths() {
        return List.copyOf(pins.keySet());
    }

    /** {@return the path libbpf pins a {@code LIBBPF_PIN_BY_NAME} map under: the default root and the map's name} */
    public static String pinPath(MapSpec spec) {
        return DEFAULT_ROOT + "/" + spec.name();
    }

    /**
     * Opens the map pinned under {@code path}, or creates the map and pins it there: how libbpf
     * shares {@code LIBBPF_PIN_BY_NAME} maps between objects (bpf_object__reuse_map() and
     * map_is_reuse_compat()). The returned map carries a reference for the caller to close.
     *
     * @throws MapException EINVAL when the pinned map's type, key size, value size, max_entries
     *     or flags differ from the spec ("couldn't reuse pinned map"), or when the path holds no
     *     map; or the errors of {@link BpfMap#create}
     */
    public synchronized BpfMap openOrCreate(MapSpec spec, String path, int cpus) {
        String p = normalize(path, "pin");
        Object pinned = pins.get(p);
        if (pinned == null) {
            BpfMap map = BpfMap.create(spec, cpus, regions);
            pins.put(p, map.retain());
            return map;
        }
        if (!(pinned instanceof BpfMap)) {
            throw new MapException(spec.name(), "reuse pinned map", Errno.EINVAL, p + " holds no map");
        }
        BpfMap map = (BpfMap) pinned;
        MapSpec have = map.spec();
        if (have.type() != spec.type()
                || have.keySize() != spec.keySize()
                || have.valueSize() != spec.valueSize()
                || map.maxEntries() != spec.maxEntries()
                || have.flags() != spec.flags()) {
            throw new MapException(
                    spec.name(),
                    "reuse pinned map",
                    Errno.EINVAL,
                    "parameter mismatch with " + map + " pinned at " + p);
        }
        return map.retain();
    }

    private static String normalize(String path, String operation) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new PinException(path, operation, Errno.EINVAL, "not an absolute path");
        }
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals(".") || part.equals("..")) {
                throw new PinException(path, operation, Errno.EINVAL, "'.' and '..' are not supported");
            }
            sb.append('/').append(part);
        }
        if (sb.length() == 0) {
            throw new PinException(path, operation, Errno.EINVAL, "the root cannot be pinned");
        }
        return sb.toString();
    }
}
