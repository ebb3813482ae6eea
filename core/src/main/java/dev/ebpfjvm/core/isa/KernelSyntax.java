package dev.ebpfjvm.core.isa;

import java.util.function.IntFunction;

/**
 * Prints an instruction as {@code bpftool prog dump xlated} does: print_bpf_insn() in
 * kernel/bpf/disasm.c (v6.18) with bpftool's print_imm() for 64-bit loads
 * (tools/bpf/bpftool/xlated_dumper.c): {@code w0 += w1}, {@code r0 = *(u32 *)(r1 +4)},
 * {@code if r1 > 0x5 goto pc+3}, {@code call bpf_map_lookup_elem#1}, {@code r1 = 0xffffffff},
 * {@code r1 = map[id:3]}, {@code r1 = map[id:3][0]+16}, {@code r1 = subprog[+2]}. A 64-bit load of
 * another pseudo source ({@code BPF_PSEUDO_MAP_IDX}, {@code BPF_PSEUDO_BTF_ID}) prints its raw
 * constant, as bpftool does. One form is ours: the kernel has no {@code callx} ({@code BPF_CALL |
 * BPF_X}, which LLVM emits and the kernel rejects) and would print it as a call of helper 0, so it
 * prints as {@code callx r2}.
 */
final class KernelSyntax {
    private KernelSyntax() {}

    /**
     * {@return the text of an instruction; a malformed one prints its fields and the reason}
     *
     * @param helperName the name of a helper id, or null when unknown (printed as {@code call #N})
     */
    static String format(Insn insn, IntFunction<String> helperName) {
        String reason = InsnValidator.check(insn);
        if (reason != null) {
            return "invalid insn " + fields(insn) + ": " + reason;
        }
        switch (insn.insnClass()) {
            case ALU:
            case ALU64:
                return alu(insn);
            case JMP:
            case JMP32:
                return jump(insn, helperName);
            case LD:
                return ld(insn);
            case LDX:
                return "r" + insn.dst() + " = " + mem(insn, insn.src());
            case ST:
                return mem(insn, insn.dst()) + " = " + insn.imm();
            case STX:
                return insn.mode() == MemMode.ATOMIC ? atomic(insn) : mem(insn, insn.dst()) + " = r" + insn.src();
            default:
                throw new AssertionError(insn.insnClass());
        }
    }

    /** {@return the raw fields, for instructions no syntax can spell} */
    static String fields(Insn insn) {
        return String.format(
                "(op 0x%02x dst %d src %d off %d imm %d)",
                insn.opcode(), insn.dst(), insn.src(), insn.off(), insn.imm());
    }

    private static String alu(Insn insn) {
        char r = insn.insnClass() == InsnClass.ALU ? 'w' : 'r';
        int dst = insn.dst();
        AluOp op = insn.aluOp();
        switch (op) {
            case NEG:
                return r + "" + dst + " = -" + r + dst;
            case END:
                return "r" + dst + " = " + (insn.source() == Source.X ? "be" : "le") + insn.imm() + " r" + dst;
            case BSWAP:
                return "r" + dst + " = bswap" + insn.imm() + " r" + dst;
            case MOVSX:
                return r + "" + dst + " = (s" + insn.off() + ")" + r + insn.src();
            default:
                String rhs = insn.source() == Source.X ? r + "" + insn.src() : Long.toString(insn.imm());
                return r + "" + dst + " " + symbol(op) + " " + rhs;
        }
    }

    private static String symbol(AluOp op) {
        switch (op) {
            case ADD:
                return "+=";
            case SUB:
                return "-=";
            case MUL:
                return "*=";
            case DIV:
                return "/=";
            case SDIV:
                return "s/=";
            case OR:
                return "|=";
            case AND:
                return "&=";
            case LSH:
                return "<<=";
            case RSH:
                return ">>=";
            case MOD:
                return "%=";
            case SMOD:
                return "s%=";
            case XOR:
                return "^=";
            case MOV:
                return "=";
            case ARSH:
                return "s>>=";
            default:
                throw new AssertionError(op);
        }
    }

    private static String jump(Insn insn, IntFunction<String> helperName) {
        boolean jmp32 = insn.insnClass() == InsnClass.JMP32;
        JumpOp op = insn.jumpOp();
        switch (op) {
            case JA:
                return jmp32 ? "gotol pc" + signed(insn.imm()) : "goto pc" + signed(insn.off());
            case EXIT:
                return "exit";
            case CALL:
                return call(insn, helperName);
            default:
                char r = jmp32 ? 'w' : 'r';
                String rhs = insn.source() == Source.X ? r + "" + insn.src() : "0x" + Integer.toHexString(insn.imm32());
                return "if " + r + insn.dst() + " " + symbol(op) + " " + rhs + " goto pc" + signed(insn.off());
        }
    }

    private static String symbol(JumpOp op) {
        switch (op) {
            case JEQ:
                return "==";
            case JGT:
                return ">";
            case JGE:
                return ">=";
            case JSET:
                return "&";
            case JNE:
                return "!=";
            case JSGT:
                return "s>";
            case JSGE:
                return "s>=";
            case JLT:
                return "<";
            case JLE:
                return "<=";
            case JSLT:
                return "s<";
            case JSLE:
                return "s<=";
            default:
                throw new AssertionError(op);
        }
    }

    private static String call(Insn insn, IntFunction<String> helperName) {
        if (insn.source() == Source.X) {
            return "callx r" + insn.dst();
        }
        if (insn.isLocalCall()) {
            return "call pc" + signed(insn.imm());
        }
        if (insn.isKfuncCall()) {
            return "call kernel-function#" + insn.imm();
        }
        String name = helperName.apply(insn.imm32());
        return "call " + (name == null ? "unknown" : name) + "#" + insn.imm();
    }

    private static String ld(Insn insn) {
        String type = "*(u" + insn.size().bytes() * 8 + " *)";
        if (insn.mode() == MemMode.ABS) {
            return "r0 = " + type + "skb[" + insn.imm() + "]";
        }
        if (insn.mode() == MemMode.IND) {
            return "r0 = " + type + "skb[r" + insn.src() + " + " + insn.imm() + "]";
        }
        long imm = insn.imm();
        int lo = (int) imm;
        int hi = (int) (imm >>> 32);
        String value;
        switch (insn.pseudoSrc()) {
            case MAP_FD:
                value = "map[id:" + lo + "]";
                break;
            case MAP_VALUE:
                value = "map[id:" + lo + "][0]+" + hi;
                break;
            case MAP_IDX_VALUE:
                value = "map[idx:" + lo + "]+" + hi;
                break;
            case FUNC:
                value = "subprog[" + signed(lo) + "]";
                break;
            default:
                value = "0x" + Long.toHexString(imm);
        }
        return "r" + insn.dst() + " = " + value;
    }

    private static String atomic(Insn insn) {
        AtomicOp op = insn.atomicOp();
        String bits = insn.size() == Size.DW ? "64" : "";
        String addr = "(" + type(insn) + " *)" + address(insn.dst(), insn.off());
        int src = insn.src();
        switch (op) {
            case ADD:
                return "lock *" + addr + " += r" + src;
            case AND:
                return "lock *" + addr + " &= r" + src;
            case OR:
                return "lock *" + addr + " |= r" + src;
            case XOR:
                return "lock *" + addr + " ^= r" + src;
            case CMPXCHG:
                return "r0 = atomic" + bits + "_cmpxchg(" + addr + ", r0, r" + src + ")";
            default:
                String fn = AsmEncoders.name(op);
                return "r" + src + " = atomic" + bits + "_" + fn + "(" + addr + ", r" + src + ")";
        }
    }

    /** {@code *(u32 *)(r1 +4)}, with the sign-extending types of BPF_MEMSX. */
    private static String mem(Insn insn, int reg) {
        return "*(" + type(insn) + " *)" + address(reg, insn.off());
    }

    private static String type(Insn insn) {
        return (insn.mode() == MemMode.MEMSX ? "s" : "u") + insn.size().bytes() * 8;
    }

    /** {@code (r10 -8)}, {@code (r1 +0)}: the kernel's {@code "(r%d %+d)"}. */
    private static String address(int reg, int off) {
        return "(r" + reg + " " + signed(off) + ")";
    }

    private static String signed(long v) {
        return v < 0 ? Long.toString(v) : "+" + v;
    }
}
