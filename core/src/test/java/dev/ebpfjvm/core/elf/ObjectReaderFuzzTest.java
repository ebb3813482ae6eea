package dev.ebpfjvm.core.elf;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds thousands of corrupted fixtures to the reader. The invariant, as cilium/ebpf's
 * FuzzLoadCollectionSpec: a spec, or a {@link MalformedObjectException}, or (for valid input
 * that is not supported) an {@link UnsupportedFeatureException}; never another exception.
 * The seed is printed on failure; replay with {@code -Debpfjvm.seed=N}.
 */
class ObjectReaderFuzzTest {
    /** Enough for a few seconds in {@code mvn verify}; raise with -Debpfjvm.fuzz.iterations for a long local run. */
    private static final int ITERATIONS = Integer.getInteger("ebpfjvm.fuzz.iterations", 6000);

    @Test
    void read_corruptedObjects() {
        long seed = Mutator.seed();
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        List<String> names = Fixtures.all();
        List<byte[]> objects = new ArrayList<>();
        List<List<int[]>> regions = new ArrayList<>();
        for (String name : names) {
            objects.add(Fixtures.bytes(name));
            regions.add(Mutator.regions(objects.get(objects.size() - 1)));
        }
        int parsed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int pick = random.nextInt(objects.size());
            byte[] input = mutator.mutate(objects.get(pick), regions.get(pick));
            try {
                ObjectReader.read(input);
                parsed++;
            } catch (MalformedObjectException | UnsupportedFeatureException expected) {
                if (expected.getMessage() == null || expected.getMessage().isEmpty()) {
                    fail("seed " + seed + " iteration " + i + " (" + names.get(pick) + "): empty message");
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw new AssertionError("seed " + seed + " iteration " + i + " (" + names.get(pick) + "): " + e, e);
            }
        }
        if (parsed == 0 || parsed == ITERATIONS) {
            fail("seed " + seed + ": the mutations never (or always) kept an object readable: " + parsed);
        }
    }
}
