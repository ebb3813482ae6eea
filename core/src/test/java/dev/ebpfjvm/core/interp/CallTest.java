package dev.ebpfjvm.core.interp;

import static dev.ebpfjvm.core.asm.Asm.call;
import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.callx;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.st;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Helper calls (by id and through a register), bpf-to-bpf calls, and function references. */
class CallTest {
    /** Helper 7: a weighted sum of its five arguments, so that each must arrive in its place. */
    private static final HelperRegistry HELPERS = HelperRegistry.builder()
            .add(7, "sum", (ctx, r1, r2, r3, r4, r5) -> r1 + 10 * r2 + 100 * r3 + 1000 * r4 + 10000 * r5)
            .build();

    @Test
    void helper_getsR1ToR5_andReturnsInR0() {
        long r0 = Runs.run(
                new ProgramContext(),
                HELPERS,
                MOV.imm(1, 1),
                MOV.imm(2, 2),
                MOV.imm(3, 3),
                MOV.imm(4, 4),
                MOV.imm(5, 5),
                call(7),
                exit());
        assertEquals(54321, r0);
    }

    @Test
    void helper_seesTheRunsContext() {
        AtomicReference<ProgramContext> seen = new AtomicReference<>();
        HelperRegistry helpers = HelperRegistry.builder()
                .add(5, "ktime_get_ns", (ctx, r1, r2, r3, r4, r5) -> {
                    seen.set(ctx);
                    return 99;
                })
                .build();
        ProgramContext ctx = new ProgramContext();
        assertEquals(99, Runs.run(ctx, helpers, call(5), exit()));
        assertSame(ctx, seen.get());
    }

    @Test
    void helper_preservesR6ToR9() {
        long r0 = Runs.run(
                new ProgramContext(),
                HELPERS,
                MOV.imm(6, 6),
                MOV.imm(9, 9),
                call(7),
                AluOp.ADD.reg(6, 9),
                MOV.reg(0, 6),
                exit());
        assertEquals(15, r0);
    }

    @Test
    void unknownHelper_isRejectedAtLoad_namingTheSlot() {
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class,
                () -> Runs.ENGINE.load(
                        InsnList.of(MOV.imm(0, 0), call(8), exit()).program("test", HELPERS, TestRegions.reach())));
        assertEquals(1, e.index());
        assertEquals("program of this type cannot use helper bpf_get_smp_processor_id#8", e.reason());
    }

    @Test
    void kfuncCall_isUnsupportedAtLoad() {
        UnsupportedFeatureException e = assertThrows(
                UnsupportedFeatureException.class,
                () -> Runs.ENGINE.load(InsnList.of(Insn.of(0x85, 0, 2, 0, 1234), exit())
                        .program("test", HelperRegistry.empty(), TestRegions.reach())));
        assertTrue(e.getMessage().contains("insn 0"), e.getMessage());
    }

    @Test
    void callx_callsTheHelperWhoseIdIsInDst() {
        assertEquals(1, Runs.run(new ProgramContext(), HELPERS, MOV.imm(1, 1), MOV.imm(8, 7), callx(8), exit()));
    }

    @Test
    void callx_ofAnUnknownId_faultsAtTheCall() {
        ProgramFaultException e = assertThrows(
                ProgramFaultException.class,
                () -> Runs.run(new ProgramContext(), HELPERS, MOV.imm(8, 6), callx(8), exit()));
        assertEquals(1, e.pc());
    }

    @Test
    void localCall_passesR1ToR5_returnsR0_andPreservesR6ToR9() {
        Insn[] insns = {
            MOV.imm(1, 1),
            MOV.imm(5, 5),
            MOV.imm(6, 60),
            MOV.imm(9, 90),
            callLocal(3),
            AluOp.ADD.reg(0, 6),
            AluOp.ADD.reg(0, 9),
            exit(),
            // callee: clobbers r6 and r9, returns r1 + r5
            MOV.imm(6, -1),
            MOV.imm(9, -1),
            MOV.reg(0, 1),
            AluOp.ADD.reg(0, 5),
            exit(),
        };
        assertEquals(1 + 5 + 60 + 90, Runs.run(insns));
    }

    @Test
    void localCall_givesTheCalleeItsOwnStackFrame() {
        Insn[] insns = {
            st(Size.DW, 10, -8, 1111),
            callLocal(3),
            ldx(Size.DW, 1, 10, -8),
            AluOp.ADD.reg(0, 1),
            exit(),
            // callee: writes its own slot at r10 - 8 and returns its r10
            st(Size.DW, 10, -8, 2222),
            MOV.reg(0, 10),
            exit(),
        };
        ProgramContext ctx = new ProgramContext();
        assertEquals(Memory.framePointer(1) + 1111, Runs.run(ctx, insns));
        assertEquals(2222, ctx.memory().load(Memory.framePointer(1) - 8, 8));
    }

    @Test
    void localCall_canBeMadeFromACallee() {
        // main: r0 = f(2) where f(x) = g(x) * 3 and g(x) = x + 4.
        Insn[] insns = {
            MOV.imm(1, 2), callLocal(1), exit(),
            callLocal(2), AluOp.MUL.imm(0, 3), exit(),
            MOV.reg(0, 1), AluOp.ADD.imm(0, 4), exit(),
        };
        assertEquals(18, Runs.run(insns));
    }

    @Test
    void stackOfTheCaller_isReachableThroughAPointer() {
        Insn[] insns = {
            MOV.reg(1, 10),
            AluOp.ADD.imm(1, -16),
            callLocal(2),
            ldx(Size.DW, 0, 10, -16),
            exit(),
            MOV.imm(2, 77),
            stx(Size.DW, 1, 2, 0),
            exit(),
        };
        assertEquals(77, Runs.run(insns));
    }

    @Test
    void functionReference_isAnAddressInTheProgramsRegion_releasedOnClose() {
        Insn[] insns = {
            // The target counts from the slot after the first (check_ld_imm() in the verifier):
            // 0 + 1 + 2 = slot 3.
            Insn.lddw(0, PseudoSrc.FUNC, 2), exit(), MOV.imm(0, 1), exit(),
        };
        long address;
        try (Executable exe =
                Runs.ENGINE.load(InsnList.of(insns).program("test", HelperRegistry.empty(), TestRegions.reach()))) {
            address = exe.run(new ProgramContext());
            assertEquals(3, Address.offset(address));
            assertSame(exe, TestRegions.ownerAt(address, RegionKind.PROGRAM));
        }
        assertNull(TestRegions.ownerAt(address, RegionKind.PROGRAM));
    }

    @Test
    void functionReference_outOfTheProgram_isRejectedAtLoad() {
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class,
                () -> Runs.ENGINE.load(InsnList.of(Insn.lddw(0, PseudoSrc.FUNC, 5), exit())
                        .program("test", HelperRegistry.empty(), TestRegions.reach())));
        assertEquals(0, e.index());
    }
}
