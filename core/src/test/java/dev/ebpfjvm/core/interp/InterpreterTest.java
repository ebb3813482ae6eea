package dev.ebpfjvm.core.interp;

import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.gotol;
import static dev.ebpfjvm.core.asm.Asm.ja;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.testing.TestRegions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine, the entry state of a run, unconditional jumps and what load rejects. */
class InterpreterTest {

    @Test
    void engines_findTheInterpreterByName() {
        assertInstanceOf(Interpreter.class, Engines.byName("interpreter"));
        assertEquals("interpreter", Engines.byName("interpreter").name());
    }

    @Test
    void run_entryRegisters_areContextLengthAndFramePointer() {
        byte[] buffer = new byte[24];
        ProgramContext ctx = new ProgramContext().withBuffer(buffer);
        assertEquals(ctx.entryR1(), Runs.run(ctx, MOV.reg(0, 1), exit()));
        assertEquals(24, Runs.run(ctx, MOV.reg(0, 2), exit()));
        assertEquals(Memory.framePointer(0), Runs.run(ctx, MOV.reg(0, 10), exit()));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 6, 7, 8, 9})
    void run_otherRegisters_startAtZero(int reg) {
        assertEquals(0, Runs.run(MOV.imm(0, 77), MOV.reg(0, reg), exit()));
    }

    @Test
    void run_r0_startsAtZero() {
        assertEquals(0, Runs.run(exit()));
    }

    @Test
    void execute_onAGivenFrame_pointsR10AtThatFrame() {
        try (Executable exe = Runs.ENGINE.load(
                InsnList.of(MOV.reg(0, 10), exit()).program("test", HelperRegistry.empty(), TestRegions.reach()))) {
            assertEquals(Memory.framePointer(3), exe.execute(new ProgramContext(), 0, 0, 3));
            assertThrows(ProgramFaultException.class, () -> exe.execute(new ProgramContext(), 0, 0, 8));
        }
    }

    @Test
    void lddw_loadsAll64Bits_andSkipsItsSecondSlot() {
        assertEquals(0x1122334455667788L, Runs.run(lddw(0, 0x1122334455667788L), exit()));
        assertEquals(-1L, Runs.run(lddw(0, -1L), exit()));
    }

    @Test
    void ja_skipsForward_andCountsSlotsIncludingLddw() {
        // ja +2 skips one lddw (two slots).
        assertEquals(1, Runs.run(MOV.imm(0, 1), ja(2), lddw(0, 5), exit()));
        assertEquals(5, Runs.run(MOV.imm(0, 1), ja(0), lddw(0, 5), exit()));
    }

    @Test
    void gotol_takesItsOffsetFromImm() {
        assertEquals(2, Runs.run(MOV.imm(0, 2), gotol(1), MOV.imm(0, 3), exit()));
    }

    @Test
    void ja_backwards_loops() {
        // r0 counts down from 5 to 0; r1 counts the iterations.
        Insn[] insns = {
            MOV.imm(0, 5),
            MOV.imm(1, 0),
            AluOp.ADD.imm(1, 1),
            AluOp.SUB.imm(0, 1),
            JumpOp.JEQ.imm(0, 0, 1),
            ja(-4),
            MOV.reg(0, 1),
            exit(),
        };
        assertEquals(5, Runs.run(insns));
    }

    @Test
    void load_malformedProgram_isRejectedWithItsSlot() {
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class,
                () -> Runs.ENGINE.load(InsnList.of(MOV.imm(0, 1), ja(5), exit())
                        .program("test", HelperRegistry.empty(), TestRegions.reach())));
        assertEquals(1, e.index());
    }

    @Test
    void load_programThatCanRunPastItsEnd_isRejected() {
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class,
                () -> Runs.ENGINE.load(
                        InsnList.of(MOV.imm(0, 1)).program("test", HelperRegistry.empty(), TestRegions.reach())));
        assertEquals(0, e.index());
    }

    @Test
    void program_isTheOneLoaded() {
        var program = InsnList.of(MOV.imm(0, 1), exit()).program("test", HelperRegistry.empty(), TestRegions.reach());
        try (Executable exe = Runs.ENGINE.load(program)) {
            assertEquals(program, exe.program());
        }
    }
}
