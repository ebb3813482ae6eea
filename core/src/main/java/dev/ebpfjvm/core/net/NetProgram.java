package dev.ebpfjvm.core.net;

import dev.ebpfjvm.core.exec.Executable;
import java.util.Objects;

/**
 * A loaded tc program as the network sees it: the kernel's {@code struct bpf_prog} identity. Two
 * programs are the same only if they are the same object (as the kernel compares prog pointers),
 * so one {@link Executable} loaded twice gives two programs with two ids.
 */
public final class NetProgram {
    private final int id;
    private final String name;
    private final Executable executable;

    /**
     * @param id the program id (positive; the runtime's program id)
     * @param name the program's name
     * @param executable the code that runs it, from either engine
     */
    public NetProgram(int id, String name, Executable executable) {
        if (id <= 0) {
            throw new IllegalArgumentException("program id must be positive: " + id);
        }
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.executable = Objects.requireNonNull(executable, "executable");
    }

    /** {@return the program id} */
    public int id() {
        return id;
    }

    /** {@return the name} */
    public String name() {
        return name;
    }

    /** {@return the code} */
    public Executable executable() {
        return executable;
    }

    @Override
    public String toString() {
        return "prog " + id + " (" + name + ")";
    }
}
