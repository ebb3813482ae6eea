package dev.ebpfjvm.jit;

import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.testing.TestRegions;
import dev.ebpfjvm.jit.testing.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One executable runs on many threads at once, each with its own context, with no interference. */
class ConcurrencyTest {
    /** sum(i * ctx[0] for i in 1..n) with the loop state on the stack, through a bpf-to-bpf call. */
    private static InsnList program() {
        return new InsnList()
                .add(ldx(Size.DW, 6, 1, 0), MOV.imm(7, 200), MOV.imm(0, 0), stx(Size.DW, 10, 0, -8))
                .label("loop")
                .add(
                        MOV.reg(1, 7),
                        MOV.reg(2, 6),
                        callLocal("mul"),
                        ldx(Size.DW, 3, 10, -8),
                        AluOp.ADD.reg(3, 0),
                        stx(Size.DW, 10, 3, -8),
                        ADD.imm(7, -1),
                        JumpOp.JNE.imm(7, 0, "loop"),
                        ldx(Size.DW, 0, 10, -8),
                        exit())
                .label("mul")
                .add(stx(Size.DW, 10, 1, -16), ldx(Size.DW, 0, 10, -16), AluOp.MUL.reg(0, 2), exit());
    }

    @ParameterizedTest
    @EnumSource(
            value = Variant.class,
            names = {"INFERRED", "CHUNKED"})
    void run_manyThreadsAtOnce(Variant variant) throws Exception {
        Executable e = variant.compile(program().program("concurrent", HelperRegistry.empty(), TestRegions.reach()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long factor = t + 1;
                futures.add(pool.submit(() -> {
                    byte[] buf = new byte[8];
                    LittleEndian.putU64(buf, 0, factor);
                    ProgramContext ctx = new ProgramContext().withBuffer(buf);
                    for (int i = 0; i < 300; i++) {
                        assertEquals(factor * 200 * 201 / 2, e.run(ctx));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
