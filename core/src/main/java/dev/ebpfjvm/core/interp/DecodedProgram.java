package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.exec.BudgetPoints;
import dev.ebpfjvm.core.exec.Helper;
import dev.ebpfjvm.core.exec.Program;

/**
 * A program decoded once for the dispatch loop: one {@code long} per slot holding everything the
 * loop needs, so that executing an instruction reads one array element and never an object.
 *
 * <pre>
 *  code[pc] = | imm:32 (signed) | off:16 (signed) | src:4 | dst:4 | op:8 |
 *
 *  op   an {@link Op} code
 *  off  the memory offset; the jump offset of a conditional jump; the width of MOVSX; the size
 *       of LD_PKT
 *  imm  the immediate (ALU64, JMP and ST use it sign-extended); the jump offset of JA (gotol
 *       too) and of CALL_LOCAL; the width of END; the {@code AtomicOp} ordinal of an atomic
 *  code[pc + 1] after an LDDW: its whole 64-bit value (the second slot is never executed)
 * </pre>
 *
 * No slot past the end is needed: the validator has made sure every function ends in exit or ja.
 */
final class DecodedProgram {
    /** The register index that always reads 0; LD_ABS is decoded as LD_IND from it. */
    static final int ZERO_REG = 11;

    final Program program;
    final long[] code;
    /** The helper each CALL_HELPER slot calls, resolved at load; null elsewhere. */
    final Helper[] helpers;
    /** The slots of the lddw instructions that load a function's address ({@code BPF_PSEUDO_FUNC}). */
    final int[] functionRefs;
    /** The slots whose every arrival costs one unit of the budget ({@link BudgetPoints}). */
    final boolean[] budgetPoints;

    DecodedProgram(Program program, long[] code, Helper[] helpers, int[] functionRefs) {
        this.program = program;
        this.budgetPoints = BudgetPoints.of(program.insns());
        this.code = code;
        this.helpers = helpers;
        this.functionRefs = functionRefs;
    }

    /** {@return a code word from its fields} */
    static long word(int op, int dst, int src, int off, int imm) {
        return op | dst << 8 | src << 12 | (off & 0xffffL) << 16 | (long) imm << 32;
    }

    /** {@return the number of slots of the program} */
    int slots() {
        return code.length;
    }

    /** {@return the operation at a slot} */
    int op(int pc) {
        return (int) code[pc] & 0xff;
    }

    /** {@return the destination register at a slot} */
    int dst(int pc) {
        return ((int) code[pc] >>> 8) & 0xf;
    }

    /** {@return the source register at a slot} */
    int src(int pc) {
        return ((int) code[pc] >>> 12) & 0xf;
    }

    /** {@return the offset field at a slot} */
    int off(int pc) {
        return (int) code[pc] >> 16;
    }
}
