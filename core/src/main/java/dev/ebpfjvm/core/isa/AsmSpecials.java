package dev.ebpfjvm.core.isa;

/**
 * The mnemonics whose operands change shape: {@code call} (helper by id or register, local
 * function, runtime function), {@code lock} (the atomics, spelled {@code lock [fetch] OP [mem], %rS})
 * and {@code lddw} (with an optional pseudo source, an extension of the conformance syntax).
 */
final class AsmSpecials {
    private static final String CALL_SHAPES = "N, %rN, helper N, local TARGET or runtime N";

    private AsmSpecials() {}

    /**
     * {@code call N} and {@code call helper N} call a helper by id; {@code call %rN} is callx
     * (opcode 0x8d, the register in dst as LLVM and bpf_conformance encode it); {@code call local
     * TARGET} is a bpf-to-bpf call (src 1, imm the slot offset); {@code call runtime N [, OFF]} a
     * kfunc (src 2, OFF the BTF object index in off, an extension).
     */
    static Insn call(AsmLine l) {
        int n = l.operandCount();
        String mode = n >= 2 ? l.operand(0) : "helper";
        int arg = n >= 2 ? 1 : 0;
        int call = AsmEncoders.JMP | JumpOp.CALL.code();
        if (n == 0 || n > 3 || (n == 3 && !mode.equals("runtime"))) {
            throw l.error("wrong number of operands for 'call': expected " + CALL_SHAPES + ", got " + n);
        }
        switch (mode) {
            case "helper":
                if (l.isRegister(arg)) {
                    return Insn.of(call | AsmEncoders.X, l.register(arg), 0, 0, 0);
                }
                return Insn.of(call, 0, 0, 0, l.imm32(arg));
            case "local":
                return Insn.of(call, 0, 1, 0, l.target(arg, 32));
            case "runtime":
                int off = n == 3 ? (int) l.number(l.operand(2), 16, "offset") : 0;
                return Insn.of(call, 0, 2, off, l.imm32(arg));
            default:
                throw l.error("invalid call mode '" + mode + "' (expected " + CALL_SHAPES + ")");
        }
    }

    /**
     * {@code lock [fetch] OP[32] [%rD+off], %rS} with OP one of add, and, or, xor; and
     * {@code lock xchg[32]} and {@code lock cmpxchg[32]}, which always fetch. The 32 suffix picks a
     * 4-byte access (size W), none an 8-byte one.
     */
    static Insn atomic(AsmLine l) {
        int n = l.operandCount();
        boolean fetch = n > 0 && l.operand(0).equals("fetch");
        int first = fetch ? 1 : 0;
        if (n != first + 3) {
            throw l.error("wrong number of operands for 'lock': expected [fetch] OP [%rD+off], %rS, got " + n);
        }
        String op = l.operand(first);
        boolean word = op.endsWith("32");
        String base = word ? op.substring(0, op.length() - 2) : op;
        AtomicOp atomic = atomicOp(base, fetch);
        if (atomic == null) {
            throw l.error("invalid atomic operation '" + op
                    + "' (expected add, and, or, xor, xchg or cmpxchg, with an optional 32)");
        }
        AsmLine.Mem dst = l.memory(first + 1);
        int opcode = AsmEncoders.STX | MemMode.ATOMIC.code() | (word ? Size.W : Size.DW).code();
        return Insn.of(opcode, dst.reg(), l.register(first + 2), dst.off(), atomic.code());
    }

    private static AtomicOp atomicOp(String base, boolean fetch) {
        switch (base) {
            case "add":
                return fetch ? AtomicOp.FETCH_ADD : AtomicOp.ADD;
            case "and":
                return fetch ? AtomicOp.FETCH_AND : AtomicOp.AND;
            case "or":
                return fetch ? AtomicOp.FETCH_OR : AtomicOp.OR;
            case "xor":
                return fetch ? AtomicOp.FETCH_XOR : AtomicOp.XOR;
            case "xchg":
                return AtomicOp.XCHG;
            case "cmpxchg":
                return AtomicOp.CMPXCHG;
            default:
                return null;
        }
    }

    /**
     * {@code lddw %rD, imm64} loads a 64-bit constant; {@code lddw %rD, imm64, map_fd} (or any other
     * lower-case {@link PseudoSrc} name) sets the pseudo source, which the conformance syntax lacks.
     */
    static Insn lddw(AsmLine l) {
        if (l.operandCount() != 2 && l.operandCount() != 3) {
            throw l.error(
                    "wrong number of operands for 'lddw': expected 2 (%rD, imm64) or 3 (%rD, imm64, pseudo source), got "
                            + l.operandCount());
        }
        PseudoSrc src = l.operandCount() == 3 ? pseudoSrc(l, l.operand(2)) : PseudoSrc.NONE;
        return Insn.lddw(l.register(0), src, l.imm64(1));
    }

    private static PseudoSrc pseudoSrc(AsmLine l, String name) {
        for (PseudoSrc src : PseudoSrc.values()) {
            if (AsmEncoders.name(src).equals(name)) {
                return src;
            }
        }
        throw l.error("invalid lddw pseudo source '" + name
                + "' (expected map_fd, map_value, btf_id, func, map_idx or map_idx_value)");
    }
}
