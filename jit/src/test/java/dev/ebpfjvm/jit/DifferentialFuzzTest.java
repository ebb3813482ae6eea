package dev.ebpfjvm.jit;

import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.facts.MemoryFacts;
import dev.ebpfjvm.core.facts.RegionHint;
import dev.ebpfjvm.core.isa.Disassembler;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.jit.testing.RandomPrograms;
import dev.ebpfjvm.jit.testing.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The JIT against the interpreter, the oracle, on 100,000 random terminating programs (override
 * with {@code -Debpfjvm.fuzz.programs}): straight-line and forward-branching ALU, memory, atomic
 * and helper code (see {@link RandomPrograms}). To keep class definition from dominating, each
 * class holds a batch of programs as functions of one BPF program whose entry calls the one r2
 * selects; a quarter of the batches are compiled with a small method budget, so that split
 * functions are fuzzed too, and a third with no memory facts or with every access checking its
 * region. After each run r0 (or the fault's slot), the whole stack and the
 * context must be equal.
 *
 * <p>Seeded and reproducible ({@code -Debpfjvm.seed}); a mismatch prints the batch seed and the
 * program, and is saved in the conformance format under {@code target/fuzz-regress/}, to be
 * moved into {@code src/test/resources/dev/ebpfjvm/jit/regress/} where {@link RegressionTest}
 * replays it.
 */
class DifferentialFuzzTest {
    private static final int PER_BATCH = 100;
    /** Inferred facts most of the time; also none, and every access checking its region. */
    private static final MemoryFacts[] FACTS = {
        null,
        null,
        null,
        null,
        MemoryFacts.NONE,
        slot -> slot % 2 == 0 ? RegionHint.STACK_CHECKED : RegionHint.ENTRY_R1_CHECKED
    };

    @Test
    void jitMatchesInterpreter() throws IOException {
        long seed = Long.getLong("ebpfjvm.seed", 0x5eed_f022L);
        int programs = Integer.getInteger("ebpfjvm.fuzz.programs", 100_000);
        Random rnd = new Random(seed);
        Engine interpreter = Engines.byName("interpreter");
        for (int done = 0; done < programs; done += PER_BATCH) {
            long batchSeed = rnd.nextLong();
            Batch batch = Batch.of(new Random(batchSeed));
            int budget = rnd.nextInt(4) == 0 ? 600 + rnd.nextInt(1400) : JitOptions.DEFAULT_MAX_METHOD_BYTES;
            int factsIndex = rnd.nextInt(FACTS.length);
            MemoryFacts facts = FACTS[factsIndex];
            Executable jit =
                    new JitCompiler(JitOptions.defaults().withMaxMethodBytes(budget)).compile(batch.program, facts);
            Executable oracle = interpreter.load(batch.program);
            for (int i = 0; i < PER_BATCH; i++) {
                RunResult expected = RunResult.of(oracle, batch.context, i);
                RunResult actual = RunResult.of(jit, batch.context, i);
                if (!expected.equals(actual)) {
                    Path saved = save(batch, i, expected);
                    fail("seed " + seed + ", batch seed " + batchSeed + ", program " + i + ", budget " + budget
                            + ", facts #" + factsIndex
                            + ":\n expected " + expected + "\n actual   " + actual + "\n saved as " + saved
                            + "\n" + Disassembler.toAsm(batch.functions.get(i)));
                }
            }
        }
    }

    /** Writes one program as a conformance test whose expected result is the interpreter's. */
    private static Path save(Batch batch, int i, RunResult expected) throws IOException {
        String text =
                "# differential fuzz mismatch, program " + i + "\n-- asm\n" + Disassembler.toAsm(batch.functions.get(i))
                        + "-- mem\n" + HexFormat.ofDelimiter(" ").formatHex(batch.context) + "\n-- result\n0x"
                        + Long.toHexString(expected.r0()) + "\n";
        Path dir = Paths.get("target", "fuzz-regress");
        Files.createDirectories(dir);
        Path file = dir.resolve(Integer.toHexString(text.hashCode()) + ".data");
        Files.writeString(file, text);
        return file.toAbsolutePath();
    }

    /**
     * A batch: {@link #PER_BATCH} random programs, as functions of one program whose entry
     * calls function r2; and the context bytes every run starts from.
     */
    private record Batch(Program program, List<Instructions> functions, byte[] context) {
        static Batch of(Random rnd) {
            RandomPrograms gen = new RandomPrograms(rnd);
            List<InsnList> bodies = new ArrayList<>();
            InsnList all = new InsnList();
            for (int i = 0; i < PER_BATCH; i++) {
                all.add(JumpOp.JEQ.imm(2, i, "call" + i));
            }
            all.add(MOV.imm(0, -1), exit());
            for (int i = 0; i < PER_BATCH; i++) {
                all.label("call" + i).add(callLocal("f" + i), exit());
            }
            List<Instructions> functions = new ArrayList<>();
            for (int i = 0; i < PER_BATCH; i++) {
                InsnList body = gen.program(5 + rnd.nextInt(50), rnd.nextBoolean());
                functions.add(body.instructions());
                all.label("f" + i);
                all.addAll(body.instructions().list());
            }
            byte[] context = new byte[RandomPrograms.CONTEXT_BYTES];
            rnd.nextBytes(context);
            return new Batch(all.program("batch", RandomPrograms.HELPERS), functions, context);
        }
    }
}
