package dev.ebpfjvm.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * BPF_MAP_CREATE and map-in-map updates against the results Linux 6.18 gave for the same specs
 * (kernel-map-create.txt, recorded by tools/map-probe/probe.py): a grid of every implemented type
 * over key sizes, value sizes, max_entries and each map flag, size limits, inner-map templates, and
 * which maps fit which templates.
 */
class MapCreateKernelTest {
    /**
     * Where ebpf-jvm knowingly differs: a 2 GiB ring buffer needs a 4 GiB region (the data is held
     * twice, see RingBufMap), beyond a Java array, so it fails with ENOMEM as an allocation would.
     */
    private static final List<String> KNOWN_LIMITS = List.of("ringbuf 0 0 2147483648 0x0 -> ok but got ENOMEM");

    @Test
    void create_matchesKernelForEverySpec() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String line : MapFixtures.fixture("kernel-map-create.txt")) {
            if (line.startsWith("set ")) {
                continue;
            }
            String[] sides = line.split(" -> ");
            String[] f = sides[0].split(" ");
            MapSpec inner = f.length > 5 && !f[5].equals("inner=none")
                    ? parse(f[5].substring(6).split(","), null)
                    : null;
            MapSpec spec = parse(f, inner);
            String got = createResult(spec);
            if (!got.equals(sides[1])) {
                mismatches.add(line + " but got " + got);
            }
            checked++;
        }
        assertEquals(KNOWN_LIMITS, mismatches, "specs where ebpf-jvm and the kernel disagree");
        assertEquals(4656, checked, "lines of the fixture checked");
    }

    @Test
    void setInnerMap_matchesKernelForEveryTemplateAndMap() {
        List<String> mismatches = new ArrayList<>();
        for (String line : MapFixtures.fixture("kernel-map-create.txt")) {
            if (!line.startsWith("set ")) {
                continue;
            }
            String[] sides = line.split(" -> ");
            String[] f = sides[0].split(" ");
            MapSpec template = parse(f[2].substring(6).split(","), null);
            MapSpec candidate = parse(f[3].substring(6).split(","), null);
            MapType outerType = MapType.valueOf(f[1].toUpperCase(Locale.ROOT));
            MapSpec outerSpec = new MapSpec("outer", outerType, 4, 4, 2, 0, Pinning.NONE, template, List.of());
            String got;
            try (BpfMap outer = TestRegions.map(outerSpec, MapFixtures.KERNEL_CPUS);
                    BpfMap value = TestRegions.map(candidate, MapFixtures.KERNEL_CPUS)) {
                if (outer instanceof ArrayOfMapsMap) {
                    ((ArrayOfMapsMap) outer).set(0, value);
                } else {
                    ((HashOfMapsMap) outer).set(BpfMap.u32(0), value, BpfMap.ANY);
                }
                got = "ok";
            } catch (MapException e) {
                got = e.errno().name();
            }
            if (!got.equals(sides[1])) {
                mismatches.add(line + " but got " + got);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static String createResult(MapSpec spec) {
        try (BpfMap map = TestRegions.map(spec, MapFixtures.KERNEL_CPUS)) {
            return "ok";
        } catch (MapException e) {
            return e.errno().name();
        } catch (UnsupportedFeatureException e) {
            return "unsupported";
        }
    }

    private static MapSpec parse(String[] f, MapSpec inner) {
        MapType type = MapType.valueOf(f[0].toUpperCase(Locale.ROOT));
        return new MapSpec(
                "probe",
                type,
                Integer.parseUnsignedInt(f[1]),
                Integer.parseUnsignedInt(f[2]),
                Integer.parseUnsignedInt(f[3]),
                Integer.parseInt(f[4].substring(2), 16),
                Pinning.NONE,
                inner,
                List.of());
    }
}
