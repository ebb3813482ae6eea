package dev.ebpfjvm.core.asm;

import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.AND;
import static dev.ebpfjvm.core.isa.AluOp.ARSH;
import static dev.ebpfjvm.core.isa.AluOp.BSWAP;
import static dev.ebpfjvm.core.isa.AluOp.DIV;
import static dev.ebpfjvm.core.isa.AluOp.END;
import static dev.ebpfjvm.core.isa.AluOp.LSH;
import static dev.ebpfjvm.core.isa.AluOp.MOD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static dev.ebpfjvm.core.isa.AluOp.MUL;
import static dev.ebpfjvm.core.isa.AluOp.NEG;
import static dev.ebpfjvm.core.isa.AluOp.OR;
import static dev.ebpfjvm.core.isa.AluOp.RSH;
import static dev.ebpfjvm.core.isa.AluOp.SDIV;
import static dev.ebpfjvm.core.isa.AluOp.SMOD;
import static dev.ebpfjvm.core.isa.AluOp.SUB;
import static dev.ebpfjvm.core.isa.AluOp.XOR;
import static dev.ebpfjvm.core.isa.JumpOp.JEQ;
import static dev.ebpfjvm.core.isa.JumpOp.JGE;
import static dev.ebpfjvm.core.isa.JumpOp.JGT;
import static dev.ebpfjvm.core.isa.JumpOp.JLE;
import static dev.ebpfjvm.core.isa.JumpOp.JLT;
import static dev.ebpfjvm.core.isa.JumpOp.JNE;
import static dev.ebpfjvm.core.isa.JumpOp.JSET;
import static dev.ebpfjvm.core.isa.JumpOp.JSGE;
import static dev.ebpfjvm.core.isa.JumpOp.JSGT;
import static dev.ebpfjvm.core.isa.JumpOp.JSLE;
import static dev.ebpfjvm.core.isa.JumpOp.JSLT;
import static dev.ebpfjvm.core.isa.Reg.R0;
import static dev.ebpfjvm.core.isa.Reg.R1;
import static dev.ebpfjvm.core.isa.Reg.R10;
import static dev.ebpfjvm.core.isa.Reg.R2;
import static dev.ebpfjvm.core.isa.Reg.R3;
import static dev.ebpfjvm.core.isa.Reg.R4;
import static dev.ebpfjvm.core.isa.Reg.R5;
import static dev.ebpfjvm.core.isa.Reg.R6;
import static dev.ebpfjvm.core.isa.Reg.R7;
import static dev.ebpfjvm.core.isa.Reg.R8;
import static dev.ebpfjvm.core.isa.Reg.R9;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.isa.AsmInsn;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.InsnCodec;
import dev.ebpfjvm.core.isa.InsnValidator;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.isa.SymbolicInsn;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the builder against the text assembler and against its bytes: a table of
 * builder expression, conformance-syntax text and the expected encoding. The bytes were computed
 * apart from both assemblers, from the instruction layout of RFC 9669, and the v3 subset checked
 * with LLVM 14's {@code llvm-mc -triple bpfel -show-encoding}. Instructions that refer to a name
 * are compared before resolution, with 0 where the target goes.
 */
class AsmTest {

    static Stream<Arguments> table() {
        return Stream.of(
                row("ADD.imm(R1, -7)", ADD.imm(R1, -7), "add %r1, -7", "07010000f9ffffff"),
                row("ADD.reg(R1, R2)", ADD.reg(R1, R2), "add %r1, %r2", "0f21000000000000"),
                row(
                        "ADD.imm32(R3, 0x7fffffff)",
                        ADD.imm32(R3, 0x7fffffff),
                        "add32 %r3, 2147483647",
                        "04030000ffffff7f"),
                row("ADD.reg32(R9, R10)", ADD.reg32(R9, R10), "add32 %r9, %r10", "0ca9000000000000"),
                row("SUB.imm(R1, -7)", SUB.imm(R1, -7), "sub %r1, -7", "17010000f9ffffff"),
                row("SUB.reg(R1, R2)", SUB.reg(R1, R2), "sub %r1, %r2", "1f21000000000000"),
                row(
                        "SUB.imm32(R3, 0x7fffffff)",
                        SUB.imm32(R3, 0x7fffffff),
                        "sub32 %r3, 2147483647",
                        "14030000ffffff7f"),
                row("SUB.reg32(R9, R10)", SUB.reg32(R9, R10), "sub32 %r9, %r10", "1ca9000000000000"),
                row("MUL.imm(R1, -7)", MUL.imm(R1, -7), "mul %r1, -7", "27010000f9ffffff"),
                row("MUL.reg(R1, R2)", MUL.reg(R1, R2), "mul %r1, %r2", "2f21000000000000"),
                row(
                        "MUL.imm32(R3, 0x7fffffff)",
                        MUL.imm32(R3, 0x7fffffff),
                        "mul32 %r3, 2147483647",
                        "24030000ffffff7f"),
                row("MUL.reg32(R9, R10)", MUL.reg32(R9, R10), "mul32 %r9, %r10", "2ca9000000000000"),
                row("DIV.imm(R1, -7)", DIV.imm(R1, -7), "div %r1, -7", "37010000f9ffffff"),
                row("DIV.reg(R1, R2)", DIV.reg(R1, R2), "div %r1, %r2", "3f21000000000000"),
                row(
                        "DIV.imm32(R3, 0x7fffffff)",
                        DIV.imm32(R3, 0x7fffffff),
                        "div32 %r3, 2147483647",
                        "34030000ffffff7f"),
                row("DIV.reg32(R9, R10)", DIV.reg32(R9, R10), "div32 %r9, %r10", "3ca9000000000000"),
                row("SDIV.imm(R1, -7)", SDIV.imm(R1, -7), "sdiv %r1, -7", "37010100f9ffffff"),
                row("SDIV.reg(R1, R2)", SDIV.reg(R1, R2), "sdiv %r1, %r2", "3f21010000000000"),
                row(
                        "SDIV.imm32(R3, 0x7fffffff)",
                        SDIV.imm32(R3, 0x7fffffff),
                        "sdiv32 %r3, 2147483647",
                        "34030100ffffff7f"),
                row("SDIV.reg32(R9, R10)", SDIV.reg32(R9, R10), "sdiv32 %r9, %r10", "3ca9010000000000"),
                row("OR.imm(R1, -7)", OR.imm(R1, -7), "or %r1, -7", "47010000f9ffffff"),
                row("OR.reg(R1, R2)", OR.reg(R1, R2), "or %r1, %r2", "4f21000000000000"),
                row("OR.imm32(R3, 0x7fffffff)", OR.imm32(R3, 0x7fffffff), "or32 %r3, 2147483647", "44030000ffffff7f"),
                row("OR.reg32(R9, R10)", OR.reg32(R9, R10), "or32 %r9, %r10", "4ca9000000000000"),
                row("AND.imm(R1, -7)", AND.imm(R1, -7), "and %r1, -7", "57010000f9ffffff"),
                row("AND.reg(R1, R2)", AND.reg(R1, R2), "and %r1, %r2", "5f21000000000000"),
                row(
                        "AND.imm32(R3, 0x7fffffff)",
                        AND.imm32(R3, 0x7fffffff),
                        "and32 %r3, 2147483647",
                        "54030000ffffff7f"),
                row("AND.reg32(R9, R10)", AND.reg32(R9, R10), "and32 %r9, %r10", "5ca9000000000000"),
                row("LSH.imm(R1, -7)", LSH.imm(R1, -7), "lsh %r1, -7", "67010000f9ffffff"),
                row("LSH.reg(R1, R2)", LSH.reg(R1, R2), "lsh %r1, %r2", "6f21000000000000"),
                row(
                        "LSH.imm32(R3, 0x7fffffff)",
                        LSH.imm32(R3, 0x7fffffff),
                        "lsh32 %r3, 2147483647",
                        "64030000ffffff7f"),
                row("LSH.reg32(R9, R10)", LSH.reg32(R9, R10), "lsh32 %r9, %r10", "6ca9000000000000"),
                row("RSH.imm(R1, -7)", RSH.imm(R1, -7), "rsh %r1, -7", "77010000f9ffffff"),
                row("RSH.reg(R1, R2)", RSH.reg(R1, R2), "rsh %r1, %r2", "7f21000000000000"),
                row(
                        "RSH.imm32(R3, 0x7fffffff)",
                        RSH.imm32(R3, 0x7fffffff),
                        "rsh32 %r3, 2147483647",
                        "74030000ffffff7f"),
                row("RSH.reg32(R9, R10)", RSH.reg32(R9, R10), "rsh32 %r9, %r10", "7ca9000000000000"),
                row("MOD.imm(R1, -7)", MOD.imm(R1, -7), "mod %r1, -7", "97010000f9ffffff"),
                row("MOD.reg(R1, R2)", MOD.reg(R1, R2), "mod %r1, %r2", "9f21000000000000"),
                row(
                        "MOD.imm32(R3, 0x7fffffff)",
                        MOD.imm32(R3, 0x7fffffff),
                        "mod32 %r3, 2147483647",
                        "94030000ffffff7f"),
                row("MOD.reg32(R9, R10)", MOD.reg32(R9, R10), "mod32 %r9, %r10", "9ca9000000000000"),
                row("SMOD.imm(R1, -7)", SMOD.imm(R1, -7), "smod %r1, -7", "97010100f9ffffff"),
                row("SMOD.reg(R1, R2)", SMOD.reg(R1, R2), "smod %r1, %r2", "9f21010000000000"),
                row(
                        "SMOD.imm32(R3, 0x7fffffff)",
                        SMOD.imm32(R3, 0x7fffffff),
                        "smod32 %r3, 2147483647",
                        "94030100ffffff7f"),
                row("SMOD.reg32(R9, R10)", SMOD.reg32(R9, R10), "smod32 %r9, %r10", "9ca9010000000000"),
                row("XOR.imm(R1, -7)", XOR.imm(R1, -7), "xor %r1, -7", "a7010000f9ffffff"),
                row("XOR.reg(R1, R2)", XOR.reg(R1, R2), "xor %r1, %r2", "af21000000000000"),
                row(
                        "XOR.imm32(R3, 0x7fffffff)",
                        XOR.imm32(R3, 0x7fffffff),
                        "xor32 %r3, 2147483647",
                        "a4030000ffffff7f"),
                row("XOR.reg32(R9, R10)", XOR.reg32(R9, R10), "xor32 %r9, %r10", "aca9000000000000"),
                row("MOV.imm(R1, -7)", MOV.imm(R1, -7), "mov %r1, -7", "b7010000f9ffffff"),
                row("MOV.reg(R1, R2)", MOV.reg(R1, R2), "mov %r1, %r2", "bf21000000000000"),
                row(
                        "MOV.imm32(R3, 0x7fffffff)",
                        MOV.imm32(R3, 0x7fffffff),
                        "mov32 %r3, 2147483647",
                        "b4030000ffffff7f"),
                row("MOV.reg32(R9, R10)", MOV.reg32(R9, R10), "mov32 %r9, %r10", "bca9000000000000"),
                row("ARSH.imm(R1, -7)", ARSH.imm(R1, -7), "arsh %r1, -7", "c7010000f9ffffff"),
                row("ARSH.reg(R1, R2)", ARSH.reg(R1, R2), "arsh %r1, %r2", "cf21000000000000"),
                row(
                        "ARSH.imm32(R3, 0x7fffffff)",
                        ARSH.imm32(R3, 0x7fffffff),
                        "arsh32 %r3, 2147483647",
                        "c4030000ffffff7f"),
                row("ARSH.reg32(R9, R10)", ARSH.reg32(R9, R10), "arsh32 %r9, %r10", "cca9000000000000"),
                row("Asm.neg(R4)", Asm.neg(R4), "neg %r4", "8704000000000000"),
                row("Asm.neg32(R4)", Asm.neg32(R4), "neg32 %r4", "8404000000000000"),
                row("NEG.imm(R4, 0)", NEG.imm(R4, 0), "neg %r4", "8704000000000000"),
                row("Asm.movsx(R1, R2, 8)", Asm.movsx(R1, R2, 8), "movsx864 %r1, %r2", "bf21080000000000"),
                row("Asm.movsx(R1, R2, 16)", Asm.movsx(R1, R2, 16), "movsx1664 %r1, %r2", "bf21100000000000"),
                row("Asm.movsx(R1, R2, 32)", Asm.movsx(R1, R2, 32), "movsx3264 %r1, %r2", "bf21200000000000"),
                row("Asm.movsx32(R1, R2, 8)", Asm.movsx32(R1, R2, 8), "movsx832 %r1, %r2", "bc21080000000000"),
                row("Asm.movsx32(R1, R2, 16)", Asm.movsx32(R1, R2, 16), "movsx1632 %r1, %r2", "bc21100000000000"),
                row("Asm.le(R5, 16)", Asm.le(R5, 16), "le16 %r5", "d405000010000000"),
                row("Asm.be(R5, 16)", Asm.be(R5, 16), "be16 %r5", "dc05000010000000"),
                row("Asm.bswap(R5, 16)", Asm.bswap(R5, 16), "bswap16 %r5", "d705000010000000"),
                row("END.imm32(R5, 16)", END.imm32(R5, 16), "le16 %r5", "d405000010000000"),
                row("BSWAP.imm(R5, 16)", BSWAP.imm(R5, 16), "bswap16 %r5", "d705000010000000"),
                row("Asm.le(R5, 32)", Asm.le(R5, 32), "le32 %r5", "d405000020000000"),
                row("Asm.be(R5, 32)", Asm.be(R5, 32), "be32 %r5", "dc05000020000000"),
                row("Asm.bswap(R5, 32)", Asm.bswap(R5, 32), "bswap32 %r5", "d705000020000000"),
                row("END.imm32(R5, 32)", END.imm32(R5, 32), "le32 %r5", "d405000020000000"),
                row("BSWAP.imm(R5, 32)", BSWAP.imm(R5, 32), "bswap32 %r5", "d705000020000000"),
                row("Asm.le(R5, 64)", Asm.le(R5, 64), "le64 %r5", "d405000040000000"),
                row("Asm.be(R5, 64)", Asm.be(R5, 64), "be64 %r5", "dc05000040000000"),
                row("Asm.bswap(R5, 64)", Asm.bswap(R5, 64), "bswap64 %r5", "d705000040000000"),
                row("END.imm32(R5, 64)", END.imm32(R5, 64), "le64 %r5", "d405000040000000"),
                row("BSWAP.imm(R5, 64)", BSWAP.imm(R5, 64), "bswap64 %r5", "d705000040000000"),
                row("JEQ.imm(R1, -2, 3)", JEQ.imm(R1, -2, 3), "jeq %r1, -2, +3", "15010300feffffff"),
                row("JEQ.reg(R1, R2, -4)", JEQ.reg(R1, R2, -4), "jeq %r1, %r2, -4", "1d21fcff00000000"),
                row("JEQ.imm32(R1, 5, 0)", JEQ.imm32(R1, 5, 0), "jeq32 %r1, 5, +0", "1601000005000000"),
                row("JEQ.reg32(R6, R7, 32767)", JEQ.reg32(R6, R7, 32767), "jeq32 %r6, %r7, +32767", "1e76ff7f00000000"),
                row("JEQ.imm(R1, 9, \"target\")", JEQ.imm(R1, 9, "target"), "jeq %r1, 9, +0", "1501000009000000"),
                row(
                        "JEQ.reg32(R1, R2, \"target\")",
                        JEQ.reg32(R1, R2, "target"),
                        "jeq32 %r1, %r2, +0",
                        "1e21000000000000"),
                row("JGT.imm(R1, -2, 3)", JGT.imm(R1, -2, 3), "jgt %r1, -2, +3", "25010300feffffff"),
                row("JGT.reg(R1, R2, -4)", JGT.reg(R1, R2, -4), "jgt %r1, %r2, -4", "2d21fcff00000000"),
                row("JGT.imm32(R1, 5, 0)", JGT.imm32(R1, 5, 0), "jgt32 %r1, 5, +0", "2601000005000000"),
                row("JGT.reg32(R6, R7, 32767)", JGT.reg32(R6, R7, 32767), "jgt32 %r6, %r7, +32767", "2e76ff7f00000000"),
                row("JGT.imm(R1, 9, \"target\")", JGT.imm(R1, 9, "target"), "jgt %r1, 9, +0", "2501000009000000"),
                row(
                        "JGT.reg32(R1, R2, \"target\")",
                        JGT.reg32(R1, R2, "target"),
                        "jgt32 %r1, %r2, +0",
                        "2e21000000000000"),
                row("JGE.imm(R1, -2, 3)", JGE.imm(R1, -2, 3), "jge %r1, -2, +3", "35010300feffffff"),
                row("JGE.reg(R1, R2, -4)", JGE.reg(R1, R2, -4), "jge %r1, %r2, -4", "3d21fcff00000000"),
                row("JGE.imm32(R1, 5, 0)", JGE.imm32(R1, 5, 0), "jge32 %r1, 5, +0", "3601000005000000"),
                row("JGE.reg32(R6, R7, 32767)", JGE.reg32(R6, R7, 32767), "jge32 %r6, %r7, +32767", "3e76ff7f00000000"),
                row("JGE.imm(R1, 9, \"target\")", JGE.imm(R1, 9, "target"), "jge %r1, 9, +0", "3501000009000000"),
                row(
                        "JGE.reg32(R1, R2, \"target\")",
                        JGE.reg32(R1, R2, "target"),
                        "jge32 %r1, %r2, +0",
                        "3e21000000000000"),
                row("JSET.imm(R1, -2, 3)", JSET.imm(R1, -2, 3), "jset %r1, -2, +3", "45010300feffffff"),
                row("JSET.reg(R1, R2, -4)", JSET.reg(R1, R2, -4), "jset %r1, %r2, -4", "4d21fcff00000000"),
                row("JSET.imm32(R1, 5, 0)", JSET.imm32(R1, 5, 0), "jset32 %r1, 5, +0", "4601000005000000"),
                row(
                        "JSET.reg32(R6, R7, 32767)",
                        JSET.reg32(R6, R7, 32767),
                        "jset32 %r6, %r7, +32767",
                        "4e76ff7f00000000"),
                row("JSET.imm(R1, 9, \"target\")", JSET.imm(R1, 9, "target"), "jset %r1, 9, +0", "4501000009000000"),
                row(
                        "JSET.reg32(R1, R2, \"target\")",
                        JSET.reg32(R1, R2, "target"),
                        "jset32 %r1, %r2, +0",
                        "4e21000000000000"),
                row("JNE.imm(R1, -2, 3)", JNE.imm(R1, -2, 3), "jne %r1, -2, +3", "55010300feffffff"),
                row("JNE.reg(R1, R2, -4)", JNE.reg(R1, R2, -4), "jne %r1, %r2, -4", "5d21fcff00000000"),
                row("JNE.imm32(R1, 5, 0)", JNE.imm32(R1, 5, 0), "jne32 %r1, 5, +0", "5601000005000000"),
                row("JNE.reg32(R6, R7, 32767)", JNE.reg32(R6, R7, 32767), "jne32 %r6, %r7, +32767", "5e76ff7f00000000"),
                row("JNE.imm(R1, 9, \"target\")", JNE.imm(R1, 9, "target"), "jne %r1, 9, +0", "5501000009000000"),
                row(
                        "JNE.reg32(R1, R2, \"target\")",
                        JNE.reg32(R1, R2, "target"),
                        "jne32 %r1, %r2, +0",
                        "5e21000000000000"),
                row("JSGT.imm(R1, -2, 3)", JSGT.imm(R1, -2, 3), "jsgt %r1, -2, +3", "65010300feffffff"),
                row("JSGT.reg(R1, R2, -4)", JSGT.reg(R1, R2, -4), "jsgt %r1, %r2, -4", "6d21fcff00000000"),
                row("JSGT.imm32(R1, 5, 0)", JSGT.imm32(R1, 5, 0), "jsgt32 %r1, 5, +0", "6601000005000000"),
                row(
                        "JSGT.reg32(R6, R7, 32767)",
                        JSGT.reg32(R6, R7, 32767),
                        "jsgt32 %r6, %r7, +32767",
                        "6e76ff7f00000000"),
                row("JSGT.imm(R1, 9, \"target\")", JSGT.imm(R1, 9, "target"), "jsgt %r1, 9, +0", "6501000009000000"),
                row(
                        "JSGT.reg32(R1, R2, \"target\")",
                        JSGT.reg32(R1, R2, "target"),
                        "jsgt32 %r1, %r2, +0",
                        "6e21000000000000"),
                row("JSGE.imm(R1, -2, 3)", JSGE.imm(R1, -2, 3), "jsge %r1, -2, +3", "75010300feffffff"),
                row("JSGE.reg(R1, R2, -4)", JSGE.reg(R1, R2, -4), "jsge %r1, %r2, -4", "7d21fcff00000000"),
                row("JSGE.imm32(R1, 5, 0)", JSGE.imm32(R1, 5, 0), "jsge32 %r1, 5, +0", "7601000005000000"),
                row(
                        "JSGE.reg32(R6, R7, 32767)",
                        JSGE.reg32(R6, R7, 32767),
                        "jsge32 %r6, %r7, +32767",
                        "7e76ff7f00000000"),
                row("JSGE.imm(R1, 9, \"target\")", JSGE.imm(R1, 9, "target"), "jsge %r1, 9, +0", "7501000009000000"),
                row(
                        "JSGE.reg32(R1, R2, \"target\")",
                        JSGE.reg32(R1, R2, "target"),
                        "jsge32 %r1, %r2, +0",
                        "7e21000000000000"),
                row("JLT.imm(R1, -2, 3)", JLT.imm(R1, -2, 3), "jlt %r1, -2, +3", "a5010300feffffff"),
                row("JLT.reg(R1, R2, -4)", JLT.reg(R1, R2, -4), "jlt %r1, %r2, -4", "ad21fcff00000000"),
                row("JLT.imm32(R1, 5, 0)", JLT.imm32(R1, 5, 0), "jlt32 %r1, 5, +0", "a601000005000000"),
                row("JLT.reg32(R6, R7, 32767)", JLT.reg32(R6, R7, 32767), "jlt32 %r6, %r7, +32767", "ae76ff7f00000000"),
                row("JLT.imm(R1, 9, \"target\")", JLT.imm(R1, 9, "target"), "jlt %r1, 9, +0", "a501000009000000"),
                row(
                        "JLT.reg32(R1, R2, \"target\")",
                        JLT.reg32(R1, R2, "target"),
                        "jlt32 %r1, %r2, +0",
                        "ae21000000000000"),
                row("JLE.imm(R1, -2, 3)", JLE.imm(R1, -2, 3), "jle %r1, -2, +3", "b5010300feffffff"),
                row("JLE.reg(R1, R2, -4)", JLE.reg(R1, R2, -4), "jle %r1, %r2, -4", "bd21fcff00000000"),
                row("JLE.imm32(R1, 5, 0)", JLE.imm32(R1, 5, 0), "jle32 %r1, 5, +0", "b601000005000000"),
                row("JLE.reg32(R6, R7, 32767)", JLE.reg32(R6, R7, 32767), "jle32 %r6, %r7, +32767", "be76ff7f00000000"),
                row("JLE.imm(R1, 9, \"target\")", JLE.imm(R1, 9, "target"), "jle %r1, 9, +0", "b501000009000000"),
                row(
                        "JLE.reg32(R1, R2, \"target\")",
                        JLE.reg32(R1, R2, "target"),
                        "jle32 %r1, %r2, +0",
                        "be21000000000000"),
                row("JSLT.imm(R1, -2, 3)", JSLT.imm(R1, -2, 3), "jslt %r1, -2, +3", "c5010300feffffff"),
                row("JSLT.reg(R1, R2, -4)", JSLT.reg(R1, R2, -4), "jslt %r1, %r2, -4", "cd21fcff00000000"),
                row("JSLT.imm32(R1, 5, 0)", JSLT.imm32(R1, 5, 0), "jslt32 %r1, 5, +0", "c601000005000000"),
                row(
                        "JSLT.reg32(R6, R7, 32767)",
                        JSLT.reg32(R6, R7, 32767),
                        "jslt32 %r6, %r7, +32767",
                        "ce76ff7f00000000"),
                row("JSLT.imm(R1, 9, \"target\")", JSLT.imm(R1, 9, "target"), "jslt %r1, 9, +0", "c501000009000000"),
                row(
                        "JSLT.reg32(R1, R2, \"target\")",
                        JSLT.reg32(R1, R2, "target"),
                        "jslt32 %r1, %r2, +0",
                        "ce21000000000000"),
                row("JSLE.imm(R1, -2, 3)", JSLE.imm(R1, -2, 3), "jsle %r1, -2, +3", "d5010300feffffff"),
                row("JSLE.reg(R1, R2, -4)", JSLE.reg(R1, R2, -4), "jsle %r1, %r2, -4", "dd21fcff00000000"),
                row("JSLE.imm32(R1, 5, 0)", JSLE.imm32(R1, 5, 0), "jsle32 %r1, 5, +0", "d601000005000000"),
                row(
                        "JSLE.reg32(R6, R7, 32767)",
                        JSLE.reg32(R6, R7, 32767),
                        "jsle32 %r6, %r7, +32767",
                        "de76ff7f00000000"),
                row("JSLE.imm(R1, 9, \"target\")", JSLE.imm(R1, 9, "target"), "jsle %r1, 9, +0", "d501000009000000"),
                row(
                        "JSLE.reg32(R1, R2, \"target\")",
                        JSLE.reg32(R1, R2, "target"),
                        "jsle32 %r1, %r2, +0",
                        "de21000000000000"),
                row("Asm.ja(-1)", Asm.ja(-1), "ja -1", "0500ffff00000000"),
                row("Asm.ja(\"target\")", Asm.ja("target"), "ja +0", "0500000000000000"),
                row("Asm.gotol(100000)", Asm.gotol(100000), "ja32 +100000", "06000000a0860100"),
                row("Asm.gotol(\"target\")", Asm.gotol("target"), "ja32 +0", "0600000000000000"),
                row("Asm.exit()", Asm.exit(), "exit", "9500000000000000"),
                row(
                        "Asm.call(HelperId.MAP_LOOKUP_ELEM)",
                        Asm.call(HelperId.MAP_LOOKUP_ELEM),
                        "call 1",
                        "8500000001000000"),
                row("Asm.call(HelperId.TAIL_CALL)", Asm.call(HelperId.TAIL_CALL), "call helper 12", "850000000c000000"),
                row("Asm.call(42)", Asm.call(42), "call 42", "850000002a000000"),
                row("Asm.callx(R8)", Asm.callx(R8), "call %r8", "8d08000000000000"),
                row("Asm.callLocal(3)", Asm.callLocal(3), "call local +3", "8510000003000000"),
                row("Asm.callLocal(\"function\")", Asm.callLocal("function"), "call local +0", "8510000000000000"),
                row("Asm.callKfunc(7, 1)", Asm.callKfunc(7, 1), "call runtime 7, 1", "8520010007000000"),
                row(
                        "Asm.lddw(R1, 0x1122334455667788L)",
                        Asm.lddw(R1, 0x1122334455667788L),
                        "lddw %r1, 0x1122334455667788",
                        "18010000887766550000000044332211"),
                row("Asm.lddw(R9, -1L)", Asm.lddw(R9, -1L), "lddw %r9, -1", "18090000ffffffff00000000ffffffff"),
                row(
                        "Asm.lddwMap(R1, \"counters\")",
                        Asm.lddwMap(R1, "counters"),
                        "lddw %r1, 0, map_fd",
                        "18110000000000000000000000000000"),
                row(
                        "Asm.lddwMapValue(R2, \".data\", 12)",
                        Asm.lddwMapValue(R2, ".data", 12),
                        "lddw %r2, 12, map_value",
                        "182200000c0000000000000000000000"),
                row(
                        "Asm.lddwFunc(R3, \"callback\")",
                        Asm.lddwFunc(R3, "callback"),
                        "lddw %r3, 0, func",
                        "18430000000000000000000000000000"),
                row("Asm.ldx(Size.W, R0, R1, 8)", Asm.ldx(Size.W, R0, R1, 8), "ldxw %r0, [%r1+8]", "6110080000000000"),
                row("Asm.st(Size.W, R10, -8, -3)", Asm.st(Size.W, R10, -8, -3), "stw [%r10-8], -3", "620af8fffdffffff"),
                row(
                        "Asm.stx(Size.W, R10, R1, -16)",
                        Asm.stx(Size.W, R10, R1, -16),
                        "stxw [%r10-16], %r1",
                        "631af0ff00000000"),
                row(
                        "Asm.ldxs(Size.W, R2, R3, -1)",
                        Asm.ldxs(Size.W, R2, R3, -1),
                        "ldxsw %r2, [%r3-1]",
                        "8132ffff00000000"),
                row("Asm.ldAbs(Size.W, 12)", Asm.ldAbs(Size.W, 12), "ldabsw 12", "200000000c000000"),
                row("Asm.ldInd(Size.W, R3, -2)", Asm.ldInd(Size.W, R3, -2), "ldindw %r3, -2", "40300000feffffff"),
                row("Asm.ldx(Size.H, R0, R1, 8)", Asm.ldx(Size.H, R0, R1, 8), "ldxh %r0, [%r1+8]", "6910080000000000"),
                row("Asm.st(Size.H, R10, -8, -3)", Asm.st(Size.H, R10, -8, -3), "sth [%r10-8], -3", "6a0af8fffdffffff"),
                row(
                        "Asm.stx(Size.H, R10, R1, -16)",
                        Asm.stx(Size.H, R10, R1, -16),
                        "stxh [%r10-16], %r1",
                        "6b1af0ff00000000"),
                row(
                        "Asm.ldxs(Size.H, R2, R3, -1)",
                        Asm.ldxs(Size.H, R2, R3, -1),
                        "ldxsh %r2, [%r3-1]",
                        "8932ffff00000000"),
                row("Asm.ldAbs(Size.H, 12)", Asm.ldAbs(Size.H, 12), "ldabsh 12", "280000000c000000"),
                row("Asm.ldInd(Size.H, R3, -2)", Asm.ldInd(Size.H, R3, -2), "ldindh %r3, -2", "48300000feffffff"),
                row("Asm.ldx(Size.B, R0, R1, 8)", Asm.ldx(Size.B, R0, R1, 8), "ldxb %r0, [%r1+8]", "7110080000000000"),
                row("Asm.st(Size.B, R10, -8, -3)", Asm.st(Size.B, R10, -8, -3), "stb [%r10-8], -3", "720af8fffdffffff"),
                row(
                        "Asm.stx(Size.B, R10, R1, -16)",
                        Asm.stx(Size.B, R10, R1, -16),
                        "stxb [%r10-16], %r1",
                        "731af0ff00000000"),
                row(
                        "Asm.ldxs(Size.B, R2, R3, -1)",
                        Asm.ldxs(Size.B, R2, R3, -1),
                        "ldxsb %r2, [%r3-1]",
                        "9132ffff00000000"),
                row("Asm.ldAbs(Size.B, 12)", Asm.ldAbs(Size.B, 12), "ldabsb 12", "300000000c000000"),
                row("Asm.ldInd(Size.B, R3, -2)", Asm.ldInd(Size.B, R3, -2), "ldindb %r3, -2", "50300000feffffff"),
                row(
                        "Asm.ldx(Size.DW, R0, R1, 8)",
                        Asm.ldx(Size.DW, R0, R1, 8),
                        "ldxdw %r0, [%r1+8]",
                        "7910080000000000"),
                row(
                        "Asm.st(Size.DW, R10, -8, -3)",
                        Asm.st(Size.DW, R10, -8, -3),
                        "stdw [%r10-8], -3",
                        "7a0af8fffdffffff"),
                row(
                        "Asm.stx(Size.DW, R10, R1, -16)",
                        Asm.stx(Size.DW, R10, R1, -16),
                        "stxdw [%r10-16], %r1",
                        "7b1af0ff00000000"),
                row(
                        "AtomicOp.ADD.mem(Size.DW, R10, R1, -8)",
                        AtomicOp.ADD.mem(Size.DW, R10, R1, -8),
                        "lock add [%r10-8], %r1",
                        "db1af8ff00000000"),
                row(
                        "AtomicOp.ADD.mem(Size.W, R2, R3, 4)",
                        AtomicOp.ADD.mem(Size.W, R2, R3, 4),
                        "lock add32 [%r2+4], %r3",
                        "c332040000000000"),
                row(
                        "AtomicOp.OR.mem(Size.DW, R10, R1, -8)",
                        AtomicOp.OR.mem(Size.DW, R10, R1, -8),
                        "lock or [%r10-8], %r1",
                        "db1af8ff40000000"),
                row(
                        "AtomicOp.OR.mem(Size.W, R2, R3, 4)",
                        AtomicOp.OR.mem(Size.W, R2, R3, 4),
                        "lock or32 [%r2+4], %r3",
                        "c332040040000000"),
                row(
                        "AtomicOp.AND.mem(Size.DW, R10, R1, -8)",
                        AtomicOp.AND.mem(Size.DW, R10, R1, -8),
                        "lock and [%r10-8], %r1",
                        "db1af8ff50000000"),
                row(
                        "AtomicOp.AND.mem(Size.W, R2, R3, 4)",
                        AtomicOp.AND.mem(Size.W, R2, R3, 4),
                        "lock and32 [%r2+4], %r3",
                        "c332040050000000"),
                row(
                        "AtomicOp.XOR.mem(Size.DW, R10, R1, -8)",
                        AtomicOp.XOR.mem(Size.DW, R10, R1, -8),
                        "lock xor [%r10-8], %r1",
                        "db1af8ffa0000000"),
                row(
                        "AtomicOp.XOR.mem(Size.W, R2, R3, 4)",
                        AtomicOp.XOR.mem(Size.W, R2, R3, 4),
                        "lock xor32 [%r2+4], %r3",
                        "c3320400a0000000"),
                row(
                        "AtomicOp.FETCH_ADD.mem(Size.DW, R10, R1, -8)",
                        AtomicOp.FETCH_ADD.mem(Size.DW, R10, R1, -8),
                        "lock fetch add [%r10-8], %r1",
                        "db1af8ff01000000"),
                row(
                        "AtomicOp.FETCH_ADD.mem(Size.W, R2, R3, 4)",
                        AtomicOp.FETCH_ADD.mem(Size.W, R2, R3, 4),
                        "lock fetch add32 [%r2+4], %r3",
                        "c332040001000000"),
                row(
                        "AtomicOp.FETCH_OR.mem(Size.DW, R10, R1, -8)",
                        AtomicOp.FETCH_OR.mem(Size.DW, R10, R1, -8),
                        "lock fetch or [%r10-8], %r1",
                        "db1af8ff41000000"),
                row(
                        "AtomicOp.FETCH_OR.mem(Size.W, R2, R3, 4)",
                        AtomicOp.FETCH_OR.mem(Size.W, R2, R3, 4),
                        "lock fetch or32 [%r2+4], %r3",
                        "c332040041000000"),
                row(
                        "AtomicOp.FETCH_AND.mem(Size.DW, R10, R1, -8)",
                        AtomicOp.FETCH_AND.mem(Size.DW, R10, R1, -8),
                        "lock fetch and [%r10-8], %r1",
                        "db1af8ff51000000"),
                row(
                        "AtomicOp.FETCH_AND.mem(Size.W, R2, R3, 4)",
                        AtomicOp.FETCH_AND.mem(Size.W, R2, R3, 4),
                        "lock fetch and32 [%r2+4], %r3",
                        "c332040051000000"),
                row(
                        "AtomicOp.FETCH_XOR.mem(Size.DW, R10, R1, -8)",
                        AtomicOp.FETCH_XOR.mem(Size.DW, R10, R1, -8),
                        "lock fetch xor [%r10-8], %r1",
                        "db1af8ffa1000000"),
                row(
                        "AtomicOp.FETCH_XOR.mem(Size.W, R2, R3, 4)",
                        AtomicOp.FETCH_XOR.mem(Size.W, R2, R3, 4),
                        "lock fetch xor32 [%r2+4], %r3",
                        "c3320400a1000000"),
                row(
                        "AtomicOp.XCHG.mem(Size.DW, R10, R1, -8)",
                        AtomicOp.XCHG.mem(Size.DW, R10, R1, -8),
                        "lock xchg [%r10-8], %r1",
                        "db1af8ffe1000000"),
                row(
                        "AtomicOp.XCHG.mem(Size.W, R2, R3, 4)",
                        AtomicOp.XCHG.mem(Size.W, R2, R3, 4),
                        "lock xchg32 [%r2+4], %r3",
                        "c3320400e1000000"),
                row(
                        "AtomicOp.CMPXCHG.mem(Size.DW, R10, R1, -8)",
                        AtomicOp.CMPXCHG.mem(Size.DW, R10, R1, -8),
                        "lock cmpxchg [%r10-8], %r1",
                        "db1af8fff1000000"),
                row(
                        "AtomicOp.CMPXCHG.mem(Size.W, R2, R3, 4)",
                        AtomicOp.CMPXCHG.mem(Size.W, R2, R3, 4),
                        "lock cmpxchg32 [%r2+4], %r3",
                        "c3320400f1000000"));
    }

    private static Arguments row(String expression, AsmInsn built, String text, String hex) {
        return Arguments.of(expression, built, text, hex);
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("table")
    void build_encodesAsTheTextAndTheBytes(String expression, AsmInsn built, String text, String hex) {
        Insn insn = built.insn();
        assertEquals(hex, HexFormat.of().formatHex(InsnCodec.encode(List.of(insn))), expression + " bytes");
        assertEquals(Assembler.insn(text), insn, expression + " vs '" + text + "'");
        assertNull(InsnValidator.check(insn), expression + " is well-formed");
    }

    @Test
    void table_coversEveryValidOpcode() {
        Set<Integer> built =
                table().map(a -> ((AsmInsn) a.get()[1]).insn().opcode()).collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> valid = new TreeSet<>();
        for (int op = 0; op < 256; op++) {
            for (long imm : new long[] {0, 16, 0x01, 0x40, 0x41, 0x50, 0x51, 0xa0, 0xa1, 0xe1, 0xf1}) {
                for (int off : new int[] {0, 1, 8}) {
                    for (int src : new int[] {0, 1, 2}) {
                        for (int dst : new int[] {0, 1}) {
                            if (InsnValidator.check(new Insn(op, dst, src, off, imm)) == null) {
                                valid.add(op);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(valid, built);
    }

    @Test
    void table_coversEveryAtomicAndEverySignedVariant() {
        Set<String> texts = table().map(a -> (String) a.get()[2]).collect(Collectors.toSet());
        for (AtomicOp op : AtomicOp.values()) {
            assertTrue(
                    table().anyMatch(a -> ((AsmInsn) a.get()[1]).insn().imm() == op.code()
                            && ((AsmInsn) a.get()[1]).insn().mode() == dev.ebpfjvm.core.isa.MemMode.ATOMIC),
                    op.name());
        }
        for (String t : List.of("sdiv %r1, -7", "smod32 %r9, %r10", "movsx3264 %r1, %r2", "ldxsw %r2, [%r3-1]")) {
            assertTrue(texts.contains(t), t);
        }
    }

    @Test
    void operation_withoutTheForm_isRejected() {
        assertThrows(IllegalStateException.class, () -> NEG.reg(R1, R2));
        assertThrows(IllegalStateException.class, () -> END.reg32(R1, R2));
        assertThrows(IllegalStateException.class, () -> BSWAP.reg(R1, R2));
        assertThrows(IllegalStateException.class, () -> dev.ebpfjvm.core.isa.AluOp.MOVSX.imm(R1, 8));
        assertThrows(IllegalArgumentException.class, () -> END.imm(R1, 16));
        assertThrows(IllegalArgumentException.class, () -> BSWAP.imm32(R1, 16));
        assertThrows(IllegalArgumentException.class, () -> ADD.imm(InsnClass.JMP, R1, 1));
        assertThrows(IllegalStateException.class, () -> dev.ebpfjvm.core.isa.JumpOp.JA.imm(R1, 0, "x"));
        assertThrows(IllegalStateException.class, () -> dev.ebpfjvm.core.isa.JumpOp.CALL.reg(R1, R2, 0));
        assertThrows(IllegalStateException.class, () -> dev.ebpfjvm.core.isa.JumpOp.EXIT.imm32(R1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> JEQ.imm(InsnClass.ALU64, R1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> AtomicOp.ADD.mem(Size.B, R1, R2, 0));
        assertThrows(IllegalArgumentException.class, () -> AtomicOp.XCHG.mem(Size.H, R1, R2, 0));
        assertThrows(IllegalArgumentException.class, () -> Asm.ldxs(Size.DW, R1, R2, 0));
        assertThrows(IllegalArgumentException.class, () -> Asm.ldAbs(Size.DW, 0));
        assertThrows(IllegalArgumentException.class, () -> Asm.ldInd(Size.DW, R1, 0));
        assertThrows(IllegalArgumentException.class, () -> Asm.movsx(R1, R2, 64));
        assertThrows(IllegalArgumentException.class, () -> Asm.movsx32(R1, R2, 32));
        assertThrows(IllegalArgumentException.class, () -> Asm.le(R1, 8));
        assertThrows(IllegalArgumentException.class, () -> Asm.be(R1, 128));
        assertThrows(IllegalArgumentException.class, () -> Asm.bswap(R1, 0));
        assertThrows(IllegalArgumentException.class, () -> Asm.lddwMapValue(R1, ".data", -1));
        assertThrows(IllegalArgumentException.class, () -> JEQ.imm(R1, 0, 32768));
    }

    @Test
    void symbolicInsn_refersOnlyWhereTheInsnCan() {
        assertThrows(IllegalArgumentException.class, () -> new SymbolicInsn(Asm.exit(), null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new SymbolicInsn(Asm.lddw(R1, 0), null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new SymbolicInsn(Asm.call(1), null, "x"));
        assertThrows(IllegalArgumentException.class, () -> Asm.exit().withSymbol(""));
        assertThrows(IllegalArgumentException.class, () -> Asm.ja(""));
        assertThrows(IllegalArgumentException.class, () -> new InsnList().label(""));
        assertEquals(SymbolicInsn.Kind.JUMP, JEQ.imm(R1, 0, "x").kind());
        assertEquals(SymbolicInsn.Kind.JUMP, Asm.gotol("x").kind());
        assertEquals(SymbolicInsn.Kind.CALL, Asm.callLocal("f").kind());
        assertEquals(SymbolicInsn.Kind.FUNC, Asm.lddwFunc(R1, "f").kind());
        assertEquals(SymbolicInsn.Kind.MAP, Asm.lddwMap(R1, "m").kind());
        assertEquals(
                SymbolicInsn.Kind.MAP_VALUE, Asm.lddwMapValue(R1, ".data", 4).kind());
        assertNull(Asm.exit().withSymbol("out").kind());
        assertEquals("out: exit", Asm.exit().withSymbol("out").toString());
    }
}
