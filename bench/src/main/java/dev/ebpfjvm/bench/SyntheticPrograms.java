package dev.ebpfjvm.bench;

import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.isa.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Programs of a given length for measuring load time: a mix of ALU operations on r0–r9, stack
 * loads and stores through r10 and a forward conditional jump every 8 instructions, like the
 * probe of research/jvm-facts.md, item 3. Reproducible from the seed.
 */
public final class SyntheticPrograms {
    private static final AluOp[] OPS = {AluOp.ADD, AluOp.SUB, AluOp.XOR, AluOp.OR, AluOp.AND, AluOp.LSH, AluOp.RSH,
        AluOp.MUL};

    private SyntheticPrograms() {
    }

    /** {@return a program of exactly {@code n} instructions (n at least 2)} */
    public static Program of(int n, long seed) {
        Random rnd = new Random(seed);
        List<Insn> insns = new ArrayList<>(n);
        while (insns.size() < n - 1) {
            int left = n - 1 - insns.size();
            int kind = rnd.nextInt(8);
            int dst = rnd.nextInt(10);
            if (kind == 0 && left > 2) {
                insns.add(Insn.of(InsnClass.JMP.code() | JumpOp.JGT.code() | Source.X.code(), dst, rnd.nextInt(10),
                        1 + rnd.nextInt(Math.min(left - 1, 8)), 0));
            } else if (kind == 1) {
                int off = -8 * (1 + rnd.nextInt(64));
                insns.add(Insn.of(InsnClass.STX.code() | MemMode.MEM.code() | Size.DW.code(), 10, dst, off, 0));
            } else if (kind == 2) {
                int off = -8 * (1 + rnd.nextInt(64));
                insns.add(Insn.of(InsnClass.LDX.code() | MemMode.MEM.code() | Size.DW.code(), dst, 10, off, 0));
            } else if (rnd.nextBoolean()) {
                AluOp op = OPS[rnd.nextInt(OPS.length)];
                insns.add(Insn.of(InsnClass.ALU64.code() | op.code() | Source.X.code(), dst, rnd.nextInt(10), 0, 0));
            } else {
                AluOp op = OPS[rnd.nextInt(OPS.length)];
                insns.add(Insn.of(InsnClass.ALU64.code() | op.code(), dst, 0, 0, rnd.nextInt(64)));
            }
        }
        insns.add(Insn.of(InsnClass.JMP.code() | JumpOp.EXIT.code(), 0, 0, 0, 0));
        return new Program("synthetic" + n, new Instructions(insns), HelperRegistry.empty());
    }
}
