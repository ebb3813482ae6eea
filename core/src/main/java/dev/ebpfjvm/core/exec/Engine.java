package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.facts.MemoryFacts;

/**
 * A way to run programs: the interpreter in core, the JIT in the jit module. Engines are found
 * with {@link java.util.ServiceLoader} ({@link Engines}), so that core needs no dependency on the
 * JIT and every caller can switch engines by name.
 */
public interface Engine {
    /** {@return the engine's name: "interpreter" or "jit"} */
    String name();

    /**
     * Prepares a program to run.
     *
     * @throws dev.ebpfjvm.core.EbpfException when the program cannot be prepared (an unknown
     *     helper, an unsupported instruction)
     */
    Executable load(Program program);

    /**
     * Prepares a program the verifier proved, with what it proved about each instruction; an engine
     * that has no use for the facts (the interpreter) ignores them.
     *
     * @param facts the region of each memory access, as the verifier established it
     */
    default Executable load(Program program, MemoryFacts facts) {
        return load(program);
    }
}
