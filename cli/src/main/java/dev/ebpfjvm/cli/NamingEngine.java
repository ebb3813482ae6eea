package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;

/**
 * An engine that prepares programs with another and, when it refuses one, says which: the loader
 * loads every program of an object, and an engine's message ({@code insn 95: invalid func
 * unknown#11}) names only the instruction.
 */
final class NamingEngine implements Engine {
    private final Engine engine;

    NamingEngine(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public Executable load(Program program) {
        try {
            return engine.load(program);
        } catch (EbpfException e) {
            throw new CliException("program '" + program.name() + "': " + e.getMessage(), e);
        }
    }
}
