package dev.ebpfjvm.core.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.conformance.ConformanceReader;
import dev.ebpfjvm.core.conformance.ConformanceTest;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both syntaxes of the disassembler: the conformance syntax reads back exactly (every conformance
 * program, random instructions, random programs), the kernel syntax prints as {@code bpftool prog dump xlated} does.
 * The text of every single form is pinned in {@link IsaTableTest}.
 */
class DisassemblerTest {

    static Stream<Path> conformanceFiles() throws IOException {
        Path dir = TestPaths.conformance();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".data")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformanceFiles")
    void toAsm_roundTripsEveryConformanceProgram(Path file) throws IOException {
        ConformanceTest test = ConformanceReader.read(file);
        Instructions program = test.program();
        assertEquals(program, Assembler.assemble(Disassembler.toAsm(program)));
    }

    @Test
    void toAsm_roundTripsRandomInsns() {
        long seed = Seeds.seed();
        Random r = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            Insn insn = RandomInsns.next(r);
            String text = Disassembler.toAsm(insn);
            assertEquals(insn, Assembler.insn(text), () -> text + ", " + Seeds.describe(seed));
        }
    }

    @Test
    void toAsm_roundTripsRandomPrograms() {
        long seed = Seeds.seed();
        Random r = new Random(seed);
        for (int i = 0; i < 1_000; i++) {
            Instructions program = RandomInsns.program(r, 1 + r.nextInt(40));
            assertEquals(program, Assembler.assemble(Disassembler.toAsm(program)), () -> Seeds.describe(seed));
        }
    }

    @Test
    void toAsm_rejectsMalformedInsnsWithTheirSlot() {
        Insn bad = Insn.of(0xe4, 0, 0, 0, 0);
        InvalidProgramException e = assertThrows(InvalidProgramException.class, () -> Disassembler.toAsm(bad));
        assertEquals(
                "cannot disassemble (op 0xe4 dst 0 src 0 off 0 imm 0): invalid BPF_ALU opcode 0xe4", e.getMessage());
        Instructions program = new Instructions(List.of(Insn.lddw(0, PseudoSrc.NONE, 1), bad));
        assertEquals(
                2,
                assertThrows(InvalidProgramException.class, () -> Disassembler.toAsm(program))
                        .index());
    }

    @Test
    void toString_isTheKernelSyntax() {
        assertEquals("r0 = *(u32 *)(r1 +4)", Insn.of(0x61, 0, 1, 4, 0).toString());
        assertEquals("if r1 > 0x5 goto pc+3", Insn.of(0x25, 1, 0, 3, 5).toString());
        assertEquals("w0 += w1", Insn.of(0x0c, 0, 1, 0, 0).toString());
        assertEquals("lock *(u64 *)(r10 -8) += r1", Insn.of(0xdb, 10, 1, -8, 0).toString());
        assertEquals(
                "r1 = 0xdeadbeefcafe",
                Insn.lddw(1, PseudoSrc.NONE, 0xdeadbeefcafeL).toString());
        assertEquals("call unknown#5", Insn.of(0x85, 0, 0, 0, 5).toString());
        assertEquals(
                "r1 = map[id:3][0]+16",
                Insn.lddw(1, PseudoSrc.MAP_VALUE, 3 | 16L << 32).toString());
        assertEquals("*(u8 *)(r7 +0) = r1", Insn.of(0x73, 7, 1, 0, 0).toString());
    }

    @Test
    void toString_ofMalformedInsnShowsFieldsAndReason() {
        assertEquals(
                "invalid insn (op 0x07 dst 0 src 1 off 0 imm 1): BPF_ALU uses reserved fields",
                Insn.of(0x07, 0, 1, 0, 1).toString());
    }

    @Test
    void toKernel_namesKnownHelpers() {
        Insn call = Insn.of(0x85, 0, 0, 0, 1);
        assertEquals(
                "call bpf_map_lookup_elem#1",
                Disassembler.toKernel(call, id -> id == 1 ? "bpf_map_lookup_elem" : null));
        assertEquals("call unknown#1", Disassembler.toKernel(call, id -> null));
    }

    @Test
    void dump_listsSlotsOpcodesAndText() {
        Instructions program = Assembler.assemble("lddw %r0, 0x1122334455667788\ncall 1\nexit");
        assertEquals(
                "   0: (18) r0 = 0x1122334455667788\n"
                        + "   2: (85) call bpf_map_lookup_elem#1\n"
                        + "   3: (95) exit\n",
                Disassembler.dump(program, id -> id == 1 ? "bpf_map_lookup_elem" : null));
    }
}
