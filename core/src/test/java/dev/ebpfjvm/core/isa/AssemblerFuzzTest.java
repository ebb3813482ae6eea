package dev.ebpfjvm.core.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.InvalidProgramException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Text from a seeded random source, mutated from disassembled valid programs or built from the
 * syntax's own tokens, given to {@link Assembler#assemble}: the result is a program that prints
 * back to itself, or an {@link InvalidProgramException} naming a line of the text; never anything
 * else.
 */
class AssemblerFuzzTest {
    private static final int ROUNDS = 5_000;
    private static final String[] TOKENS = {
        "add",
        "mov32",
        "lddw",
        "ldxw",
        "stb",
        "stxdw",
        "lock",
        "fetch",
        "xchg",
        "cmpxchg32",
        "ja",
        "ja32",
        "jeq",
        "jsle32",
        "call",
        "local",
        "runtime",
        "helper",
        "exit",
        "le16",
        "bswap64",
        "movsx832",
        "%r0",
        "%r1",
        "%r10",
        "%r11",
        "[%r1+4]",
        "[%r10-8]",
        "[%r2]",
        "0",
        "-1",
        "0x7fffffff",
        "4294967295",
        "+1",
        "-2",
        "+0",
        "L:",
        "L",
        "exit:",
        ",",
        "#",
        ":",
        "[",
        "]",
        "map_fd",
        "\n",
    };

    @Test
    void assemble_givesProgramOrInvalidProgram() {
        long seed = Seeds.seed();
        Random r = new Random(seed);
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String text = round % 2 == 0
                    ? tokenSoup(r)
                    : mutate(r, Disassembler.toAsm(RandomInsns.program(r, 1 + r.nextInt(8))));
            if (check(text, seed, round)) {
                accepted++;
            }
        }
        assertTrue(
                accepted > ROUNDS / 20,
                "only " + accepted + " of " + ROUNDS + " texts assembled, " + Seeds.describe(seed));
    }

    private static boolean check(String text, long seed, int round) {
        Instructions program;
        try {
            program = Assembler.assemble(text);
        } catch (InvalidProgramException e) {
            long lines = text.chars().filter(c -> c == '\n').count() + 1;
            assertTrue(
                    e.index() >= 1 && e.index() <= lines,
                    () -> "line " + e.index() + " of " + lines + ", round " + round + ", " + Seeds.describe(seed));
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError("round " + round + ", " + Seeds.describe(seed) + ":\n" + text, e);
        }
        assertEquals(
                program,
                Assembler.assemble(Disassembler.toAsm(program)),
                () -> "round " + round + ", " + Seeds.describe(seed));
        return true;
    }

    private static String tokenSoup(Random r) {
        StringBuilder out = new StringBuilder();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            out.append(TOKENS[r.nextInt(TOKENS.length)]).append(r.nextInt(3) == 0 ? ", " : " ");
        }
        return out.append("\nexit").toString();
    }

    /** Deletes, duplicates or replaces characters, or swaps two lines. */
    private static String mutate(Random r, String valid) {
        StringBuilder b = new StringBuilder(valid);
        for (int m = 1 + r.nextInt(3); m > 0 && b.length() > 0; m--) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(4)) {
                case 0:
                    b.deleteCharAt(at);
                    break;
                case 1:
                    b.insert(at, b.charAt(at));
                    break;
                case 2:
                    b.setCharAt(at, "0123456789abcdefx%r[]+-,: #\n".charAt(r.nextInt(28)));
                    break;
                default:
                    String[] lines = b.toString().split("\n", -1);
                    int i = r.nextInt(lines.length);
                    int j = r.nextInt(lines.length);
                    String t = lines[i];
                    lines[i] = lines[j];
                    lines[j] = t;
                    b = new StringBuilder(String.join("\n", lines));
            }
        }
        return b.toString();
    }
}
