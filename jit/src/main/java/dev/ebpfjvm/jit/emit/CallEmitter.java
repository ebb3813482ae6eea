package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Helper;
import dev.ebpfjvm.core.exec.HelperFunction;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.TailCalls;
import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Reg;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Calls: helpers (resolved once, here, and loaded as a class-data constant so that C2 inlines the
 * helper; in a program that takes function addresses the caller's depth is recorded first, for
 * helpers that call back, see {@link dev.ebpfjvm.core.exec.Callback}), {@code bpf_tail_call}, {@code callx} through the registry, and bpf-to-bpf calls, which
 * are JVM calls of the callee's method on the next stack frame. The callee's r6–r9 are its own
 * locals, so the caller's are preserved as the ABI requires.
 *
 * <pre>
 * call 5            →  pc = slot; r0 = HELPER_5.call(ctx, r1, r2, r3, r4, r5);     // HELPER_5: ldc
 * call local f      →  pc = slot; r0 = f(ctx, r1, r2, r3, r4, r5, nextFrame(depth));
 * call 12           →  pc = slot; Executable t = TailCalls.resolve(ctx, r2, r3);
 *                      if (t != null) return TailCalls.enter(t, ctx, r1, 0, depth);
 *                      r0 = TailCalls.FALL_THROUGH_R0;
 * </pre>
 */
final class CallEmitter {
    /** The opcode of {@code callx}: JMP | CALL | X, the helper id in the dst register. */
    static final int CALLX = 0x8d;

    private CallEmitter() {}

    static void emit(EmitContext ctx, Insn insn, int slot) {
        if (insn.opcode() == CALLX) {
            emitCallx(ctx, insn, slot);
        } else if (insn.isLocalCall()) {
            emitLocal(ctx, insn, slot);
        } else if (insn.isKfuncCall()) {
            throw new UnsupportedFeatureException(
                    "insn " + slot + ": kernel function calls (kfunc btf id " + insn.imm() + ") are not supported");
        } else if (insn.imm() == TailCalls.HELPER_ID) {
            emitTailCall(ctx, slot);
        } else {
            emitHelper(ctx, insn, slot);
        }
    }

    private static void emitHelper(EmitContext ctx, Insn insn, int slot) {
        HelperFunction helper = ctx.program().helpers().get(insn.imm32());
        if (helper == null) {
            throw new InvalidProgramException(slot, HelperId.missing(insn.imm()));
        }
        ctx.setPc(slot);
        if (ctx.env().functions() != null) {
            ctx.loadCtx();
            ctx.loadDepth();
            Refs.SET_CALL_DEPTH.invoke(ctx.mv());
        }
        ctx.env().data().load(ctx.mv(), helper.impl(), Helper.class);
        pushArguments(ctx);
        Refs.HELPER_CALL.invoke(ctx.mv());
        ctx.storeReg(Reg.R0);
    }

    private static void emitCallx(EmitContext ctx, Insn insn, int slot) {
        ctx.setPc(slot);
        ctx.env().data().load(ctx.mv(), ctx.program().helpers(), HelperRegistry.class);
        ctx.loadCtx();
        ctx.loadReg(insn.dst());
        for (int r = Reg.R1; r <= Reg.R5; r++) {
            ctx.loadReg(r);
        }
        Refs.CALL_INDIRECT.invoke(ctx.mv());
        ctx.storeReg(Reg.R0);
    }

    private static void emitLocal(EmitContext ctx, Insn insn, int slot) {
        ctx.setPc(slot);
        pushArguments(ctx);
        ctx.loadDepth();
        Refs.NEXT_FRAME.invoke(ctx.mv());
        int callee = ctx.plan().functionAt(insn.jumpTarget(slot)).range().index();
        ctx.mv()
                .visitMethodInsn(
                        Opcodes.INVOKESTATIC,
                        ctx.env().owner(),
                        Signatures.function(callee),
                        Signatures.FUNCTION,
                        false);
        ctx.storeReg(Reg.R0);
    }

    private static void emitTailCall(EmitContext ctx, int slot) {
        MethodVisitor mv = ctx.mv();
        ctx.setPc(slot);
        ctx.loadCtx();
        ctx.loadReg(Reg.R2);
        ctx.loadReg(Reg.R3);
        Refs.TAIL_CALL_RESOLVE.invoke(mv);
        mv.visitInsn(Opcodes.DUP);
        Label fallThrough = new Label();
        mv.visitJumpInsn(Opcodes.IFNULL, fallThrough);
        ctx.loadCtx();
        ctx.loadReg(Reg.R1);
        mv.visitInsn(Opcodes.LCONST_0);
        ctx.loadDepth();
        Refs.TAIL_CALL_ENTER.invoke(mv);
        ctx.exitWithStackTop();
        mv.visitLabel(fallThrough);
        ctx.frames().same1(Type.getInternalName(Executable.class));
        mv.visitInsn(Opcodes.POP);
        ctx.pushLong(TailCalls.FALL_THROUGH_R0);
        ctx.storeReg(Reg.R0);
    }

    /** Pushes the context and r1–r5. */
    private static void pushArguments(EmitContext ctx) {
        ctx.loadCtx();
        for (int r = Reg.R1; r <= Reg.R5; r++) {
            ctx.loadReg(r);
        }
    }
}
