package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.exec.Helper;
import dev.ebpfjvm.core.exec.Program;

/**
 * A program decoded once for the dispatch loop: parallel primitive arrays indexed by slot, so
 * that executing an instruction reads two or three array elements and never an object.
 *
 * <pre>
 *  code[pc] = | unused:16 | src:4 | dst:4 | op:8 |     op: an {@link Op} code
 *  off[pc]  = memory offset; jump or call target slot - 1 (the loop increments pc after every
 *             instruction); access size of LD_PKT
 *  imm[pc]  = the immediate: sign-extended to 64 bits for 64-bit operations, the whole value of
 *             an lddw, the width of MOVSX/END, the AtomicOp ordinal of an atomic
 * </pre>
 *
 * The arrays have one extra slot at the end holding {@link Op#FELL_OFF}, so that a program that
 * runs past its last instruction faults there. The second slot of an lddw is never executed.
 */
final class DecodedProgram {
    /** The register index that always reads 0; LD_ABS is decoded as LD_IND from it. */
    static final int ZERO_REG = 11;
    /** The registers a frame holds: r0–r10 and {@link #ZERO_REG}. */
    static final int REGISTERS = 12;

    final Program program;
    final int[] code;
    final int[] off;
    final long[] imm;
    /** The helper each CALL_HELPER slot calls, resolved at load; null elsewhere. */
    final Helper[] helpers;
    /** The slots of the lddw instructions that load a function's address ({@code BPF_PSEUDO_FUNC}). */
    final int[] functionRefs;

    DecodedProgram(Program program, int[] code, int[] off, long[] imm, Helper[] helpers, int[] functionRefs) {
        this.program = program;
        this.code = code;
        this.off = off;
        this.imm = imm;
        this.helpers = helpers;
        this.functionRefs = functionRefs;
    }

    /** {@return the number of slots of the program, without the sentinel} */
    int slots() {
        return code.length - 1;
    }

    /** {@return the operation at a slot} */
    int op(int pc) {
        return code[pc] & 0xff;
    }

    /** {@return the destination register at a slot} */
    int dst(int pc) {
        return (code[pc] >>> 8) & 0xf;
    }

    /** {@return the source register at a slot} */
    int src(int pc) {
        return (code[pc] >>> 12) & 0xf;
    }
}
