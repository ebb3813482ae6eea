package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.BudgetPoints;
import dev.ebpfjvm.core.exec.Program;

/**
 * What every method of one generated class shares.
 *
 * @param owner the internal name of the class
 * @param data the class data constants
 * @param program the program being compiled
 * @param lineNumbers whether to record each instruction's slot as its line number (for dumps and debuggers)
 * @param functions the region of the program's function addresses, used when its code takes one
 * @param budgetPoints the slots where the code pays one unit of the run's budget ({@link BudgetPoints})
 */
public record ClassEnv(
        String owner,
        ClassData data,
        Program program,
        boolean lineNumbers,
        FunctionRegion functions,
        boolean[] budgetPoints) {
    /** An environment whose budget points are those of {@code program}. */
    public ClassEnv(String owner, ClassData data, Program program, boolean lineNumbers, FunctionRegion functions) {
        this(owner, data, program, lineNumbers, functions, BudgetPoints.of(program.insns()));
    }
}
