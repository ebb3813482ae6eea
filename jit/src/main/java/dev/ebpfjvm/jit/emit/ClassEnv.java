package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.Program;

/**
 * What every method of one generated class shares.
 *
 * @param owner the internal name of the class
 * @param data the class data constants
 * @param program the program being compiled
 * @param lineNumbers whether to record each instruction's slot as its line number (for dumps and debuggers)
 * @param functions the region of the program's function addresses, used when its code takes one
 */
public record ClassEnv(String owner, ClassData data, Program program, boolean lineNumbers, FunctionRegion functions) {
}
