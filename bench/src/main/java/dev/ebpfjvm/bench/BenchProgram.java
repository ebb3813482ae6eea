package dev.ebpfjvm.bench;

import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import java.util.List;

/**
 * A program ready to benchmark: the program, the buffer it runs on (r1 = the buffer, r2 = its
 * length), and the maps it uses, closed with it.
 *
 * @param program the program, its map references resolved
 * @param buffer the bytes each run starts from
 * @param resources what to close when the benchmark ends
 */
public record BenchProgram(Program program, byte[] buffer, List<AutoCloseable> resources) implements AutoCloseable {
    public BenchProgram {
        resources = List.copyOf(resources);
    }

    /** {@return a context on a private copy of the buffer} */
    public ProgramContext context() {
        return new ProgramContext().withBuffer(buffer.clone());
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }
}
