package dev.ebpfjvm.core.exec;

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
}
