package dev.ebpfjvm.core.interp;

import static dev.ebpfjvm.core.asm.Asm.call;
import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.exec.TailCalls;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bpf_tail_call} per exec.TailCalls: entering the target, falling through, the 33-call limit. */
class TailCallTest {
    private TestProgramArray array;

    @BeforeEach
    void createArray() {
        array = new TestProgramArray(4);
    }

    @AfterEach
    void releaseArray() {
        array.close();
    }

    /** {@code bpf_tail_call(r1, array, index)}. */
    private Insn[] tailCall(int index) {
        return new Insn[] {lddw(2, array.address()), MOV.imm(3, index), call(TailCalls.HELPER_ID)};
    }

    private static Insn[] concat(Insn[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(Insn[]::new);
    }

    private static Executable load(Insn... insns) {
        return Runs.ENGINE.load(InsnList.of(insns).program("test", HelperRegistry.empty(), TestRegions.reach()));
    }

    @Test
    void tailCall_runsTheTarget_whoseExitIsTheCallersExit() {
        try (Executable target = load(ldx(Size.B, 0, 1, 0), exit());
                Executable caller =
                        load(concat(new Insn[] {MOV.imm(0, 1)}, tailCall(2), new Insn[] {MOV.imm(0, 99), exit()}))) {
            array.set(2, target);
            assertEquals(0x5a, caller.run(new ProgramContext().withBuffer(new byte[] {0x5a})));
        }
    }

    @ParameterizedTest(name = "index {0}")
    @ValueSource(ints = {1, 4, -1})
    void tailCall_toAnEmptyOrMissingSlot_fallsThrough(int index) {
        try (Executable caller = load(concat(tailCall(index), new Insn[] {AluOp.ADD.imm(0, 100), exit()}))) {
            assertEquals(TailCalls.FALL_THROUGH_R0 + 100, caller.run(new ProgramContext()));
        }
    }

    @Test
    void tailCall_throughSomethingElseThanAProgramArray_fallsThrough() {
        Insn[] insns = {MOV.reg(2, 10), MOV.imm(3, 0), call(TailCalls.HELPER_ID), exit()};
        try (Executable caller = load(insns)) {
            assertEquals(TailCalls.FALL_THROUGH_R0, caller.run(new ProgramContext()));
        }
    }

    /** Counts its runs in the first word of the context, then tail-calls itself (slot 0). */
    private Executable selfCaller() {
        return load(concat(
                new Insn[] {
                    ldx(Size.DW, 6, 1, 0), AluOp.ADD.imm(6, 1), stx(Size.DW, 1, 6, 0),
                },
                tailCall(0),
                new Insn[] {exit()}));
    }

    @Test
    void tailCalls_stopAfter33_thenFallThrough() {
        try (Executable self = selfCaller()) {
            array.set(0, self);
            byte[] counter = new byte[8];
            ProgramContext ctx = new ProgramContext().withBuffer(counter);
            assertEquals(TailCalls.FALL_THROUGH_R0, self.run(ctx));
            assertEquals(1 + ProgramContext.MAX_TAIL_CALLS, LittleEndian.getU64(counter, 0));
            assertEquals(TailCalls.FALL_THROUGH_R0, self.run(ctx));
            assertEquals(
                    2 * (1 + ProgramContext.MAX_TAIL_CALLS),
                    LittleEndian.getU64(counter, 0),
                    "each run starts with a fresh count");
        }
    }

    @Test
    void budget_isSharedAcrossTailCalls() {
        try (Executable self = selfCaller()) {
            array.set(0, self);
            ProgramContext ctx = new ProgramContext().withBuffer(new byte[8]);
            ctx.setBudget(33); // one entry per program, 34 programs
            assertThrows(ProgramFaultException.class, () -> self.run(ctx));
            ctx.setBudget(34);
            assertEquals(TailCalls.FALL_THROUGH_R0, self.run(ctx));
        }
    }

    @Test
    void tailCall_fromAFunction_runsOnItsFrame_andReturnsToItsCaller() {
        try (Executable target = load(MOV.reg(0, 10), exit());
                Executable caller = load(concat(
                        new Insn[] {
                            callLocal(2), AluOp.ADD.imm(0, 1000), exit(),
                        },
                        tailCall(3),
                        new Insn[] {MOV.imm(0, 5), exit()}))) {
            array.set(3, target);
            assertEquals(Memory.framePointer(1) + 1000, caller.run(new ProgramContext()));
        }
    }
}
