package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.Source;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code ja}, {@code gotol} and the conditional jumps of JMP (64-bit operands) and JMP32 (their low
 * 32 bits). Unsigned comparisons go through {@code Long/Integer.compareUnsigned}, which C2
 * compiles to an unsigned compare.
 *
 * <pre>
 * jgt r1, r2, L    →  if (Long.compareUnsigned(r1, r2) > 0) goto L;
 * jslt32 r1, 5, L  →  if ((int) r1 < 5) goto L;
 * jset r1, 8, L    →  if ((r1 &amp; 8L) != 0) goto L;
 * </pre>
 */
final class JumpEmitter {
    private JumpEmitter() {}

    static void emit(EmitContext ctx, Insn insn, int slot) {
        MethodVisitor mv = ctx.mv();
        Label target = ctx.target(insn.jumpTarget(slot));
        JumpOp op = insn.jumpOp();
        if (op == JumpOp.JA) {
            mv.visitJumpInsn(Opcodes.GOTO, target);
            return;
        }
        boolean is32 = insn.insnClass() == InsnClass.JMP32;
        pushOperands(ctx, insn, is32);
        switch (op) {
            case JSET:
                if (is32) {
                    mv.visitInsn(Opcodes.IAND);
                    mv.visitJumpInsn(Opcodes.IFNE, target);
                } else {
                    mv.visitInsn(Opcodes.LAND);
                    mv.visitInsn(Opcodes.LCONST_0);
                    mv.visitInsn(Opcodes.LCMP);
                    mv.visitJumpInsn(Opcodes.IFNE, target);
                }
                return;
            case JGT:
            case JGE:
            case JLT:
            case JLE:
                (is32 ? Refs.COMPARE_UNSIGNED32 : Refs.COMPARE_UNSIGNED64).invoke(mv);
                mv.visitJumpInsn(compareWithZero(op), target);
                return;
            default:
                if (is32) {
                    mv.visitJumpInsn(intCompare(op), target);
                } else {
                    mv.visitInsn(Opcodes.LCMP);
                    mv.visitJumpInsn(compareWithZero(op), target);
                }
        }
    }

    private static void pushOperands(EmitContext ctx, Insn insn, boolean is32) {
        if (is32) {
            ctx.loadReg32(insn.dst());
            if (insn.source() == Source.K) {
                ctx.pushInt(insn.imm32());
            } else {
                ctx.loadReg32(insn.src());
            }
        } else {
            ctx.loadReg(insn.dst());
            if (insn.source() == Source.K) {
                ctx.pushLong(insn.imm());
            } else {
                ctx.loadReg(insn.src());
            }
        }
    }

    /** {@return the branch on a comparison result (an int &lt;0, 0, &gt;0) that takes the jump} */
    private static int compareWithZero(JumpOp op) {
        switch (op) {
            case JEQ:
                return Opcodes.IFEQ;
            case JNE:
                return Opcodes.IFNE;
            case JGT:
            case JSGT:
                return Opcodes.IFGT;
            case JGE:
            case JSGE:
                return Opcodes.IFGE;
            case JLT:
            case JSLT:
                return Opcodes.IFLT;
            case JLE:
            case JSLE:
                return Opcodes.IFLE;
            default:
                throw new AssertionError(op);
        }
    }

    /** {@return the signed int comparison branch of an equality or signed jump} */
    private static int intCompare(JumpOp op) {
        switch (op) {
            case JEQ:
                return Opcodes.IF_ICMPEQ;
            case JNE:
                return Opcodes.IF_ICMPNE;
            case JSGT:
                return Opcodes.IF_ICMPGT;
            case JSGE:
                return Opcodes.IF_ICMPGE;
            case JSLT:
                return Opcodes.IF_ICMPLT;
            case JSLE:
                return Opcodes.IF_ICMPLE;
            default:
                throw new AssertionError(op);
        }
    }
}
