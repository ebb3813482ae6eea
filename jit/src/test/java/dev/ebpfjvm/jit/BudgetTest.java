package dev.ebpfjvm.jit;

import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.ja;
import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.jit.testing.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The instruction budget on the JIT ({@link dev.ebpfjvm.core.exec.BudgetPoints}): an endless loop
 * stops with a fault naming the loop's head, on every variant, and the same budget stops the
 * interpreter and the JIT at the same instruction with the same result.
 */
class BudgetTest {
    private static final HelperRegistry HELPERS = HelperRegistry.builder().build();

    /** {@code r0 = 0; loop: r0 += 1; goto loop} */
    private static final Insn[] ENDLESS = {MOV.imm(0, 0), ADD.imm(0, 1), ja(-2), exit()};
    /** A jump to itself. */
    private static final Insn[] SELF = {MOV.imm(0, 0), ja(-1), exit()};
    /** Two nested loops of 3 × 4 iterations. */
    private static final Insn[] NESTED = {
        MOV.imm(0, 0),
        MOV.imm(1, 0),
        MOV.imm(2, 0), // 2: outer head
        ADD.imm(0, 1),
        ADD.imm(2, 1), // 3: inner head
        JumpOp.JLT.imm(2, 4, -3),
        ADD.imm(1, 1),
        JumpOp.JLT.imm(1, 3, -6),
        exit(),
    };
    /** A function called in a loop, with a loop inside. */
    private static final Insn[] CALLS = {
        MOV.imm(6, 0),
        MOV.imm(0, 0),
        callLocal(4), // 2: loop head, calls slot 7
        ADD.imm(6, 1),
        JumpOp.JLT.imm(6, 5, -3),
        MOV.reg(0, 6),
        exit(),
        MOV.imm(1, 0), // 7: callee entry
        ADD.imm(1, 1), // 8: callee loop head
        JumpOp.JLT.imm(1, 2, -2),
        exit(),
    };
    /** An endless loop in a called function. */
    private static final Insn[] ENDLESS_CALLEE = {callLocal(1), exit(), MOV.imm(0, 1), ja(-1), exit()};

    private static Program program(Insn... insns) {
        return new InsnList().add(insns).program("budget", HELPERS);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void endlessLoop_withABudget_faultsAtTheLoopHead(Variant variant) {
        try (Executable exe = variant.compile(program(ENDLESS))) {
            ProgramContext ctx = new ProgramContext();
            ctx.setBudget(100_000);
            ProgramFaultException e = assertThrows(ProgramFaultException.class, () -> exe.run(ctx));
            assertEquals(1, e.pc());
            assertTrue(e.getMessage().contains("budget of 100000"), e.getMessage());
            ctx.setBudget(2);
            assertEquals(
                    1,
                    assertThrows(ProgramFaultException.class, () -> exe.run(ctx))
                            .pc());
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void endlessLoopInACallee_faultsThere(Variant variant) {
        try (Executable exe = variant.compile(program(ENDLESS_CALLEE))) {
            ProgramContext ctx = new ProgramContext();
            ctx.setBudget(1000);
            assertEquals(
                    3,
                    assertThrows(ProgramFaultException.class, () -> exe.run(ctx))
                            .pc());
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void unlimited_runsBoundedLoopsToTheirEnd(Variant variant) {
        try (Executable exe = variant.compile(program(NESTED))) {
            ProgramContext ctx = new ProgramContext();
            assertEquals(ProgramContext.UNLIMITED, ctx.budget());
            assertEquals(12, exe.run(ctx));
        }
    }

    /** Same budget → same result or same fault pc, for every budget from 0 to past what each program needs. */
    @Test
    void sameBudget_sameFaultPc_onBothEngines() {
        for (Insn[] insns : List.of(ENDLESS, SELF, NESTED, CALLS, ENDLESS_CALLEE)) {
            Program program = program(insns);
            try (Executable interpreter = Engines.byName("interpreter").load(program)) {
                for (Variant variant : Variant.values()) {
                    try (Executable jit = variant.compile(program)) {
                        for (long budget = 0; budget <= 40; budget++) {
                            assertEquals(
                                    outcome(interpreter, budget),
                                    outcome(jit, budget),
                                    variant + ", budget " + budget + ", " + List.of(insns));
                        }
                    }
                }
            }
        }
    }

    private static String outcome(Executable exe, long budget) {
        ProgramContext ctx = new ProgramContext();
        ctx.setBudget(budget);
        try {
            return "r0 " + exe.run(ctx);
        } catch (ProgramFaultException e) {
            return "fault at " + e.pc() + ": " + e.getMessage();
        }
    }
}
