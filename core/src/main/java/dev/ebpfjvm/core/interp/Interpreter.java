package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;

/**
 * The interpreter engine, "interpreter": runs programs with the semantics of the Linux kernel's
 * own interpreter ({@code ___bpf_prog_run()} in kernel/bpf/core.c) plus the verifier's rewrites
 * that change what an instruction does ({@code do_misc_fixups()} in kernel/bpf/verifier.c for
 * division and modulo by zero, {@code bpf_gen_ld_abs()} in net/core/filter.c for legacy packet
 * loads). It is the oracle the JIT is tested against, and shares every non-trivial rule with it
 * through {@code dev.ebpfjvm.core.exec}.
 *
 * <p>{@link #load} decodes the program once into primitive arrays and resolves every helper call;
 * a run then allocates only its registers. Runs fault with
 * {@link dev.ebpfjvm.core.ProgramFaultException} naming the slot for an access outside every
 * region, a store to a read-only region, a call stack deeper than 8 frames, or a run longer than
 * {@link dev.ebpfjvm.core.exec.ProgramContext#budget()}; no JDK exception escapes.
 */
public final class Interpreter implements Engine {
    /** The engine's name, as {@link dev.ebpfjvm.core.exec.Engines#byName(String)} finds it. */
    public static final String NAME = "interpreter";

    /** Creates the engine; it holds no state. */
    public Interpreter() {}

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Decodes a program for running.
     *
     * @throws dev.ebpfjvm.core.InvalidProgramException naming the slot of a malformed instruction
     *     or of a call to a helper the program's registry does not have
     * @throws dev.ebpfjvm.core.UnsupportedFeatureException naming the slot of a kfunc call
     */
    @Override
    public Executable load(Program program) {
        return new InterpretedProgram(Decoder.decode(program));
    }
}
