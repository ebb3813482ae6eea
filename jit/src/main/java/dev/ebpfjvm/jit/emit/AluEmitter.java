package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Source;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * ALU and ALU64 instructions. Java's operators already give eBPF's results for add, sub, mul,
 * the bitwise operations, negation and shifts (counts masked to the width); division, modulo and
 * byte swaps call the shared {@link dev.ebpfjvm.core.exec.Alu}. 32-bit operations work on
 * {@code int}s and zero-extend the result into the register.
 *
 * <pre>
 * add64 r1, r2   →  r1 = r1 + r2;
 * add32 r1, 7    →  r1 = Integer.toUnsignedLong((int) r1 + 7);
 * div64 r1, r2   →  r1 = Alu.div64(r1, r2);
 * </pre>
 */
final class AluEmitter {
    private AluEmitter() {}

    static void emit(EmitContext ctx, Insn insn) {
        if (insn.is32()) {
            emit32(ctx, insn);
        } else {
            emit64(ctx, insn);
        }
        ctx.storeReg(insn.dst());
    }

    private static void emit64(EmitContext ctx, Insn insn) {
        MethodVisitor mv = ctx.mv();
        AluOp op = insn.aluOp();
        switch (op) {
            case MOV:
                pushOperand64(ctx, insn);
                return;
            case MOVSX:
                ctx.loadReg32(insn.src());
                narrow(mv, insn.off());
                mv.visitInsn(Opcodes.I2L);
                return;
            case NEG:
                ctx.loadReg(insn.dst());
                mv.visitInsn(Opcodes.LNEG);
                return;
            case BSWAP:
                ctx.loadReg(insn.dst());
                ctx.pushInt(insn.imm32());
                Refs.BSWAP.invoke(mv);
                return;
            case LSH:
            case RSH:
            case ARSH:
                ctx.loadReg(insn.dst());
                pushShiftCount(ctx, insn, 63);
                mv.visitInsn(op == AluOp.LSH ? Opcodes.LSHL : op == AluOp.RSH ? Opcodes.LUSHR : Opcodes.LSHR);
                return;
            default:
                ctx.loadReg(insn.dst());
                pushOperand64(ctx, insn);
                binary64(mv, op);
        }
    }

    private static void emit32(EmitContext ctx, Insn insn) {
        MethodVisitor mv = ctx.mv();
        AluOp op = insn.aluOp();
        switch (op) {
            case MOV:
                if (insn.source() == Source.K) {
                    ctx.pushLong(insn.imm() & 0xffffffffL);
                    return;
                }
                ctx.loadReg32(insn.src());
                break;
            case MOVSX:
                ctx.loadReg32(insn.src());
                narrow(mv, insn.off());
                break;
            case NEG:
                ctx.loadReg32(insn.dst());
                mv.visitInsn(Opcodes.INEG);
                break;
            case END:
                ctx.loadReg(insn.dst());
                ctx.pushInt(insn.imm32());
                (insn.source() == Source.K ? Refs.TRUNCATE : Refs.BSWAP).invoke(mv);
                return;
            case DIV:
            case MOD:
            case SDIV:
            case SMOD:
                ctx.loadReg(insn.dst());
                pushOperand64(ctx, insn);
                division(op, true).invoke(mv);
                return;
            case LSH:
            case RSH:
            case ARSH:
                ctx.loadReg32(insn.dst());
                pushShiftCount(ctx, insn, 31);
                mv.visitInsn(op == AluOp.LSH ? Opcodes.ISHL : op == AluOp.RSH ? Opcodes.IUSHR : Opcodes.ISHR);
                break;
            default:
                ctx.loadReg32(insn.dst());
                if (insn.source() == Source.K) {
                    ctx.pushInt(insn.imm32());
                } else {
                    ctx.loadReg32(insn.src());
                }
                binary32(mv, op);
        }
        ctx.zeroExtend();
    }

    /** Pushes src, or the immediate sign-extended to 64 bits. */
    private static void pushOperand64(EmitContext ctx, Insn insn) {
        if (insn.source() == Source.K) {
            ctx.pushLong(insn.imm());
        } else {
            ctx.loadReg(insn.src());
        }
    }

    /** Pushes the shift count as an int; Java masks it to the width exactly as eBPF does. */
    private static void pushShiftCount(EmitContext ctx, Insn insn, int mask) {
        if (insn.source() == Source.K) {
            ctx.pushInt(insn.imm32() & mask);
        } else {
            ctx.loadReg32(insn.src());
        }
    }

    /** Narrows the int on the stack to its low {@code bits} (8, 16 or 32), sign-extended, as Alu.signExtend does. */
    private static void narrow(MethodVisitor mv, int bits) {
        if (bits == 8) {
            mv.visitInsn(Opcodes.I2B);
        } else if (bits == 16) {
            mv.visitInsn(Opcodes.I2S);
        }
    }

    private static void binary64(MethodVisitor mv, AluOp op) {
        switch (op) {
            case ADD:
                mv.visitInsn(Opcodes.LADD);
                break;
            case SUB:
                mv.visitInsn(Opcodes.LSUB);
                break;
            case MUL:
                mv.visitInsn(Opcodes.LMUL);
                break;
            case OR:
                mv.visitInsn(Opcodes.LOR);
                break;
            case AND:
                mv.visitInsn(Opcodes.LAND);
                break;
            case XOR:
                mv.visitInsn(Opcodes.LXOR);
                break;
            default:
                division(op, false).invoke(mv);
        }
    }

    private static void binary32(MethodVisitor mv, AluOp op) {
        switch (op) {
            case ADD:
                mv.visitInsn(Opcodes.IADD);
                break;
            case SUB:
                mv.visitInsn(Opcodes.ISUB);
                break;
            case MUL:
                mv.visitInsn(Opcodes.IMUL);
                break;
            case OR:
                mv.visitInsn(Opcodes.IOR);
                break;
            case AND:
                mv.visitInsn(Opcodes.IAND);
                break;
            case XOR:
                mv.visitInsn(Opcodes.IXOR);
                break;
            default:
                throw new AssertionError(op);
        }
    }

    private static Refs.MethodRef division(AluOp op, boolean is32) {
        switch (op) {
            case DIV:
                return is32 ? Refs.DIV32 : Refs.DIV64;
            case MOD:
                return is32 ? Refs.MOD32 : Refs.MOD64;
            case SDIV:
                return is32 ? Refs.SDIV32 : Refs.SDIV64;
            case SMOD:
                return is32 ? Refs.SMOD32 : Refs.SMOD64;
            default:
                throw new AssertionError(op);
        }
    }
}
