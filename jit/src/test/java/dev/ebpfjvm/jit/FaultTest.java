package dev.ebpfjvm.jit;

import static dev.ebpfjvm.core.asm.Asm.call;
import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.st;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.jit.testing.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults: every run that goes wrong ends in a {@link ProgramFaultException} naming the slot of the
 * instruction at fault, whichever path the access took and however the function was split.
 */
class FaultTest {
    private static final HelperRegistry HELPERS = HelperRegistry.builder()
            .add(1, "fault", (ctx, a, b, c, d, e) -> {
                throw new ProgramFaultException(-1, "helper fault");
            })
            .add(2, "bug", (ctx, a, b, c, d, e) -> {
                throw new IllegalArgumentException("helper bug");
            })
            .build();

    private static ProgramFaultException fault(Variant variant, InsnList asm, ProgramContext ctx) {
        return assertThrows(
                ProgramFaultException.class,
                () -> variant.compile(asm.program("fault", HELPERS)).run(ctx));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void stackBelowTheFrames(Variant variant) {
        InsnList asm = new InsnList().add(MOV.imm(0, 0), MOV.imm(1, 1), ldx(Size.DW, 0, 10, -520), exit());
        assertEquals(2, fault(variant, asm, new ProgramContext()).pc());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void stackAboveTheFrames(Variant variant) {
        InsnList asm = new InsnList()
                .add(MOV.imm(0, 0), stx(Size.W, 10, 0, Memory.FRAME_SIZE * Memory.MAX_FRAMES - 512 - 2), exit());
        assertEquals(1, fault(variant, asm, new ProgramContext()).pc());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void contextOutOfBounds(Variant variant) {
        InsnList asm = new InsnList().add(MOV.imm(0, 0), ldx(Size.W, 0, 1, 6), exit());
        ProgramFaultException e = fault(variant, asm, new ProgramContext().withBuffer(new byte[8]));
        assertEquals(1, e.pc());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void nullContext(Variant variant) {
        InsnList asm = new InsnList().add(MOV.imm(0, 0), lddw(2, 0), ldx(Size.B, 0, 1, 0), exit());
        assertEquals(3, fault(variant, asm, new ProgramContext()).pc());
    }

    /** A context without plain bytes (a modelled one) makes direct context accesses take the generic path. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void modelledContextGoesThroughTheModel(Variant variant) {
        ProgramContext ctx = new ProgramContext().withBuffer(new byte[8]);
        long[] stored = new long[1];
        ctx.memory().setContextModel(new dev.ebpfjvm.core.memory.ContextModel() {
            @Override
            public long load(int offset, int size) {
                if (offset != 4) {
                    throw new ProgramFaultException(-1, "no field at " + offset);
                }
                return 40 + size;
            }

            @Override
            public void store(int offset, int size, long value) {
                stored[0] = value;
            }
        });
        InsnList ok = new InsnList().add(ldx(Size.W, 0, 1, 4), st(Size.W, 1, 4, 7), exit());
        assertEquals(44, variant.compile(ok.program("model", HELPERS)).run(ctx));
        assertEquals(7, stored[0]);
        InsnList bad = new InsnList().add(MOV.imm(0, 0), ldx(Size.W, 0, 1, 0), exit());
        assertEquals(1, fault(variant, bad, ctx).pc());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void readOnlyContext(Variant variant) {
        ProgramContext ctx = new ProgramContext().withBuffer(new byte[8]);
        ctx.memory().setContext(new byte[8], false);
        InsnList asm = new InsnList().add(ldx(Size.B, 0, 1, 0), st(Size.B, 1, 0, 1), exit());
        assertEquals(1, fault(variant, asm, ctx).pc());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void misalignedAtomic(Variant variant) {
        InsnList asm = new InsnList()
                .add(
                        MOV.imm(1, 1),
                        MOV.imm(0, 0),
                        stx(Size.DW, 10, 0, -16),
                        AtomicOp.ADD.mem(Size.DW, 10, 1, -12),
                        exit());
        assertEquals(3, fault(variant, asm, new ProgramContext()).pc());
    }

    /** f(n) = n == 0 ? 0 : f(n - 1): f(6) called from frame 0 reaches frame 7, the last; f(20) needs more. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void frameOverflow(Variant variant) {
        InsnList asm = new InsnList()
                .add(MOV.imm(1, 20), callLocal("f"), exit())
                .label("f")
                .add(MOV.imm(0, 0), JumpOp.JEQ.imm(1, 0, "done"), ADD.imm(1, -1), callLocal("f"))
                .label("done")
                .add(exit());
        assertEquals(6, fault(variant, asm, new ProgramContext()).pc());
        InsnList shallow = new InsnList()
                .add(MOV.imm(1, 6), callLocal("f"), exit())
                .label("f")
                .add(MOV.imm(0, 0), JumpOp.JEQ.imm(1, 0, "done"), ADD.imm(1, -1), callLocal("f"))
                .label("done")
                .add(exit());
        assertEquals(0, variant.compile(shallow.program("shallow")).run(new ProgramContext()));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void faultInCalleeNamesTheCalleeSlot(Variant variant) {
        InsnList asm = new InsnList()
                .add(MOV.imm(1, 0), callLocal("f"), exit())
                .label("f")
                .add(MOV.imm(0, 0), ldx(Size.W, 0, 1, 0), exit());
        assertEquals(4, fault(variant, asm, new ProgramContext()).pc());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void helperFaultAndHelperBug(Variant variant) {
        ProgramFaultException e =
                fault(variant, new InsnList().add(MOV.imm(0, 0), call(1), exit()), new ProgramContext());
        assertEquals(1, e.pc());
        ProgramFaultException bug =
                fault(variant, new InsnList().add(MOV.imm(0, 0), MOV.imm(1, 0), call(2), exit()), new ProgramContext());
        assertEquals(2, bug.pc());
        assertInstanceOf(IllegalArgumentException.class, bug.getCause());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void faultAfterWideInstructionsCountsSlots(Variant variant) {
        InsnList asm = new InsnList().add(lddw(1, 1), lddw(2, 2), lddw(3, 0), ldx(Size.DW, 0, 3, 0), exit());
        assertEquals(6, fault(variant, asm, new ProgramContext()).pc());
    }
}
