package dev.ebpfjvm.core.interp;

import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.MOV;

import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.testing.TestRegions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A rough measurement of the interpreter's cost per executed instruction on three of the bench
 * programs (testdata/bench: alu64_loop, mem_rw_1k, calls), rebuilt here from their source. It
 * prints, it asserts nothing; JMH in the bench module gives the figures to trust. Run with
 * {@code java -cp core/target/classes:core/target/test-classes dev.ebpfjvm.core.interp.InstructionCost
 * [seconds [program]]}; give one program per JVM for figures undisturbed by the others' profiles
 * (the loop is shared, so each program's first run of an unseen arm recompiles it).
 */
final class InstructionCost {
    private InstructionCost() {}

    /** alu64_loop: 1000 iterations of 64-bit mul/add/xor/shift, 11,006 instructions a run. */
    static Insn[] alu64Loop() {
        return new Insn[] {
            ldx(Size.DW, 3, 1, 0),
            lddw(4, 0x5851f42d4c957f2dL),
            lddw(6, 0x14057b7ef767814fL),
            MOV.imm(0, 0),
            MOV.imm(5, 0),
            AluOp.MUL.reg(3, 4),
            AluOp.ADD.reg(3, 6),
            MOV.reg(7, 3),
            AluOp.RSH.imm(7, 29),
            AluOp.XOR.reg(7, 3),
            AluOp.LSH.imm(7, 7),
            AluOp.OR.reg(7, 5),
            AluOp.ADD.reg(0, 7),
            AluOp.SUB.reg(0, 5),
            AluOp.ADD.imm(5, 1),
            JumpOp.JLT.imm(5, 1000, -11),
            exit(),
        };
    }

    /** mem_rw_1k: read-modify-write of every u64 of 1 KB plus u32/u8 loads, 1,412 instructions a run. */
    static Insn[] memRw1k() {
        return new Insn[] {
            MOV.imm(0, 0),
            MOV.reg(4, 1),
            MOV.imm(7, 128),
            ldx(Size.DW, 5, 4, 0),
            AluOp.ADD.reg(0, 5),
            AluOp.XOR.reg(5, 0),
            stx(Size.DW, 4, 5, 0),
            ldx(Size.W, 6, 4, 4),
            AluOp.ADD.reg(0, 6),
            ldx(Size.B, 8, 4, 3),
            stx(Size.B, 4, 8, 7),
            AluOp.ADD.imm(4, 8),
            AluOp.SUB.imm(7, 1),
            JumpOp.JNE.imm(7, 0, -11),
            exit(),
        };
    }

    /** calls: 200 iterations of a call to f, which calls g; 3,404 instructions a run. */
    static Insn[] calls() {
        return new Insn[] {
            MOV.imm(6, 0),
            MOV.imm(7, 0),
            MOV.reg(1, 7),
            MOV.reg(2, 6),
            callLocal(5),
            MOV.reg(6, 0),
            AluOp.ADD.imm(7, 1),
            JumpOp.JLT.imm(7, 200, -6),
            MOV.reg(0, 6),
            exit(),
            // f(r1, r2) = g(r1 * 3 + r2)
            MOV.reg(0, 1),
            AluOp.MUL.imm(0, 3),
            AluOp.ADD.reg(0, 2),
            MOV.reg(1, 0),
            callLocal(1),
            exit(),
            // g(r1) = (r1 ^ 0x5a5a) + (r1 >> 3)
            MOV.reg(0, 1),
            AluOp.XOR.imm(0, 0x5a5a),
            AluOp.RSH.imm(1, 3),
            AluOp.ADD.reg(0, 1),
            exit(),
        };
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        String only = args.length > 1 ? args[1] : "";
        if (only.isEmpty() || only.equals("alu64_loop")) {
            measure("alu64_loop", alu64Loop(), 64, 11_006, seconds);
        }
        if (only.isEmpty() || only.equals("mem_rw_1k")) {
            measure("mem_rw_1k", memRw1k(), 1024, 1_412, seconds);
        }
        if (only.isEmpty() || only.equals("calls")) {
            measure("calls", calls(), 64, 3_404, seconds);
        }
    }

    private static void measure(String name, Insn[] insns, int bufferSize, long executed, double seconds) {
        ProgramContext ctx = new ProgramContext().withBuffer(new byte[bufferSize]);
        try (Executable exe = new Interpreter()
                .load(InsnList.of(insns).program("test", HelperRegistry.empty(), TestRegions.reach()))) {
            long sink = 0;
            sink += loop(exe, ctx, (long) (seconds * 1e9 / 2)); // warm-up
            // Thread CPU time rather than wall time: the machine is shared, and time slices given to
            // other processes would otherwise count as ours.
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long runs = 0;
            long start = threads.getCurrentThreadCpuTime();
            long end = start + (long) (seconds * 1e9);
            long now;
            do {
                for (int i = 0; i < 100; i++) {
                    sink += exe.run(ctx);
                }
                runs += 100;
                now = threads.getCurrentThreadCpuTime();
            } while (now < end);
            double perRun = (double) (now - start) / runs;
            System.out.printf(
                    "%-11s %10.0f ns/run %6.2f ns/insn (%d insns/run, sink %d)%n",
                    name, perRun, perRun / executed, executed, sink & 1);
        }
    }

    private static long loop(Executable exe, ProgramContext ctx, long nanos) {
        long sink = 0;
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            sink += exe.run(ctx);
        }
        return sink;
    }
}
