package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.isa.Instructions;
import java.util.Objects;

/**
 * A program as the engines take it: named instructions whose map and global references are
 * already resolved to addresses (every lddw holds its final 64-bit value), and the helper
 * functions its calls resolve to.
 *
 * @param name the program's name (its C function name, or a test's name)
 * @param insns the instructions
 * @param helpers the helper functions calls by id resolve to
 */
public record Program(String name, Instructions insns, HelperRegistry helpers) {
    public Program {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(insns, "insns");
        Objects.requireNonNull(helpers, "helpers");
    }
}
