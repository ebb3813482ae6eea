package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.memory.Reach;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.Objects;

/**
 * A program as the engines take it: named instructions whose map and global references are
 * already resolved to addresses (every lddw holds its final 64-bit value), the helper functions its
 * calls resolve to, and the long-lived regions its addresses may reach.
 *
 * @param name the program's name (its C function name, or a test's name)
 * @param insns the instructions
 * @param helpers the helper functions calls by id resolve to
 * @param reach the maps (and through them the regions) the program may reach; engines register the
 *     program's own function region in its table and admit it
 */
public record Program(String name, Instructions insns, HelperRegistry helpers, Reach reach) {
    public Program {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(insns, "insns");
        Objects.requireNonNull(helpers, "helpers");
        Objects.requireNonNull(reach, "reach");
    }

    /** A program that references no map: it reaches only its stack, context, packet and its own functions. */
    public Program(String name, Instructions insns, HelperRegistry helpers) {
        this(name, insns, helpers, Reach.isolated(new RegionTable()));
    }
}
