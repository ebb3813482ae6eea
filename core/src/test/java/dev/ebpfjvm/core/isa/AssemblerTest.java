package dev.ebpfjvm.core.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.InvalidProgramException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Labels, layout, aliases and every error path of the text assembler. Encodings are in {@link IsaTableTest}. */
class AssemblerTest {
    private static Insn insn(int opcode, int dst, int src, int off, int imm) {
        return Insn.of(opcode, dst, src, off, imm);
    }

    @Test
    void assemble_resolvesLabelsBothWaysInSlots() {
        Instructions p = Assembler.assemble(String.join(
                "\n",
                "start:",
                "  lddw %r0, 0x100000000   # two slots",
                "  jeq %r0, 0, done",
                "  ja start",
                "done: exit"));
        assertEquals(
                List.of(
                        Insn.lddw(0, PseudoSrc.NONE, 0x100000000L),
                        insn(0x15, 0, 0, 1, 0),
                        insn(0x05, 0, 0, -4, 0),
                        insn(0x95, 0, 0, 0, 0)),
                p.list());
    }

    @Test
    void assemble_firstExitDefinesExitLabel() {
        Instructions p = Assembler.assemble("jne %r0, 0, exit\nmov %r0, 1\nexit\nmov %r0, 2\nexit");
        assertEquals(1, p.list().get(0).off());
    }

    @Test
    void assemble_explicitExitLabelWinsOverTheImplicitOne() {
        Instructions p = Assembler.assemble("jne %r0, 0, exit\nexit\nexit:\nmov %r0, 2\nexit");
        assertEquals(1, p.list().get(0).off());
    }

    @Test
    void assemble_localCallAndGotolTakeTheOffsetInImm() {
        Instructions p = Assembler.assemble("call local f\nja32 end\nmov %r0, 0\nend:\nexit\nf:\nmov %r0, 1\nexit");
        assertEquals(insn(0x85, 0, 1, 0, 3), p.list().get(0));
        assertEquals(insn(0x06, 0, 0, 0, 1), p.list().get(1));
    }

    @Test
    void assemble_layoutIsFree() {
        Instructions tidy = Assembler.assemble("ldxw %r0, [%r1+4]\nexit\n");
        assertEquals(tidy, Assembler.assemble("\r\n  # comment\r\nldxw   %r0 ,[ %r1 + 4 ]  # trailing\r\n\n\texit"));
        assertEquals(tidy, Assembler.assemble("ldxw %r0, [%r1+0x4]\nexit"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "swap16 %r1;                bswap16 %r1",
                "swap64 %r1;                bswap64 %r1",
                "call helper 5;             call 5",
                "call helper %r2;           call %r2",
                "mov32 %r0, 0xffffffff;     mov32 %r0, -1",
                "mov %r0, -0x80000000;      mov %r0, -2147483648",
                "stb [%r1], 1;              stb [%r1+0], 1",
                "ldxh %r1, [%r2+0xffff];    ldxh %r1, [%r2-1]",
                "ja +0x10;                  ja +16",
                "lock fetch xchg [%r1], %r2; lock xchg [%r1], %r2",
                "lddw %r1, -1;              lddw %r1, 0xffffffffffffffff",
                "lddw %r1, 18446744073709551615; lddw %r1, -1",
                "lddw %r1, 7, none;         lddw %r1, 7",
            })
    void insn_aliasesEncodeAlike(String alias, String canonical) {
        assertEquals(Assembler.insn(canonical), Assembler.insn(alias));
    }

    @Test
    void assemble_emptyTextIsEmptyProgram() {
        assertEquals(0, Assembler.assemble("# nothing\n\n").size());
        assertEquals(0, Assembler.assemble("only_a_label:").size());
    }

    /** Each bad text with the 1-based line the error names and a fragment of its reason. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "ldxq %r0, %r1;                          1; invalid mnemonic 'ldxq'",
                "le17 %r1;                               1; invalid mnemonic 'le17'",
                "lddw %r0;                               1; wrong number of operands for 'lddw': expected 2",
                "add %r0;                                1; wrong number of operands for 'add'",
                "exit %r0;                               1; wrong number of operands for 'exit': expected 0, got 1",
                "or %r0, %r50;                           1; invalid register '%r50' (expected %r0 to %r10)",
                "or %r11, 1;                             1; invalid register '%r11'",
                "or %r01, 1;                             1; invalid register '%r01'",
                "or r1, 1;                               1; invalid register 'r1'",
                "mov32 %r0, 2147483648;                  1; immediate out of 32-bit range: 2147483648",
                "mov32 %r0, -2147483649;                 1; immediate out of 32-bit range: -2147483649",
                "mov32 %r0, 0x100000000;                 1; immediate out of 32-bit range: 0x100000000",
                "add %r1, abc;                           1; invalid immediate 'abc'",
                "add %r1, 1x;                            1; invalid immediate '1x'",
                "ldxb %r0, [%r1+0x10000];                1; offset out of 16-bit range: +0x10000",
                "ldxb %r0, [%r1-32769];                  1; offset out of 16-bit range: -32769",
                "ldxb %r0, %r1;                          1; expected a memory operand [%rN+off], got '%r1'",
                "ldxb %r0, [%r1+2;                       1; missing ']' in memory operand",
                "ldxb %r0, [[%r1]];                      1; nested '[' in memory operand",
                "ldxb %r0, [%r1+x];                      1; invalid offset '+x'",
                "ja NOT_A_LABEL\\nexit;                   1; unknown label 'NOT_A_LABEL'",
                "ja 3\\nexit;                             1; invalid jump target '3' (expected a label, +N or -N)",
                "ja +40000\\nexit;                        1; jump offset out of 16-bit range: +40000",
                "lock or [%r10-8];                       1; wrong number of operands for 'lock'",
                "lock;                                   1; wrong number of operands for 'lock'",
                "lock nand [%r10-8], %r1;                1; invalid atomic operation 'nand'",
                "call;                                   1; wrong number of operands for 'call'",
                "call funky 5;                           1; invalid call mode 'funky'",
                "call local 1 2;                         1; wrong number of operands for 'call'",
                "lddw %r1, 5, map_thing;                 1; invalid lddw pseudo source 'map_thing'",
                "1abc: exit;                             1; invalid label name '1abc'",
                "x:\\nexit\\nx:\\nexit;                     3; duplicate label 'x' (first defined on line 1)",
                "mov %r0, 1\\nmov %r0, 2;                 2; last insn is not an exit or jmp",
                "mov %r0, 1\\njeq %r0, 1, +5\\nexit;       2; jump out of range from insn 1 to 7",
                "lddw %r0, 1\\nexit\\nlddw %r1, 2\\njeq %r0, 1, -2\\nexit; 4; jump into the middle of ldimm64 insn 3",
                "call local f\\nexit\\nmov %r0, 0\\nf:\\nexit; 3; last insn is not an exit or jmp",
                "le8 %r1\\nexit;                          1; invalid mnemonic 'le8'",
            })
    void assemble_rejectsWithLineAndReason(String text, int line, String reason) {
        InvalidProgramException e =
                assertThrows(InvalidProgramException.class, () -> Assembler.assemble(text.replace("\\n", "\n")));
        assertEquals(line, e.index(), e.getMessage());
        assertTrue(
                e.reason().startsWith(reason), () -> "reason '" + e.reason() + "' should start with '" + reason + "'");
        assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
    }

    @Test
    void assemble_labelTooFarForSixteenBits() {
        String far = "ja end\n" + "mov %r0, 0\n".repeat(40_000) + "end:\nexit";
        InvalidProgramException e = assertThrows(InvalidProgramException.class, () -> Assembler.assemble(far));
        assertEquals("jump to label 'end' is 40000 slots away, beyond the 16-bit offset", e.reason());
        assertEquals(1, e.index());
    }

    @Test
    void insn_rejectsLabelsAndMalformedInsns() {
        assertThrows(InvalidProgramException.class, () -> Assembler.insn("ja somewhere"));
        assertThrows(InvalidProgramException.class, () -> Assembler.insn("x: exit"));
        assertThrows(InvalidProgramException.class, () -> Assembler.insn(""));
        InvalidProgramException e = assertThrows(InvalidProgramException.class, () -> Assembler.insn("bogus"));
        assertEquals("line 1: invalid mnemonic 'bogus'", e.getMessage());
    }
}
