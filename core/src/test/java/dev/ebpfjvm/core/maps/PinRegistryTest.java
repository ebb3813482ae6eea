package dev.ebpfjvm.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The bpffs-like namespace: BPF_OBJ_PIN / BPF_OBJ_GET errors, map references, LIBBPF_PIN_BY_NAME sharing. */
class PinRegistryTest {
    private final PinRegistry pins = new PinRegistry();

    private static Errno errno(Runnable action) {
        return assertThrows(PinException.class, action::run).errno();
    }

    @Test
    void pin_getAndUnpin_withKernelErrors() {
        Object link = new Object();
        pins.pin("/sys/fs/bpf/link", link);
        assertEquals(Errno.EEXIST, errno(() -> pins.pin("/sys/fs/bpf/link", new Object())));
        assertSame(link, pins.get("//sys/fs/bpf//link/"), "paths are normalised");
        assertEquals(Errno.ENOENT, errno(() -> pins.get("/sys/fs/bpf/other")));
        assertEquals(Errno.EINVAL, errno(() -> pins.getMap("/sys/fs/bpf/link")));
        assertEquals(Errno.EINVAL, errno(() -> pins.pin("relative", link)));
        assertEquals(Errno.EINVAL, errno(() -> pins.pin("/sys/../x", link)));
        assertEquals(List.of("/sys/fs/bpf/link"), pins.paths());
        pins.unpin("/sys/fs/bpf/link");
        assertFalse(pins.isPinned("/sys/fs/bpf/link"));
        assertEquals(Errno.ENOENT, errno(() -> pins.unpin("/sys/fs/bpf/link")));
    }

    @Test
    void pinnedMap_outlivesItsCreator_untilUnpinned() {
        BpfMap map = MapFixtures.create(MapType.ARRAY, 4, 8, 1);
        pins.pin("/sys/fs/bpf/counters", map);
        map.close();
        assertFalse(map.isClosed(), "the pin holds a reference");
        try (BpfMap again = pins.getMap("/sys/fs/bpf/counters")) {
            assertSame(map, again);
            again.updateLong(BpfMap.u32(0), 5, BpfMap.ANY);
        }
        pins.unpin("/sys/fs/bpf/counters");
        assertTrue(map.isClosed());
    }

    @Test
    void openOrCreate_sharesPinByNameMapsBetweenObjects() {
        MapSpec spec = new MapSpec("shared", MapType.HASH, 4, 8, 16, 0, Pinning.BY_NAME, null, List.of());
        String path = PinRegistry.pinPath(spec);
        assertEquals("/sys/fs/bpf/shared", path);
        BpfMap first = pins.openOrCreate(spec, path, 2);
        BpfMap second = pins.openOrCreate(spec, path, 2);
        assertSame(first, second);
        first.updateLong(BpfMap.u32(1), 9, BpfMap.ANY);
        assertEquals(OptionalLong.of(9), second.lookupLong(BpfMap.u32(1)));
        first.close();
        second.close();
        assertFalse(first.isClosed(), "still pinned");
        MapSpec bigger = new MapSpec("shared", MapType.HASH, 4, 8, 32, 0, Pinning.BY_NAME, null, List.of());
        MapException e = assertThrows(MapException.class, () -> pins.openOrCreate(bigger, path, 2));
        assertEquals(Errno.EINVAL, e.errno());
        assertTrue(e.getMessage().contains("mismatch"), e.getMessage());
        pins.pin("/sys/fs/bpf/prog", new Object());
        assertEquals(
                Errno.EINVAL,
                assertThrows(MapException.class, () -> pins.openOrCreate(spec, "/sys/fs/bpf/prog", 2))
                        .errno());
        pins.unpin(path);
        assertTrue(first.isClosed());
    }
}
