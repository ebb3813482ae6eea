package dev.ebpfjvm.core.isa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ebpfjvm.core.InvalidProgramException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bytes from a seeded random source, fresh and mutated from valid programs, given to
 * {@link InsnCodec#decode}: the result is a program that encodes back to the same bytes and that
 * both disassemblers print, or an {@link InvalidProgramException}; never anything else.
 */
class InsnCodecFuzzTest {
    private static final int ROUNDS = 10_000;

    @Test
    void decode_givesProgramOrInvalidProgram() {
        long seed = Seeds.seed();
        Random r = new Random(seed);
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = round % 4 == 0
                    ? fresh(r)
                    : mutate(r, RandomInsns.program(r, 1 + r.nextInt(12)).encode());
            if (check(input, seed, round)) {
                accepted++;
            }
        }
        // Mutations of valid programs stay valid often enough for the success path to be exercised.
        if (accepted < ROUNDS / 20) {
            fail("only " + accepted + " of " + ROUNDS + " inputs decoded, " + Seeds.describe(seed));
        }
    }

    private static boolean check(byte[] input, long seed, int round) {
        Instructions program;
        try {
            program = InsnCodec.decode(input);
        } catch (InvalidProgramException e) {
            assertEquals(e.getMessage().isEmpty(), false);
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError("round " + round + ", " + Seeds.describe(seed) + ": " + Arrays.toString(input), e);
        }
        assertArrayEquals(input, program.encode(), () -> "round " + round + ", " + Seeds.describe(seed));
        for (Insn insn : program.list()) {
            Disassembler.toKernel(insn);
        }
        assertEquals(
                program,
                Assembler.assemble(Disassembler.toAsm(program)),
                () -> "round " + round + ", " + Seeds.describe(seed));
        return true;
    }

    private static byte[] fresh(Random r) {
        byte[] b = new byte[r.nextInt(6) * 8 + (r.nextInt(8) == 0 ? r.nextInt(8) : 0)];
        r.nextBytes(b);
        return b;
    }

    /** Flips bits, overwrites bytes or fields, cuts or splices slots. */
    private static byte[] mutate(Random r, byte[] valid) {
        byte[] b = valid.clone();
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0:
                    b[at] ^= (byte) (1 << r.nextInt(8));
                    break;
                case 1:
                    b[at] = (byte) r.nextInt(256);
                    break;
                case 2:
                    b[at - at % 8] = (byte) r.nextInt(256);
                    break;
                case 3:
                    b = Arrays.copyOf(b, r.nextBoolean() ? at - at % 8 : at);
                    break;
                default:
                    int start = at - at % 8;
                    int len = Math.min(8, b.length - start);
                    byte[] longer = Arrays.copyOf(b, b.length + len);
                    System.arraycopy(b, start, longer, b.length, len);
                    b = longer;
            }
        }
        return b;
    }
}
