package dev.ebpfjvm.bench.firstrun;

import java.util.Random;

/**
 * Generates straight-ahead programs of an exact instruction count for the load → first-run
 * measurement, in the conformance assembler syntax: eight registers loaded from a 64-byte
 * buffer and spilled to eight stack slots (so every reload reads an initialised slot, as the
 * verifier demands), then a mix of 64- and 32-bit ALU operations, stack spills and reloads and
 * a short forward conditional jump about every eight instructions (so the JIT must emit
 * stack-map frames), then r0 = the xor of the eight registers. Every seed gives a different
 * program, so each one is a fresh class for the JIT. The buffer feeds every register, so no
 * result is a constant, and only add/sub/xor, odd multipliers and shifts are used, so registers
 * do not collapse to constants (research/jvm-facts.md, item 2).
 */
public final class SyntheticProgram {
    /** The buffer size the programs read (eight u64 words). */
    public static final int BUFFER_SIZE = 64;
    /** The smallest instruction count a program can have: prologue and epilogue. */
    public static final int MIN_INSNS = 25;

    private static final String[] REG_OPS = {"add", "sub", "xor", "add32", "xor32", "sub32"};
    private static final String[] JUMPS = {"jgt", "jlt", "jsgt", "jeq", "jne", "jset", "jge32"};
    private static final int SLOTS = 8;

    private final Random random;
    private final StringBuilder out = new StringBuilder();

    private SyntheticProgram(long seed) {
        this.random = new Random(seed);
    }

    /**
     * {@return the text of a program of exactly {@code insns} instructions}
     *
     * @throws IllegalArgumentException when {@code insns} is below {@link #MIN_INSNS}
     */
    public static String generate(int insns, long seed) {
        if (insns < MIN_INSNS) {
            throw new IllegalArgumentException(
                    "a synthetic program has at least " + MIN_INSNS + " instructions: " + insns);
        }
        return new SyntheticProgram(seed).build(insns);
    }

    private String build(int insns) {
        for (int r = 2; r <= 9; r++) {
            line("ldxdw %r" + r + ", [%r1+" + (8 * (r - 2)) + "]");
        }
        for (int r = 2; r <= 9; r++) {
            line("stxdw [%r10-" + (8 * (r - 1)) + "], %r" + r);
        }
        for (int left = insns - MIN_INSNS; left > 0; left--) {
            body(left);
        }
        line("mov %r0, %r2");
        for (int r = 3; r <= 9; r++) {
            line("xor %r0, %r" + r);
        }
        line("exit");
        return out.toString();
    }

    /** One body instruction, {@code left} counting it and those after it. */
    private void body(int left) {
        int kind = random.nextInt(16);
        int dst = reg();
        if (kind < 2 && left > 1) {
            String jump = JUMPS[random.nextInt(JUMPS.length)];
            line(jump + " %r" + dst + ", %r" + other(dst) + ", +" + (1 + random.nextInt(Math.min(4, left - 1))));
        } else if (kind < 4) {
            line("stxdw [%r10-" + 8 * (1 + random.nextInt(SLOTS)) + "], %r" + dst);
        } else if (kind < 6) {
            line("ldxdw %r" + dst + ", [%r10-" + 8 * (1 + random.nextInt(SLOTS)) + "]");
        } else if (kind < 8) {
            line("mul %r" + dst + ", " + (random.nextInt(1 << 20) * 2 + 1));
        } else if (kind < 10) {
            line((random.nextBoolean() ? "lsh" : "rsh") + " %r" + dst + ", " + (1 + random.nextInt(31)));
        } else if (kind < 11) {
            line("add %r" + dst + ", " + random.nextInt(1 << 30));
        } else {
            line(REG_OPS[random.nextInt(REG_OPS.length)] + " %r" + dst + ", %r" + other(dst));
        }
    }

    private int reg() {
        return 2 + random.nextInt(8);
    }

    private int other(int reg) {
        int r = 2 + random.nextInt(7);
        return r >= reg ? r + 1 : r;
    }

    private void line(String insn) {
        out.append(insn).append('\n');
    }
}
