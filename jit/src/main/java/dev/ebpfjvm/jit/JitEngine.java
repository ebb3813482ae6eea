package dev.ebpfjvm.jit;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.facts.MemoryFacts;

/**
 * The JIT as an {@link Engine} named "jit": pass one to a load ({@code new JitEngine(options)}), or
 * let {@link java.util.ServiceLoader} find it with the default options.
 */
public final class JitEngine implements Engine {
    private final JitCompiler compiler;

    /** The JIT with {@link JitOptions#defaults()}. */
    public JitEngine() {
        this(JitOptions.defaults());
    }

    /** The JIT with the given options. */
    public JitEngine(JitOptions options) {
        this.compiler = new JitCompiler(options);
    }

    @Override
    public String name() {
        return "jit";
    }

    @Override
    public Executable load(Program program) {
        return compiler.compile(program);
    }

    /** Compiles with the verifier's facts, so that every proved access indexes its region's array directly. */
    @Override
    public Executable load(Program program, MemoryFacts facts) {
        return compiler.compile(program, facts);
    }
}
