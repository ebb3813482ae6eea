package dev.ebpfjvm.core.elf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Corrupts object files for fuzz tests: truncation, flipped bytes, and "interesting" values
 * (0, -1, sizes near the file's, sign boundaries) written over the structures a reader trusts —
 * the ELF header, section headers, symbols, relocations, BTF and code.
 */
public final class Mutator {
    private static final long[] INTERESTING = {
        0,
        1,
        2,
        7,
        8,
        0x7f,
        0x80,
        0xff,
        0xffff,
        0x7fffffff,
        0x80000000L,
        0xffffffffL,
        -1L,
        Long.MAX_VALUE,
        Long.MIN_VALUE
    };

    private final Random random;

    public Mutator(Random random) {
        this.random = random;
    }

    /** {@return the seed fuzz tests use: -Debpfjvm.seed, or a fresh one} */
    public static long seed() {
        String property = System.getProperty("ebpfjvm.seed");
        return property != null ? Long.decode(property) : System.nanoTime();
    }

    /** {@return a corrupted copy of an object, one to three mutations deep} */
    public byte[] mutate(byte[] original, List<int[]> regions) {
        byte[] bytes = original.clone();
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds && bytes.length > 0; i++) {
            switch (random.nextInt(4)) {
                case 0:
                    bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                    break;
                case 1:
                    for (int n = 1 + random.nextInt(8); n > 0; n--) {
                        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    break;
                default:
                    int[] region = regions.get(random.nextInt(regions.size()));
                    int at = region[0] + random.nextInt(Math.max(1, region[1]));
                    writeValue(bytes, at, interesting(bytes.length), 1 << random.nextInt(4));
                    break;
            }
        }
        return bytes;
    }

    private long interesting(int fileLength) {
        switch (random.nextInt(4)) {
            case 0:
                return INTERESTING[random.nextInt(INTERESTING.length)];
            case 1:
                return fileLength + random.nextInt(17) - 8;
            case 2:
                return random.nextInt(64);
            default:
                return random.nextLong();
        }
    }

    private static void writeValue(byte[] bytes, int at, long value, int size) {
        for (int i = 0; i < size && at + i < bytes.length; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    /** {@return the [start, length] ranges of an intact object's structures, where mutations hurt most} */
    public static List<int[]> regions(byte[] object) {
        ElfFile elf = ElfFile.parse(object);
        List<int[]> regions = new ArrayList<>();
        regions.add(new int[] {0, 64});
        long shoff = 0;
        for (int i = 7; i >= 0; i--) {
            shoff = shoff << 8 | (object[40 + i] & 0xff);
        }
        regions.add(new int[] {(int) shoff, 64 * elf.sections().size()});
        for (ElfSection s : elf.sections()) {
            boolean structural = s.type() == ElfSection.SHT_SYMTAB
                    || s.type() == ElfSection.SHT_REL
                    || s.isExecutable()
                    || s.name().startsWith(".BTF")
                    || s.name().equals(".maps")
                    || s.name().equals("maps")
                    || s.type() == ElfSection.SHT_STRTAB;
            if (structural && !s.isNoBits() && s.size() > 0) {
                regions.add(new int[] {(int) s.offset(), (int) s.size()});
            }
        }
        return regions;
    }
}
