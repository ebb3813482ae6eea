package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.PseudoSrc;
import org.objectweb.asm.Opcodes;

/**
 * {@code lddw}: its 64-bit immediate, already resolved by the loader; or, for
 * {@code BPF_PSEUDO_FUNC}, the address of a function of this program, {@code (region << 32) | slot}
 * in the program's {@link FunctionRegion}, as the interpreter gives it.
 *
 * <pre>
 * lddw r1, 0x1122334455667788   →  r1 = 0x1122334455667788L;
 * lddw r1, func                 →  r1 = FUNCTIONS.base() | slot_of_func;      // FUNCTIONS: ldc
 * </pre>
 */
final class LddwEmitter {
    private LddwEmitter() {}

    static void emit(EmitContext ctx, Insn insn, int slot) {
        if (insn.pseudoSrc() == PseudoSrc.FUNC) {
            ctx.env().data().load(ctx.mv(), ctx.env().functions(), FunctionRegion.class);
            Refs.FUNCTION_BASE.invoke(ctx.mv());
            ctx.pushIntUnpooled(slot + 1 + insn.imm32());
            ctx.mv().visitInsn(Opcodes.I2L);
            ctx.mv().visitInsn(Opcodes.LOR);
        } else {
            ctx.pushLong(insn.imm());
        }
        ctx.storeReg(insn.dst());
    }
}
