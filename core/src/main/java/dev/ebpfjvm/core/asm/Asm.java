package dev.ebpfjvm.core.asm;

import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.isa.Source;
import dev.ebpfjvm.core.isa.SymbolicInsn;

/**
 * The instructions that are not an operation applied to operands (cilium/ebpf's
 * {@code asm.Return()}, {@code asm.LoadMem}, {@code asm.LoadMapPtr}, {@code FnMapLookupElem.Call()}):
 * exit and calls, unconditional jumps, 64-bit immediate loads, memory access, legacy packet loads,
 * and the unary ALU operations. The binary ALU operations, the conditional jumps and the atomics
 * are built by their operation values: {@link AluOp#imm}, {@link JumpOp#imm}, and
 * {@code AtomicOp.mem}.
 *
 * <p>A method taking a label or a map name returns a {@link SymbolicInsn}, which
 * {@link InsnList} resolves; every other method returns a complete {@link Insn}. Arguments follow
 * the order of the instruction fields (dst, src, off, imm), the access size first as in the
 * mnemonic ({@code ldxw} is {@code ldx(Size.W, …)}).
 */
public final class Asm {
    private static final int JMP = InsnClass.JMP.code();
    private static final int CALL = JMP | JumpOp.CALL.code();

    private Asm() {}

    /** {@return {@code exit}: return r0 from the current function} */
    public static Insn exit() {
        return Insn.of(JMP | JumpOp.EXIT.code(), 0, 0, 0, 0);
    }

    /** {@return {@code call helper}: a call of a helper function by id} */
    public static Insn call(HelperId helper) {
        return call(helper.id());
    }

    /** {@return {@code call id}: a call of a helper function by a raw id, known or not} */
    public static Insn call(int helperId) {
        return Insn.of(CALL, 0, 0, 0, helperId);
    }

    /** {@return {@code callx reg}: a call of the helper whose id is in a register (LLVM's encoding, reg in dst)} */
    public static Insn callx(int reg) {
        return Insn.of(CALL | Source.X.code(), reg, 0, 0, 0);
    }

    /** {@return {@code call function}: a bpf-to-bpf call of the function at a label ({@code BPF_PSEUDO_CALL})} */
    public static SymbolicInsn callLocal(String function) {
        return new SymbolicInsn(callLocal(0), null, function);
    }

    /** {@return a bpf-to-bpf call by a relative slot offset in imm} */
    public static Insn callLocal(int imm) {
        return Insn.of(CALL, 0, 1, 0, imm);
    }

    /** {@return a call of a kernel function by BTF id ({@code BPF_PSEUDO_KFUNC_CALL}), off the BTF object index} */
    public static Insn callKfunc(int btfId, int off) {
        return Insn.of(CALL, 0, 2, off, btfId);
    }

    /** {@return {@code ja label}: jump always, up to 32767 slots away} */
    public static SymbolicInsn ja(String label) {
        return new SymbolicInsn(ja(0), null, label);
    }

    /** {@return {@code ja +off}} */
    public static Insn ja(int off) {
        return Insn.of(JMP | JumpOp.JA.code(), 0, 0, off, 0);
    }

    /** {@return {@code gotol label}: jump always with the offset in imm (JMP32 ja), cilium's LongJump} */
    public static SymbolicInsn gotol(String label) {
        return new SymbolicInsn(gotol(0), null, label);
    }

    /** {@return {@code gotol +imm}} */
    public static Insn gotol(int imm) {
        return Insn.of(InsnClass.JMP32.code() | JumpOp.JA.code(), 0, 0, 0, imm);
    }

    /** {@return {@code lddw dst, imm64}: a 64-bit constant (two slots)} */
    public static Insn lddw(int dst, long imm64) {
        return Insn.lddw(dst, PseudoSrc.NONE, imm64);
    }

    /**
     * {@return {@code lddw dst, map}: the address of the map of a name, which the loader resolves
     * as it does an ELF relocation ({@code BPF_PSEUDO_MAP_FD})}
     */
    public static SymbolicInsn lddwMap(int dst, String map) {
        return new SymbolicInsn(Insn.lddw(dst, PseudoSrc.MAP_FD, 0), null, map);
    }

    /**
     * {@return {@code lddw dst, &map[offset]}: the address of a byte of the value of an array map of
     * one element, as C global data ({@code .data}, {@code .rodata}, {@code .bss}) is reached;
     * the loader resolves it ({@code BPF_PSEUDO_MAP_VALUE})}
     *
     * @param offset the byte offset in the value, not negative
     */
    public static SymbolicInsn lddwMapValue(int dst, String map, int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset + " in the value of map '" + map + "'");
        }
        return new SymbolicInsn(Insn.lddw(dst, PseudoSrc.MAP_VALUE, offset), null, map);
    }

    /**
     * {@return {@code lddw dst, function}: the address of the function at a label, for callbacks
     * ({@code BPF_PSEUDO_FUNC})}
     */
    public static SymbolicInsn lddwFunc(int dst, String function) {
        return new SymbolicInsn(Insn.lddw(dst, PseudoSrc.FUNC, 0), null, function);
    }

    /** {@return {@code ldx dst, [src + off]}: a zero-extending load} */
    public static Insn ldx(Size size, int dst, int src, int off) {
        return Insn.of(InsnClass.LDX.code() | MemMode.MEM.code() | size.code(), dst, src, off, 0);
    }

    /**
     * {@return {@code ldxs dst, [src + off]}: a sign-extending load ({@code BPF_MEMSX})}
     *
     * @param size B, H or W
     */
    public static Insn ldxs(Size size, int dst, int src, int off) {
        noDoubleWord(size, "sign-extending load");
        return Insn.of(InsnClass.LDX.code() | MemMode.MEMSX.code() | size.code(), dst, src, off, 0);
    }

    /** {@return {@code st [dst + off], imm}: a store of an immediate (sign-extended for DW)} */
    public static Insn st(Size size, int dst, int off, int imm) {
        return Insn.of(InsnClass.ST.code() | MemMode.MEM.code() | size.code(), dst, 0, off, imm);
    }

    /** {@return {@code stx [dst + off], src}: a store of a register} */
    public static Insn stx(Size size, int dst, int src, int off) {
        return Insn.of(InsnClass.STX.code() | MemMode.MEM.code() | size.code(), dst, src, off, 0);
    }

    /**
     * {@return {@code ldabs imm}: r0 = the big-endian packet bytes at imm (legacy {@code LD_ABS})}
     *
     * @param size B, H or W
     */
    public static Insn ldAbs(Size size, int imm) {
        noDoubleWord(size, "ld_abs");
        return Insn.of(InsnClass.LD.code() | MemMode.ABS.code() | size.code(), 0, 0, 0, imm);
    }

    /**
     * {@return {@code ldind src, imm}: r0 = the big-endian packet bytes at src + imm (legacy {@code LD_IND})}
     *
     * @param size B, H or W
     */
    public static Insn ldInd(Size size, int src, int imm) {
        noDoubleWord(size, "ld_ind");
        return Insn.of(InsnClass.LD.code() | MemMode.IND.code() | size.code(), 0, src, 0, imm);
    }

    /** {@return {@code neg dst}: dst = -dst (ALU64)} */
    public static Insn neg(int dst) {
        return AluOp.NEG.imm(dst, 0);
    }

    /** {@return {@code neg32 dst}: w(dst) = -w(dst), the upper half zeroed (ALU)} */
    public static Insn neg32(int dst) {
        return AluOp.NEG.imm32(dst, 0);
    }

    /**
     * {@return {@code movsx dst, src}: dst = the low bits of src, sign-extended to 64 bits (ALU64)}
     *
     * @param bits 8, 16 or 32
     */
    public static Insn movsx(int dst, int src, int bits) {
        if (bits != 8 && bits != 16 && bits != 32) {
            throw new IllegalArgumentException("movsx of " + bits + " bits (8, 16 or 32)");
        }
        return Insn.of(InsnClass.ALU64.code() | AluOp.MOVSX.code() | Source.X.code(), dst, src, bits, 0);
    }

    /**
     * {@return {@code movsx32 dst, src}: w(dst) = the low bits of src, sign-extended to 32 bits (ALU)}
     *
     * @param bits 8 or 16
     */
    public static Insn movsx32(int dst, int src, int bits) {
        if (bits != 8 && bits != 16) {
            throw new IllegalArgumentException("movsx32 of " + bits + " bits (8 or 16)");
        }
        return Insn.of(InsnClass.ALU.code() | AluOp.MOVSX.code() | Source.X.code(), dst, src, bits, 0);
    }

    /** {@return {@code le dst}: dst = the low bits of dst in little-endian order, zero-extended (a truncation here)} */
    public static Insn le(int dst, int bits) {
        return Insn.of(InsnClass.ALU.code() | AluOp.END.code() | Source.K.code(), dst, 0, 0, width(bits, "le"));
    }

    /** {@return {@code be dst}: dst = the low bits of dst in big-endian order, zero-extended} */
    public static Insn be(int dst, int bits) {
        return Insn.of(InsnClass.ALU.code() | AluOp.END.code() | Source.X.code(), dst, 0, 0, width(bits, "be"));
    }

    /** {@return {@code bswap dst}: the low bits of dst with their bytes reversed, zero-extended (ALU64)} */
    public static Insn bswap(int dst, int bits) {
        return AluOp.BSWAP.imm(dst, width(bits, "bswap"));
    }

    private static int width(int bits, String op) {
        if (bits != 16 && bits != 32 && bits != 64) {
            throw new IllegalArgumentException(op + " of " + bits + " bits (16, 32 or 64)");
        }
        return bits;
    }

    private static void noDoubleWord(Size size, String what) {
        if (size == Size.DW) {
            throw new IllegalArgumentException(what + " has no 8-byte form (B, H or W)");
        }
    }
}
