package dev.ebpfjvm.core.asm;

import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static dev.ebpfjvm.core.isa.AluOp.SUB;
import static dev.ebpfjvm.core.isa.JumpOp.JEQ;
import static dev.ebpfjvm.core.isa.JumpOp.JNE;
import static dev.ebpfjvm.core.isa.Reg.R0;
import static dev.ebpfjvm.core.isa.Reg.R1;
import static dev.ebpfjvm.core.isa.Reg.R2;
import static dev.ebpfjvm.core.isa.Reg.R3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.elf.AttachType;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.elf.ProgramType;
import dev.ebpfjvm.core.elf.Relocation;
import dev.ebpfjvm.core.elf.Subprogram;
import dev.ebpfjvm.core.isa.AsmInsn;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.PseudoSrc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels, function and map references, and every error of assembling an {@link InsnList}. */
class InsnListTest {

    @Test
    void instructions_resolveLabelsAsTheTextAssemblerDoes() {
        InsnList built = new InsnList()
                .add(MOV.imm(R0, 0), MOV.imm(R1, 10))
                .label("loop")
                .add(
                        ADD.reg(R0, R1),
                        Asm.lddw(R2, 1L << 40),
                        SUB.imm(R1, 1),
                        JNE.imm(R1, 0, "loop"),
                        JEQ.imm32(R0, 55, "ok"),
                        Asm.gotol("fail"),
                        MOV.imm(R0, 1).withSymbol("ok"),
                        Asm.callLocal("fn"),
                        Asm.ja("out"),
                        MOV.imm(R0, -1).withSymbol("fail"),
                        Asm.exit().withSymbol("out"),
                        MOV.imm(R0, 7).withSymbol("fn"),
                        Asm.exit());
        Instructions text = Assembler.assemble(String.join(
                "\n",
                "mov %r0, 0",
                "mov %r1, 10",
                "loop:",
                "add %r0, %r1",
                "lddw %r2, 0x10000000000",
                "sub %r1, 1",
                "jne %r1, 0, loop",
                "jeq32 %r0, 55, ok",
                "ja32 fail",
                "ok: mov %r0, 1",
                "call local fn",
                "ja out",
                "fail: mov %r0, -1",
                "out: exit",
                "fn: mov %r0, 7",
                "exit"));
        assertEquals(text, built.instructions());
    }

    @Test
    void instructions_resolveFunctionAddressesOverWideInsns() {
        Instructions p = InsnList.of(
                        Asm.lddwFunc(R2, "cb"), Asm.exit(), MOV.imm(R0, 1).withSymbol("cb"), Asm.exit())
                .instructions();
        assertEquals(Insn.lddw(R2, PseudoSrc.FUNC, 2), p.list().get(0)); // cb at slot 3, the lddw fills 0-1
    }

    @Test
    void label_marksTheNextInsnOrTheEnd() {
        Instructions p = new InsnList()
                .add(Asm.ja("end"), JEQ.reg(R1, R2, "both"))
                .label("both")
                .add(MOV.imm(R0, 0).withSymbol("mov"))
                .add(Asm.ja("mov"))
                .label("end")
                .instructions();
        assertEquals(List.of(Asm.ja(3), JEQ.reg(R1, R2, 0), MOV.imm(R0, 0), Asm.ja(-2)), p.list());
    }

    @Test
    void instructions_jumpOffsetsReachTheirBoundsAndNoFurther() {
        assertEquals(32767, longJump(32767, Asm.ja("far")).list().get(0).off());
        assertEquals(-32768, backJump(32766).list().get(32767).off());
        assertEquals(40000, longJump(40000, Asm.gotol("far")).list().get(0).imm());
        LabelException e = assertThrows(LabelException.class, () -> longJump(32768, JEQ.imm(R1, 0, "far")));
        assertEquals(LabelException.Kind.OUT_OF_RANGE, e.kind());
        assertEquals("far", e.label());
        assertEquals(0, e.index());
        assertTrue(e.getMessage().contains("32768 slots away"), e.getMessage());
        LabelException back = assertThrows(LabelException.class, () -> backJump(32767));
        assertEquals(32768, back.index());
    }

    /** A jump at slot 0 over {@code gap} instructions to the label {@code far}. */
    private static Instructions longJump(int gap, AsmInsn jump) {
        InsnList l = InsnList.of(jump);
        for (int i = 0; i < gap; i++) {
            l.add(MOV.imm(R0, i));
        }
        return l.add(Asm.exit().withSymbol("far")).instructions();
    }

    /** A jump back over {@code gap} instructions to slot 0: off = -gap - 2. */
    private static Instructions backJump(int gap) {
        InsnList l = InsnList.of(MOV.imm(R0, 0).withSymbol("top"));
        for (int i = 1; i <= gap; i++) {
            l.add(MOV.imm(R0, i));
        }
        return l.add(Asm.ja("top"), Asm.exit()).instructions();
    }

    @Test
    void instructions_unknownLabel_namesItAndTheSlot() {
        LabelException e = assertThrows(
                LabelException.class,
                () -> InsnList.of(Asm.lddw(R1, 1), JEQ.imm(R1, 0, "nowhere"), Asm.exit())
                        .instructions());
        assertEquals(LabelException.Kind.UNKNOWN, e.kind());
        assertEquals("nowhere", e.label());
        assertEquals(2, e.index());
        assertEquals("insn 2: unknown label 'nowhere'", e.getMessage());
        assertThrows(
                LabelException.class,
                () -> InsnList.of(Asm.callLocal("f"), Asm.exit()).instructions());
        assertThrows(
                LabelException.class,
                () -> InsnList.of(Asm.lddwFunc(R1, "f"), Asm.exit()).spec("p", "tc", ""));
    }

    @Test
    void instructions_duplicateLabel_namesItAndBothSlots() {
        LabelException e = assertThrows(
                LabelException.class,
                () -> InsnList.of(MOV.imm(R0, 0).withSymbol("a"), Asm.exit().withSymbol("a"))
                        .instructions());
        assertEquals(LabelException.Kind.DUPLICATE, e.kind());
        assertEquals("a", e.label());
        assertEquals("insn 1: duplicate label 'a' (first at insn 0)", e.getMessage());
        LabelException same = assertThrows(
                LabelException.class,
                () -> new InsnList().label("b").add(Asm.exit().withSymbol("b")).instructions());
        assertEquals(0, same.index());
        assertThrows(
                LabelException.class,
                () -> new InsnList().add(Asm.exit()).label("c").label("c").instructions());
    }

    @Test
    void instructions_mapReference_isLeftToTheLoader() {
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class,
                () -> InsnList.of(MOV.imm(R0, 0), Asm.lddwMap(R1, "counters"), Asm.exit())
                        .instructions());
        assertEquals(1, e.index());
        assertTrue(e.getMessage().contains("map 'counters'"), e.getMessage());
    }

    @Test
    void spec_givesRelocationsSubprogramsAndTheSectionsType() {
        ProgramSpec spec = InsnList.of(
                        Asm.lddwMap(R1, "counters"),
                        Asm.lddwMapValue(R2, ".bss", 8),
                        Asm.callLocal("helper"),
                        Asm.lddwFunc(R3, "cb"),
                        Asm.exit(),
                        MOV.imm(R0, 1).withSymbol("helper"),
                        Asm.exit(),
                        MOV.imm(R0, 2).withSymbol("cb"),
                        Asm.exit())
                .spec("prog", "tcx/ingress", "GPL");
        assertEquals(ProgramType.SCHED_CLS, spec.type());
        assertEquals(AttachType.TCX_INGRESS, spec.attachType());
        assertTrue(spec.supported());
        assertEquals("GPL", spec.license());
        assertEquals(
                List.of(
                        new Relocation(0, Relocation.Kind.MAP, "counters", 0, "counters"),
                        new Relocation(2, Relocation.Kind.MAP_VALUE, ".bss", 8, ".bss"),
                        new Relocation(4, Relocation.Kind.CALL, "helper", 0, ""),
                        new Relocation(5, Relocation.Kind.FUNC, "cb", 0, "")),
                spec.relocations());
        // as an ELF object has them before loading: plain lddw, the value offset as the addend
        assertEquals(Insn.lddw(R1, PseudoSrc.NONE, 0), spec.insns().list().get(0));
        assertEquals(Insn.lddw(R2, PseudoSrc.NONE, 8), spec.insns().list().get(1));
        assertEquals(Asm.callLocal(3), spec.insns().list().get(2));
        assertEquals(Insn.lddw(R3, PseudoSrc.FUNC, 4), spec.insns().list().get(3));
        assertEquals(
                List.of(
                        new Subprogram("prog", "tcx/ingress", 0, 8),
                        new Subprogram("helper", "tcx/ingress", 8, 2),
                        new Subprogram("cb", "tcx/ingress", 10, 2)),
                spec.functions());
        assertEquals(8, spec.ownSlots());
    }

    @Test
    void spec_unknownSection_isUnsupported() {
        ProgramSpec spec = InsnList.of(MOV.imm(R0, 0), Asm.exit()).spec("p", "kprobe/foo", "GPL");
        assertEquals(ProgramType.KPROBE, spec.type());
        assertEquals(false, spec.supported());
        assertEquals(List.of(new Subprogram("p", "kprobe/foo", 0, 2)), spec.functions());
    }

    @Test
    void list_keepsTheUnresolvedInsns() {
        InsnList l = new InsnList().label("x").add(Asm.ja("x"));
        List<AsmInsn> expected = new ArrayList<>(List.of(Asm.ja("x")));
        assertEquals(expected, l.list());
        assertThrows(UnsupportedOperationException.class, () -> l.list().clear());
    }
}
