package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.isa.Assembler;
import org.junit.jupiter.api.Test;

/** An engine's refusal, as test-run reports it: with the program's name. */
class NamingEngineTest {
    @Test
    void load_refusalNamesTheProgram() {
        Engine interpreter = Engines.byName("interpreter");
        Program calling = new Program(
                "caller",
                Assembler.assemble("call 11\nexit"),
                HelperRegistry.builder().build());
        InvalidProgramException cause = assertThrows(InvalidProgramException.class, () -> interpreter.load(calling));
        CliException e = assertThrows(CliException.class, () -> new NamingEngine(interpreter).load(calling));
        assertEquals("program 'caller': " + cause.getMessage(), e.getMessage());
        assertEquals(InvalidProgramException.class, e.getCause().getClass());
    }

    @Test
    void load_acceptedProgramIsTheEnginesExecutable() {
        Engine jit = Engines.byName("jit");
        NamingEngine naming = new NamingEngine(jit);
        assertEquals("jit", naming.name());
        Program p = new Program(
                "ok",
                Assembler.assemble("mov %r0, 1\nexit"),
                HelperRegistry.builder().build());
        try (Executable exe = naming.load(p)) {
            assertSame(p, exe.program());
        }
    }
}
