package dev.ebpfjvm.core.btf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.elf.ElfFile;
import dev.ebpfjvm.core.elf.Fixtures;
import dev.ebpfjvm.core.elf.Mutator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds corrupted {@code .BTF} and {@code .BTF.ext} sections of the fixtures to the readers, and
 * resolves every type of what still parses. The invariant: a result or a
 * {@link MalformedObjectException}, never another exception. Replay with {@code -Debpfjvm.seed=N}.
 */
class BtfReaderFuzzTest {
    private static final int ITERATIONS = Integer.getInteger("ebpfjvm.fuzz.iterations", 6000);

    @Test
    void read_corruptedSections() {
        long seed = Mutator.seed();
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        List<byte[]> btfs = new ArrayList<>();
        List<byte[]> exts = new ArrayList<>();
        for (String name : Fixtures.all()) {
            ElfFile elf = ElfFile.parse(Fixtures.bytes(name));
            btfs.add(elf.contents(elf.section(BtfReader.SECTION).orElseThrow()));
            exts.add(elf.contents(elf.section(BtfExtReader.SECTION).orElseThrow()));
        }
        for (int i = 0; i < ITERATIONS; i++) {
            int pick = random.nextInt(btfs.size());
            boolean ext = random.nextBoolean();
            byte[] target = ext ? exts.get(pick) : btfs.get(pick);
            byte[] input = mutator.mutate(target, List.of(new int[] {0, 24}, new int[] {0, target.length}));
            try {
                if (ext) {
                    BtfExtReader.read(input, BtfReader.read(btfs.get(pick)));
                } else {
                    resolveAll(BtfReader.read(input));
                }
            } catch (MalformedObjectException expected) {
                // the only failure allowed
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + " iteration " + i + ": " + e, e);
            }
        }
    }

    /** Follows every reference the way the object reader does, to reach the resolution code too. */
    private static void resolveAll(BtfSpec btf) {
        for (int id = 0; id < btf.typeCount(); id++) {
            btf.resolve(id);
            try {
                btf.sizeOf(id);
            } catch (MalformedObjectException noSize) {
                // functions, forward declarations and void have none
            }
        }
    }
}
