package dev.ebpfjvm.core.interp;

import static dev.ebpfjvm.core.asm.Asm.call;
import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.ja;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.asm.Asm.ldx;
import static dev.ebpfjvm.core.asm.Asm.st;
import static dev.ebpfjvm.core.asm.Asm.stx;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.testing.TestRegions;
import org.junit.jupiter.api.Test;

/**
 * Every way a run can go wrong ends in a {@link ProgramFaultException} naming the slot that
 * faulted (and the address, for memory), never in a JDK exception.
 */
class FaultTest {

    private static ProgramFaultException fault(ProgramContext ctx, Insn... insns) {
        return assertThrows(ProgramFaultException.class, () -> Runs.run(ctx, insns));
    }

    private static ProgramFaultException fault(Insn... insns) {
        return fault(new ProgramContext(), insns);
    }

    @Test
    void nullDereference_load() {
        ProgramFaultException e = fault(MOV.imm(1, 0), MOV.imm(2, 0), ldx(Size.DW, 0, 1, 0), exit());
        assertEquals(2, e.pc());
        assertTrue(e.getMessage().contains("0:0x0"), e.getMessage());
    }

    @Test
    void nullDereference_storeAtOffset() {
        ProgramFaultException e = fault(MOV.imm(1, 0), st(Size.W, 1, 16, 1), exit());
        assertEquals(1, e.pc());
        assertTrue(e.getMessage().contains("0:0x10"), e.getMessage());
    }

    @Test
    void outOfBounds_pastTheEndOfTheContext() {
        ProgramContext ctx = new ProgramContext().withBuffer(new byte[8]);
        ProgramFaultException e = fault(ctx, ldx(Size.B, 0, 1, 7), ldx(Size.DW, 0, 1, 4), exit());
        assertEquals(1, e.pc());
        assertTrue(e.getMessage().contains("8 bytes at 2:0x4"), e.getMessage());
    }

    @Test
    void outOfBounds_pastTheEndOfThePacket() {
        ProgramContext ctx = new ProgramContext();
        ctx.memory().setPacket(new byte[16]);
        ProgramFaultException e = fault(
                ctx,
                lddw(1, Address.of(Memory.PACKET_REGION, 0)),
                ldx(Size.W, 0, 1, 12),
                ldx(Size.W, 0, 1, 13),
                exit());
        assertEquals(3, e.pc());
        assertTrue(e.getMessage().contains("read of 4 bytes at 3:0xd"), e.getMessage());
        assertInstanceOf(IndexOutOfBoundsException.class, e.getCause());
    }

    @Test
    void outOfBounds_belowTheStack() {
        // Below offset 0 of the stack region the address borrows from the region id: region 0.
        ProgramFaultException e = fault(MOV.imm(0, 0), stx(Size.DW, 10, 0, -Memory.FRAME_SIZE - 8), exit());
        assertEquals(1, e.pc());
        assertTrue(e.getMessage().contains("write at 0:0xfffffff8"), e.getMessage());
    }

    @Test
    void outOfBounds_aboveTheLastFrame() {
        ProgramContext ctx = new ProgramContext();
        assertThrows(ProgramFaultException.class, () -> {
            try (var exe = Runs.ENGINE.load(InsnList.of(ldx(Size.B, 0, 10, 0), exit())
                    .program("test", HelperRegistry.empty(), TestRegions.reach()))) {
                exe.execute(ctx, 0, 0, Memory.MAX_FRAMES - 1);
            }
        });
    }

    @Test
    void unknownRegion() {
        ProgramFaultException e = fault(lddw(1, Address.of(0x7fff_0000, 8)), ldx(Size.W, 0, 1, 0), exit());
        assertEquals(2, e.pc());
        assertTrue(e.getMessage().contains(Address.toString(Address.of(0x7fff_0000, 8))), e.getMessage());
    }

    @Test
    void noContext_isNoRegion() {
        ProgramFaultException e = fault(lddw(1, Address.of(Memory.CONTEXT_REGION, 0)), ldx(Size.B, 0, 1, 0), exit());
        assertEquals(2, e.pc());
    }

    @Test
    void storeToReadOnlyRegion() {
        byte[] rodata = new byte[8];
        Region region = TestRegions.register(RegionKind.GLOBAL_DATA, rodata, false, null);
        try {
            ProgramFaultException e = fault(lddw(1, region.address(0)), MOV.imm(2, 5), stx(Size.B, 1, 2, 3), exit());
            assertEquals(3, e.pc());
            assertTrue(e.getMessage().contains(Address.toString(region.address(3))), e.getMessage());
            assertEquals(0, rodata[3]);
        } finally {
            TestRegions.release(region);
        }
    }

    @Test
    void storeToReadOnlyContext() {
        ProgramContext ctx = new ProgramContext().withBuffer(new byte[8]);
        ctx.memory().setContext(ctx.memory().context(), false);
        ProgramFaultException e = fault(ctx, ldx(Size.B, 0, 1, 0), st(Size.B, 1, 0, 1), exit());
        assertEquals(1, e.pc());
    }

    @Test
    void storeToMapObject() {
        Region map = TestRegions.register(RegionKind.MAP, new byte[0], false, new Object());
        try {
            ProgramFaultException e = fault(lddw(1, map.address(0)), st(Size.DW, 1, 0, 1), exit());
            assertEquals(2, e.pc());
        } finally {
            TestRegions.release(map);
        }
    }

    /** f(r1) = r1 == 0 ? r10 : f(r1 - 1): r1 + 1 frames deep. */
    private static final Insn[] RECURSE = {
        MOV.reg(0, 10), JumpOp.JEQ.imm(1, 0, 2), AluOp.SUB.imm(1, 1), callLocal(-4), exit(),
    };

    @Test
    void callStack_ofEightFrames_runs() {
        ProgramContext ctx = new ProgramContext();
        ctx.setEntry(7, 0);
        assertEquals(Memory.framePointer(7), Runs.run(ctx, RECURSE));
    }

    @Test
    void callStack_ofNineFrames_faultsAtTheCall() {
        ProgramContext ctx = new ProgramContext();
        ctx.setEntry(8, 0);
        ProgramFaultException e = fault(ctx, RECURSE);
        assertEquals(3, e.pc());
        assertTrue(e.getMessage().contains("9 frames"), e.getMessage());
    }

    @Test
    void budget_exhaustedByAnEndlessLoop() {
        ProgramContext ctx = new ProgramContext();
        ctx.setBudget(1000);
        ProgramFaultException e = fault(ctx, MOV.imm(0, 0), AluOp.ADD.imm(0, 1), ja(-2), exit());
        assertEquals(1, e.pc(), "the loop's head, the target of its back-edge");
        assertTrue(e.getMessage().contains("budget of 1000"), e.getMessage());
    }

    @Test
    void budget_countsTheEntryAndBackEdgeTargets_notStraightLineCode() {
        Insn[] three = {MOV.imm(0, 1), MOV.imm(0, 2), exit()};
        ProgramContext ctx = new ProgramContext();
        ctx.setBudget(1);
        assertEquals(2, Runs.run(ctx, three));
        assertEquals(2, Runs.run(ctx, three), "the budget is per run");
        ctx.setBudget(0);
        assertEquals(0, fault(ctx, three).pc(), "the entry is a budget point");
        // a loop of 5 iterations: the entry, then the head at slot 1 once per iteration
        Insn[] loop = {MOV.imm(0, 0), AluOp.ADD.imm(0, 1), JumpOp.JLT.imm(0, 5, -2), exit()};
        ctx.setBudget(1 + 5);
        assertEquals(5, Runs.run(ctx, loop));
        ctx.setBudget(1 + 4);
        assertEquals(1, fault(ctx, loop).pc());
    }

    @Test
    void budget_negative_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ProgramContext().setBudget(-1));
    }

    @Test
    void budget_coversCalledFunctions() {
        ProgramContext ctx = new ProgramContext();
        ctx.setEntry(3, 0);
        ctx.setBudget(3); // four function entries (frames 0 to 3)
        assertEquals(
                0,
                assertThrows(ProgramFaultException.class, () -> Runs.run(ctx, RECURSE))
                        .pc());
        ctx.setBudget(4);
        assertEquals(Memory.framePointer(3), Runs.run(ctx, RECURSE));
    }

    @Test
    void helperThrowingAJdkException_becomesAFaultAtTheCall() {
        HelperRegistry helpers = HelperRegistry.builder()
                .add(1, "broken", (ctx, r1, r2, r3, r4, r5) -> {
                    throw new IllegalStateException("broken helper");
                })
                .build();
        ProgramFaultException e = assertThrows(
                ProgramFaultException.class,
                () -> Runs.run(new ProgramContext(), helpers, MOV.imm(0, 0), call(1), exit()));
        assertEquals(1, e.pc());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }
}
