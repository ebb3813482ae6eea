package dev.ebpfjvm.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hash maps iterate in the kernel's order: the get_next_key order Linux 6.18 gave for
 * {@code BPF_F_ZERO_SEED} hash maps (kernel-hash-order.txt, recorded by tools/map-probe/probe.py),
 * over key sizes that take every path of jhash (1–3 byte tails, whole 12-byte blocks, 4-byte
 * multiples). This checks the hash function, the bucket count and head insertion at once; the LRU
 * hash and hash of maps share the table.
 */
class HashOrderTest {

    static Stream<Arguments> recorded() {
        return MapFixtures.fixture("kernel-hash-order.txt").stream().map(line -> {
            String[] sides = line.split(" -> ");
            String[] f = sides[0].split(" ");
            return Arguments.of(
                    Integer.parseInt(f[0]),
                    Integer.parseInt(f[1]),
                    List.of(f[2].split(",")),
                    List.of(sides[1].split(",")));
        });
    }

    @ParameterizedTest(name = "key size {0}, max_entries {1}")
    @MethodSource("recorded")
    void nextKey_walksKeysInKernelOrder(int keySize, int maxEntries, List<String> inserted, List<String> expected) {
        for (MapType type : new MapType[] {MapType.HASH, MapType.LRU_HASH}) {
            MapSpec spec = MapFixtures.spec(type, keySize, 8, maxEntries, MapSpec.F_ZERO_SEED);
            try (BpfMap map = TestRegions.map(spec, MapFixtures.KERNEL_CPUS)) {
                for (String key : inserted) {
                    map.update(MapFixtures.hex(key), new byte[8], BpfMap.NOEXIST);
                }
                List<String> walked = new ArrayList<>();
                for (byte[] k = map.nextKey(null); k != null; k = map.nextKey(k)) {
                    walked.add(MapFixtures.hex(k));
                }
                assertEquals(expected, walked, type + " get_next_key order");
                assertEquals(
                        expected,
                        map.keys().stream().map(MapFixtures::hex).collect(Collectors.toList()),
                        type + " keys()");
            }
        }
    }

    @ParameterizedTest(name = "key size {0}, max_entries {1}")
    @MethodSource("recorded")
    void nextKey_ofAbsentKeyRestartsFromFirst(
            int keySize, int maxEntries, List<String> inserted, List<String> expected) {
        try (BpfMap map = TestRegions.map(MapFixtures.spec(MapType.HASH, keySize, 8, maxEntries, 0), 2)) {
            for (String key : inserted) {
                map.update(MapFixtures.hex(key), new byte[8]);
            }
            byte[] absent = new byte[keySize];
            for (int b = 0; inserted.contains(MapFixtures.hex(absent)); b++) {
                Arrays.fill(absent, (byte) b);
            }
            assertEquals(expected.get(0), MapFixtures.hex(map.nextKey(absent)));
            assertEquals(null, map.nextKey(MapFixtures.hex(expected.get(expected.size() - 1))));
        }
    }
}
