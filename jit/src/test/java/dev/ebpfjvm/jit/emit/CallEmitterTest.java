package dev.ebpfjvm.jit.emit;

import static dev.ebpfjvm.core.asm.Asm.call;
import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.callx;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.asm.Asm.lddwFunc;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramArray;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.exec.TailCalls;
import dev.ebpfjvm.core.helpers.LoopHelpers;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.testing.TestRegions;
import dev.ebpfjvm.jit.JitCompiler;
import dev.ebpfjvm.jit.testing.Variant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Helper calls, callx, bpf-to-bpf calls and tail calls, in every {@link Variant}. */
class CallEmitterTest {
    /** Helper 1: a weighted sum of its arguments, so that every argument's position matters. */
    private static final HelperRegistry HELPERS = HelperRegistry.builder()
            .add(1, "weighted_sum", (ctx, a, b, c, d, e) -> a + 2 * b + 3 * c + 4 * d + 5 * e)
            .add(2, "fail", (ctx, a, b, c, d, e) -> {
                throw new ProgramFaultException(-1, "helper failed");
            })
            .build();

    @ParameterizedTest
    @EnumSource(Variant.class)
    void helper_receivesR1ToR5(Variant variant) {
        InsnList asm = new InsnList()
                .add(
                        MOV.imm(1, 1),
                        MOV.imm(2, 10),
                        MOV.imm(3, 100),
                        MOV.imm(4, 1000),
                        MOV.imm(5, 10000),
                        call(1),
                        exit());
        assertEquals(
                1 + 20 + 300 + 4000 + 50000,
                variant.compile(asm.program("helper", HELPERS)).run(new ProgramContext()));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void callx_takesTheHelperIdFromARegister(Variant variant) {
        InsnList asm = new InsnList()
                .add(
                        MOV.imm(1, 7),
                        MOV.imm(2, 0),
                        MOV.imm(3, 0),
                        MOV.imm(4, 0),
                        MOV.imm(5, 0),
                        MOV.imm(8, 1),
                        callx(8),
                        exit());
        assertEquals(7, variant.compile(asm.program("callx", HELPERS)).run(new ProgramContext()));
    }

    @Test
    void callx_unknownIdFaultsAtTheCall() {
        InsnList asm = new InsnList().add(MOV.imm(8, 99), callx(8), exit());
        ProgramFaultException e = assertThrows(
                ProgramFaultException.class,
                () -> Variant.INFERRED.compile(asm.program("callx", HELPERS)).run(new ProgramContext()));
        assertEquals(1, e.pc());
    }

    @Test
    void helper_unknownIdIsRejectedAtCompileTime() {
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class,
                () -> new JitCompiler()
                        .compile(new InsnList()
                                .add(MOV.imm(0, 0), call(42), exit())
                                .program("unknown", HELPERS, TestRegions.reach())));
        assertEquals(1, e.index());
    }

    @Test
    void kfuncCall_isUnsupported() {
        InsnList asm = new InsnList().add(Insn.of(0x85, 0, 2, 0, 7), exit());
        assertThrows(UnsupportedFeatureException.class, () -> new JitCompiler().compile(asm.program("kfunc")));
    }

    /** The conformance suite's call_local: r1–r5 passed, r6–r9 preserved, r0 returned. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void localCall_passesArgumentsAndPreservesCalleeSaved(Variant variant) {
        InsnList asm = new InsnList()
                .add(
                        MOV.imm(0, 0),
                        MOV.imm(1, 1),
                        MOV.imm(2, 2),
                        MOV.imm(3, 3),
                        MOV.imm(4, 4),
                        MOV.imm(5, 5),
                        MOV.imm(6, 6),
                        MOV.imm(7, 7),
                        MOV.imm(8, 8),
                        MOV.imm(9, 9),
                        callLocal("func1"),
                        JumpOp.JNE.imm(0, 15, "failed"),
                        JumpOp.JNE.imm(6, 6, "failed"),
                        JumpOp.JNE.imm(7, 7, "failed"),
                        JumpOp.JNE.imm(8, 8, "failed"),
                        JumpOp.JNE.imm(9, 9, "failed"),
                        MOV.imm(0, 1),
                        exit())
                .label("failed")
                .add(MOV.imm(0, -1), exit())
                .label("func1")
                .add(MOV.imm(0, 0));
        for (int r = 1; r <= 5; r++) {
            asm.add(AluOp.ADD.reg(0, r));
        }
        asm.add(MOV.imm(6, 0), MOV.imm(7, 0), MOV.imm(8, 0), MOV.imm(9, 0), exit());
        assertEquals(1, variant.compile(asm.program("call_local")).run(new ProgramContext()));
    }

    /** Each function has its own stack frame: the callee's r10-8 is not the caller's. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void localCall_getsItsOwnStackFrame(Variant variant) {
        InsnList asm = new InsnList()
                .add(
                        MOV.imm(1, 11),
                        stx(Size.DW, 10, 1, -8),
                        MOV.reg(1, 10),
                        callLocal("f"),
                        ldx(Size.DW, 2, 10, -8),
                        AluOp.ADD.reg(0, 2),
                        exit())
                .label("f")
                .add(
                        MOV.imm(2, 22),
                        stx(Size.DW, 10, 2, -8),
                        ldx(Size.DW, 0, 1, -8)) // the caller's slot, through the pointer passed in r1
                .add(ldx(Size.DW, 3, 10, -8), AluOp.MUL.reg(0, 3), exit());
        assertEquals(11 * 22 + 11, variant.compile(asm.program("frames")).run(new ProgramContext()));
    }

    /** A function's address is (region << 32) | slot in a PROGRAM region owned by the executable, released on close. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void functionAddress_pointsIntoTheProgramsRegion(Variant variant) {
        InsnList asm = new InsnList().add(lddwFunc(0, "cb"), exit()).label("cb").add(MOV.imm(0, 1), exit());
        Executable e = variant.compile(asm.program("callback", HelperRegistry.empty(), TestRegions.reach()));
        long address = e.run(new ProgramContext());
        assertEquals(3, dev.ebpfjvm.core.memory.Address.offset(address));
        assertEquals(e, TestRegions.ownerAt(address, RegionKind.PROGRAM));
        e.close();
        assertEquals(null, TestRegions.ownerAt(address, RegionKind.PROGRAM));
    }

    /** bpf_loop calls back into the program (Callback) on the next frame: sum of 0..9 through the caller's stack. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void callback_bpfLoopCallsTheFunction(Variant variant) {
        HelperRegistry helpers =
                HelperRegistry.builder().add(181, "loop", LoopHelpers::loop).build();
        InsnList asm = new InsnList()
                .add(
                        MOV.imm(6, 0),
                        stx(Size.DW, 10, 6, -8),
                        MOV.imm(1, 10),
                        lddwFunc(2, "cb"),
                        MOV.reg(3, 10),
                        ADD.imm(3, -8),
                        MOV.imm(4, 0),
                        call(181),
                        MOV.reg(7, 0),
                        ldx(Size.DW, 0, 10, -8),
                        AluOp.MUL.reg(0, 7),
                        exit())
                .label("cb")
                .add(
                        ldx(Size.DW, 3, 2, 0),
                        AluOp.ADD.reg(3, 1),
                        stx(Size.DW, 2, 3, 0),
                        stx(Size.DW, 10, 1, -8),
                        MOV.imm(0, 0),
                        exit());
        Executable e = variant.compile(asm.program("loop", helpers));
        assertEquals(45 * 10, e.run(new ProgramContext()));
        assertEquals(true, e instanceof dev.ebpfjvm.core.exec.Callback);
        ProgramFaultException bad = assertThrows(
                ProgramFaultException.class,
                () -> ((dev.ebpfjvm.core.exec.Callback) e).call(new ProgramContext(), 1, 1, 0, 0, 0, 0, 0));
        assertEquals(-1, bad.pc());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void tailCall_entersTargetAndFallsThroughWhenEmpty(Variant variant) {
        Map<Long, Executable> slots = new HashMap<>();
        Region map = TestRegions.register(RegionKind.MAP, new byte[0], false, (ProgramArray) slots::get);
        try {
            Executable target = variant.compile(new InsnList()
                    .add(MOV.reg(0, 1), ADD.imm(0, 1000), exit())
                    .program("target", HelperRegistry.empty(), TestRegions.reach()));
            slots.put(3L, target);
            InsnList caller = new InsnList()
                    .add(
                            MOV.imm(1, 5),
                            lddw(2, map.address(0)),
                            MOV.imm(3, 4),
                            call(TailCalls.HELPER_ID),
                            MOV.reg(6, 0)) // r0 after the fall-through
                    .add(
                            MOV.imm(1, 7),
                            lddw(2, map.address(0)),
                            MOV.imm(3, 3),
                            call(TailCalls.HELPER_ID),
                            MOV.imm(0, -99),
                            exit());
            ProgramContext ctx = new ProgramContext();
            assertEquals(
                    1007,
                    variant.compile(caller.program("caller", HelperRegistry.empty(), TestRegions.reach()))
                            .run(ctx));
            InsnList fallThrough = new InsnList()
                    .add(MOV.imm(1, 5), lddw(2, map.address(0)), MOV.imm(3, 4), call(TailCalls.HELPER_ID), exit());
            assertEquals(
                    TailCalls.FALL_THROUGH_R0,
                    variant.compile(fallThrough.program("fall", HelperRegistry.empty(), TestRegions.reach()))
                            .run(ctx));
        } finally {
            TestRegions.release(map);
        }
    }

    /** A program that tail-calls itself, counting runs in the context: 1 run plus 33 tail calls. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void tailCall_stopsAfter33(Variant variant) {
        Executable[] self = new Executable[1];
        Region map = TestRegions.register(
                RegionKind.MAP, new byte[0], false, (ProgramArray) index -> index == 0 ? self[0] : null);
        try {
            InsnList asm = new InsnList()
                    .add(
                            MOV.reg(6, 1),
                            ldx(Size.DW, 0, 6, 0),
                            ADD.imm(0, 1),
                            stx(Size.DW, 6, 0, 0),
                            MOV.reg(1, 6),
                            lddw(2, map.address(0)),
                            MOV.imm(3, 0),
                            call(TailCalls.HELPER_ID),
                            ldx(Size.DW, 0, 6, 0),
                            exit());
            self[0] = variant.compile(asm.program("self", HelperRegistry.empty(), TestRegions.reach()));
            ProgramContext ctx = new ProgramContext().withBuffer(new byte[8]);
            assertEquals(1 + 33, self[0].run(ctx));
            assertEquals(1 + 33 + 1 + 33, self[0].run(ctx.withBuffer(new byte[] {34, 0, 0, 0, 0, 0, 0, 0})));
        } finally {
            TestRegions.release(map);
        }
    }
}
