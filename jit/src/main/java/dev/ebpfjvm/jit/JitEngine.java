package dev.ebpfjvm.jit;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;

/** The JIT as an {@link Engine} named "jit", found through {@link java.util.ServiceLoader}. */
public final class JitEngine implements Engine {
    private final JitCompiler compiler = new JitCompiler();

    @Override
    public String name() {
        return "jit";
    }

    @Override
    public Executable load(Program program) {
        return compiler.compile(program);
    }
}
