package dev.ebpfjvm.core.interp;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.asm.Asm;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnValidator;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Random well-formed programs, unverified: loading gives an executable or a typed exception, and
 * a run gives r0 or a {@link ProgramFaultException}, never a JDK exception (cilium's fuzz
 * invariant). The budget bounds the endless loops random jumps make.
 */
class InterpreterFuzzTest {
    private static final int PROGRAMS = 2_000;
    private static final HelperRegistry HELPERS = HelperRegistry.builder()
            .add(1, "first", (ctx, r1, r2, r3, r4, r5) -> r1)
            .add(5, "ktime_get_ns", (ctx, r1, r2, r3, r4, r5) -> 5)
            .build();

    @Test
    void randomPrograms_runOrFault() {
        long seed = Operands.seed();
        Random random = new Random(seed);
        for (int p = 0; p < PROGRAMS; p++) {
            List<Insn> insns = randomProgram(random);
            Program program = new Program("fuzz", new Instructions(insns), HELPERS, TestRegions.reach());
            Executable exe;
            try {
                exe = Runs.ENGINE.load(program);
            } catch (EbpfException expected) {
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", program " + p + ": load threw " + e + "\n" + insns, e);
            }
            try (exe) {
                ProgramContext ctx = new ProgramContext().withBuffer(new byte[64]);
                ctx.memory().setPacket(new byte[64]);
                ctx.setBudget(1_000);
                exe.run(ctx);
            } catch (ProgramFaultException expected) {
                // a fault is an allowed outcome
            } catch (RuntimeException e) {
                fail("seed " + seed + ", program " + p + ": run threw " + e + "\n" + insns, e);
            }
        }
    }

    private static List<Insn> randomProgram(Random random) {
        int length = 1 + random.nextInt(24);
        List<Insn> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            out.add(randomInsn(random));
        }
        out.add(Asm.exit());
        return retarget(out, random);
    }

    /** Points every jump, local call and function reference at the start of a random instruction. */
    private static List<Insn> retarget(List<Insn> insns, Random random) {
        Instructions layout = new Instructions(insns);
        List<Insn> out = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.get(i);
            int slot = layout.slotOf(i);
            int relative = layout.slotOf(random.nextInt(insns.size())) - slot - 1;
            boolean inImm = insn.isLocalCall() || insn.opcode() == 0x06 || insn.isWide() && insn.src() == 4;
            if (random.nextInt(16) != 0 && (insn.hasJumpTarget() || inImm)) {
                insn = inImm
                        ? new Insn(insn.opcode(), insn.dst(), insn.src(), insn.off(), relative)
                        : new Insn(insn.opcode(), insn.dst(), insn.src(), relative, insn.imm());
            }
            out.add(insn);
        }
        return out;
    }

    /** The opcodes some instruction uses: drawing only from these keeps rejections rare. */
    private static final int[] OPCODES = usedOpcodes();

    private static int[] usedOpcodes() {
        Random random = new Random(0);
        return IntStream.range(0, 256)
                .filter(opcode ->
                        IntStream.range(0, 64).anyMatch(i -> InsnValidator.check(fields(random, opcode)) == null))
                .toArray();
    }

    /** A random instruction that passes {@link InsnValidator#check}, with pointers in reach. */
    private static Insn randomInsn(Random random) {
        while (true) {
            Insn insn = fields(random, OPCODES[random.nextInt(OPCODES.length)]);
            if (InsnValidator.check(insn) == null) {
                return insn;
            }
        }
    }

    /** Random fields for an opcode, biased toward what its class accepts. */
    private static Insn fields(Random random, int opcode) {
        int insnClass = opcode & 0x07;
        boolean alu = insnClass == 0x04 || insnClass == 0x07;
        boolean jump = insnClass == 0x05 || insnClass == 0x06;
        boolean register = (opcode & 0x08) != 0;
        int dst = random.nextInt(11);
        int src = (alu || jump) && !register && random.nextInt(8) != 0 ? 0 : random.nextInt(11);
        int off = random.nextInt(4) == 0 ? random.nextInt(65536) - 32768 : random.nextInt(17) - 8;
        long imm = (alu || jump) && register ? 0 : Operands.nextImm(random);
        if (opcode == Insn.LDDW) {
            src = random.nextInt(3) == 0 ? 4 : 0;
            imm = src == 4 ? random.nextInt(8) - 4 : random.nextBoolean() ? pointer(random) : Operands.next(random);
        } else if (jump && (opcode & 0xf0) == 0x80 && src == 0) {
            imm = new int[] {1, 5, 12, random.nextInt(300)}[random.nextInt(4)];
        } else if (insnClass == 0x03 && (opcode & 0xe0) == 0xc0) {
            imm = new int[] {0x00, 0x01, 0x40, 0x41, 0x50, 0x51, 0xa0, 0xa1, 0xe1, 0xf1}[random.nextInt(10)];
        } else if (alu) {
            off = random.nextBoolean() ? 0 : new int[] {1, 8, 16, 32}[random.nextInt(4)];
            imm = (opcode & 0xf0) == 0xd0 ? 16 << random.nextInt(3) : imm;
        }
        return new Insn(opcode, dst, src, off, imm);
    }

    private static long pointer(Random random) {
        int region =
                new int[] {0, Memory.STACK_REGION, Memory.CONTEXT_REGION, Memory.PACKET_REGION, 99}[random.nextInt(5)];
        return Address.of(region, random.nextInt(80) - 8);
    }
}
