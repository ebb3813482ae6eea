package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.MemMode;

/** Emits one instruction by handing it to the emitter of its family. */
final class InsnEmitter {
    private InsnEmitter() {}

    /** {@return true for loads, stores and atomics (LDX, ST, STX)} */
    static boolean accessesMemory(Insn insn) {
        switch (insn.insnClass()) {
            case LDX:
            case ST:
            case STX:
                return true;
            default:
                return false;
        }
    }

    /** {@return true for the loads and stores whose code follows the memory facts (atomics do not)} */
    static boolean usesRegionFacts(Insn insn) {
        return accessesMemory(insn) && insn.mode() != MemMode.ATOMIC;
    }

    /** {@return true when the instruction's code can throw: memory accesses, legacy packet loads and calls} */
    static boolean canFault(Insn insn) {
        switch (insn.insnClass()) {
            case LD:
                return !insn.isWide();
            case JMP:
            case JMP32:
                return insn.jumpOp() == JumpOp.CALL;
            default:
                return accessesMemory(insn);
        }
    }

    static void emit(EmitContext ctx, Insn insn, int slot) {
        switch (insn.insnClass()) {
            case ALU:
            case ALU64:
                AluEmitter.emit(ctx, insn);
                return;
            case JMP:
            case JMP32:
                if (insn.jumpOp() == JumpOp.CALL) {
                    CallEmitter.emit(ctx, insn, slot);
                } else if (insn.isExit()) {
                    ctx.exit();
                } else {
                    JumpEmitter.emit(ctx, insn, slot);
                }
                return;
            case LD:
                if (insn.isWide()) {
                    LddwEmitter.emit(ctx, insn, slot);
                } else {
                    PacketLoadEmitter.emit(ctx, insn, slot);
                }
                return;
            case LDX:
                MemEmitter.emitLoad(ctx, insn, slot);
                return;
            case ST:
                MemEmitter.emitStore(ctx, insn, slot);
                return;
            case STX:
                if (insn.mode() == MemMode.ATOMIC) {
                    AtomicEmitter.emit(ctx, insn, slot);
                } else {
                    MemEmitter.emitStore(ctx, insn, slot);
                }
                return;
            default:
                throw new AssertionError(insn);
        }
    }
}
