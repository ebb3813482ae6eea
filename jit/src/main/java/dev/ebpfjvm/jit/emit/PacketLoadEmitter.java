package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.PacketLoad;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.MemMode;
import dev.ebpfjvm.core.isa.Reg;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The legacy packet loads LD_ABS and LD_IND, through the shared {@link PacketLoad}: r0 gets the
 * big-endian value, and a load outside the packet returns 0 from the current function, as the
 * kernel's rewrite does.
 *
 * <pre>
 * ldindw r2, 14   →  pc = slot; r0 = PacketLoad.load(memory, r2 + 14L, 4);
 *                    if (r0 &lt; 0) { r0 = 0; return r0; }
 * </pre>
 */
final class PacketLoadEmitter {
    private PacketLoadEmitter() {}

    static void emit(EmitContext ctx, Insn insn, int slot) {
        MethodVisitor mv = ctx.mv();
        ctx.setPc(slot);
        ctx.loadMemory();
        if (insn.mode() == MemMode.IND) {
            ctx.loadReg(insn.src());
            ctx.pushLong(insn.imm());
            mv.visitInsn(Opcodes.LADD);
        } else {
            ctx.pushLong(insn.imm());
        }
        ctx.pushInt(insn.size().bytes());
        Refs.PACKET_LOAD.invoke(mv);
        mv.visitInsn(Opcodes.DUP2);
        ctx.storeReg(Reg.R0);
        mv.visitInsn(Opcodes.LCONST_0);
        mv.visitInsn(Opcodes.LCMP);
        Label loaded = new Label();
        mv.visitJumpInsn(Opcodes.IFGE, loaded);
        mv.visitInsn(Opcodes.LCONST_0);
        ctx.storeReg(Reg.R0);
        ctx.exit();
        mv.visitLabel(loaded);
        ctx.frames().same();
    }
}
