package dev.ebpfjvm.core.isa;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The mnemonics of the conformance assembler syntax and how each encodes, built from the opcode
 * enums so that every operation has exactly one spelling. {@link AsmSyntax} prints the same
 * spellings back, which is what makes the round trip exact.
 */
final class AsmEncoders {
    /** Encodes one line whose mnemonic selected it. */
    @FunctionalInterface
    interface Encoder {
        Insn encode(AsmLine line);
    }

    static final int LD = InsnClass.LD.code();
    static final int LDX = InsnClass.LDX.code();
    static final int ST = InsnClass.ST.code();
    static final int STX = InsnClass.STX.code();
    static final int ALU = InsnClass.ALU.code();
    static final int JMP = InsnClass.JMP.code();
    static final int JMP32 = InsnClass.JMP32.code();
    static final int ALU64 = InsnClass.ALU64.code();
    static final int X = Source.X.code();

    private static final Map<String, Encoder> TABLE = build();

    private AsmEncoders() {}

    /** {@return the encoder of a mnemonic, or null if there is none} */
    static Encoder of(String mnemonic) {
        return TABLE.get(mnemonic);
    }

    /** {@return the lower-case spelling of an enum constant: AluOp.SDIV is "sdiv", Size.DW is "dw"} */
    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Encoder> build() {
        Map<String, Encoder> m = new HashMap<>();
        for (AluOp op : AluOp.values()) {
            addAlu(m, op);
        }
        for (Size size : Size.values()) {
            addMemory(m, size);
        }
        for (JumpOp op : JumpOp.values()) {
            if (op.isConditional()) {
                m.put(name(op), l -> conditional(l, JMP, op));
                m.put(name(op) + "32", l -> conditional(l, JMP32, op));
            }
        }
        m.put("ja", l -> {
            l.expect("ja", 1, "TARGET");
            return Insn.of(JMP | JumpOp.JA.code(), 0, 0, l.target(0, 16), 0);
        });
        m.put("ja32", l -> {
            l.expect("ja32", 1, "TARGET");
            return Insn.of(JMP32 | JumpOp.JA.code(), 0, 0, 0, l.target(0, 32));
        });
        m.put("exit", l -> {
            l.expect("exit", 0, "");
            return Insn.of(JMP | JumpOp.EXIT.code(), 0, 0, 0, 0);
        });
        m.put("call", AsmSpecials::call);
        m.put("lock", AsmSpecials::atomic);
        m.put("lddw", AsmSpecials::lddw);
        return Map.copyOf(m);
    }

    private static void addAlu(Map<String, Encoder> m, AluOp op) {
        switch (op) {
            case NEG:
                m.put("neg", l -> unary(l, "neg", ALU64 | op.code(), 0));
                m.put("neg32", l -> unary(l, "neg32", ALU | op.code(), 0));
                break;
            case MOVSX:
                for (int bits = 8; bits <= 32; bits *= 2) {
                    int from = bits;
                    m.put("movsx" + bits + "64", l -> movsx(l, ALU64, from));
                    if (bits < 32) {
                        m.put("movsx" + bits + "32", l -> movsx(l, ALU, from));
                    }
                }
                break;
            case END:
            case BSWAP:
                for (int bits = 16; bits <= 64; bits *= 2) {
                    int width = bits;
                    if (op == AluOp.END) {
                        m.put("le" + bits, l -> unary(l, "le" + width, ALU | op.code(), width));
                        m.put("be" + bits, l -> unary(l, "be" + width, ALU | op.code() | X, width));
                    } else {
                        m.put("bswap" + bits, l -> unary(l, "bswap" + width, ALU64 | op.code(), width));
                        m.put("swap" + bits, l -> unary(l, "swap" + width, ALU64 | op.code(), width));
                    }
                }
                break;
            default:
                m.put(name(op), l -> binary(l, ALU64, op));
                m.put(name(op) + "32", l -> binary(l, ALU, op));
        }
    }

    private static void addMemory(Map<String, Encoder> m, Size size) {
        String s = name(size);
        int mem = MemMode.MEM.code() | size.code();
        m.put("ldx" + s, l -> load(l, "ldx" + s, LDX | mem));
        m.put("st" + s, l -> {
            l.expect("st" + s, 2, "[%rD+off], imm");
            AsmLine.Mem dst = l.memory(0);
            return Insn.of(ST | mem, dst.reg(), 0, dst.off(), l.imm32(1));
        });
        m.put("stx" + s, l -> {
            l.expect("stx" + s, 2, "[%rD+off], %rS");
            AsmLine.Mem dst = l.memory(0);
            return Insn.of(STX | mem, dst.reg(), l.register(1), dst.off(), 0);
        });
        if (size != Size.DW) {
            m.put("ldxs" + s, l -> load(l, "ldxs" + s, LDX | MemMode.MEMSX.code() | size.code()));
            m.put("ldabs" + s, l -> {
                l.expect("ldabs" + s, 1, "imm");
                return Insn.of(LD | MemMode.ABS.code() | size.code(), 0, 0, 0, l.imm32(0));
            });
            m.put("ldind" + s, l -> {
                l.expect("ldind" + s, 2, "%rS, imm");
                return Insn.of(LD | MemMode.IND.code() | size.code(), 0, l.register(0), 0, l.imm32(1));
            });
        }
    }

    private static Insn binary(AsmLine l, int cls, AluOp op) {
        l.expect(l.mnemonic(), 2, "%rD, %rS or imm");
        int off = op == AluOp.SDIV || op == AluOp.SMOD ? 1 : 0;
        if (l.isRegister(1)) {
            return Insn.of(cls | op.code() | X, l.register(0), l.register(1), off, 0);
        }
        return Insn.of(cls | op.code(), l.register(0), 0, off, l.imm32(1));
    }

    private static Insn unary(AsmLine l, String mnemonic, int opcode, int imm) {
        l.expect(mnemonic, 1, "%rD");
        return Insn.of(opcode, l.register(0), 0, 0, imm);
    }

    private static Insn movsx(AsmLine l, int cls, int bits) {
        l.expect(l.mnemonic(), 2, "%rD, %rS");
        return Insn.of(cls | AluOp.MOVSX.code() | X, l.register(0), l.register(1), bits, 0);
    }

    private static Insn load(AsmLine l, String mnemonic, int opcode) {
        l.expect(mnemonic, 2, "%rD, [%rS+off]");
        int dst = l.register(0);
        AsmLine.Mem src = l.memory(1);
        return Insn.of(opcode, dst, src.reg(), src.off(), 0);
    }

    private static Insn conditional(AsmLine l, int cls, JumpOp op) {
        l.expect(l.mnemonic(), 3, "%rD, %rS or imm, TARGET");
        int dst = l.register(0);
        if (l.isRegister(1)) {
            return Insn.of(cls | op.code() | X, dst, l.register(1), l.target(2, 16), 0);
        }
        int imm = l.imm32(1);
        return Insn.of(cls | op.code(), dst, 0, l.target(2, 16), imm);
    }
}
