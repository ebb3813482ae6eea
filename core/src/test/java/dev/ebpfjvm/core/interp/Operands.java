package dev.ebpfjvm.core.interp;

import java.util.Random;

/**
 * Random operands for property tests, biased toward the values where eBPF arithmetic has edges:
 * zero, ±1, the signed extremes of 32 and 64 bits, values that differ only in their upper half,
 * and shift counts around the widths. The seed is {@code -Debpfjvm.seed} when given, else fresh,
 * and every failure message must print it.
 */
final class Operands {
    private static final long[] SPECIAL = {
        0,
        1,
        -1,
        2,
        -2,
        3,
        7,
        8,
        16,
        31,
        32,
        33,
        63,
        64,
        65,
        Long.MIN_VALUE,
        Long.MAX_VALUE,
        Long.MIN_VALUE + 1,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE,
        0x8000_0000L,
        0xffff_ffffL,
        0x1_0000_0000L,
        0xffff_ffff_0000_0000L,
        0x7fff_ffff_ffff_ffffL,
        0x1_8000_0000L,
        0xff,
        0x80,
        0xffff,
        0x8000,
    };

    private Operands() {}

    /** {@return the seed to use: -Debpfjvm.seed, or a fresh one} */
    static long seed() {
        String property = System.getProperty("ebpfjvm.seed");
        return property != null ? Long.decode(property) : System.nanoTime();
    }

    /** {@return a 64-bit operand} */
    static long next(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return SPECIAL[random.nextInt(SPECIAL.length)];
            case 1:
                return random.nextInt();
            case 2:
                return random.nextInt() & 0xffff_ffffL;
            case 3:
                return random.nextInt(160) - 80;
            case 4:
                return (long) random.nextInt() << 32 | (SPECIAL[random.nextInt(SPECIAL.length)] & 0xffff_ffffL);
            default:
                return random.nextLong();
        }
    }

    /** {@return a 32-bit immediate} */
    static int nextImm(Random random) {
        return (int) next(random);
    }
}
