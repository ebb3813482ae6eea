package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.testing.TestRegions;

/** Loads and runs test programs with the interpreter. */
final class Runs {
    static final Interpreter ENGINE = new Interpreter();

    private Runs() {}

    /** {@return r0 after running the instructions with a fresh context and no buffer} */
    static long run(Insn... insns) {
        return run(new ProgramContext(), insns);
    }

    /** {@return r0 after running the instructions with the given context} */
    static long run(ProgramContext ctx, Insn... insns) {
        return run(ctx, HelperRegistry.empty(), insns);
    }

    /** {@return r0 after running the instructions with the given context and helpers} */
    static long run(ProgramContext ctx, HelperRegistry helpers, Insn... insns) {
        try (Executable exe = ENGINE.load(InsnList.of(insns).program("test", helpers, TestRegions.reach()))) {
            return exe.run(ctx);
        }
    }

    /** {@return r0 after running with r1 pointing at a writable context buffer} */
    static long runWithBuffer(byte[] buffer, Insn... insns) {
        return run(new ProgramContext().withBuffer(buffer), insns);
    }
}
