package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.HelperFunction;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;

/**
 * The few run-time entry points generated code calls besides the shared semantics of
 * {@code core.exec} and {@code core.memory}. Public only because generated classes live in
 * another package; nothing else should call it.
 */
public final class RuntimeSupport {
    private RuntimeSupport() {}

    /**
     * Turns whatever a generated method caught into the program fault the interpreter would raise
     * at the same instruction: a fault that already names its instruction passes unchanged (it
     * came from a callee or a tail-call target), one raised by {@link Memory} or a helper without a
     * pc gets this one, and JDK exceptions (the array bounds check behind every direct access, a
     * region that does not exist, a misaligned atomic) become faults with their cause kept.
     * Other deliberate errors ({@link EbpfException}) pass unchanged.
     *
     * @param e what the generated method caught
     * @param pc the slot of the instruction that was running
     * @return the exception to throw
     */
    public static RuntimeException fault(RuntimeException e, int pc) {
        if (e instanceof ProgramFaultException) {
            ProgramFaultException f = (ProgramFaultException) e;
            return f.pc() >= 0 ? f : new ProgramFaultException(pc, f.getMessage(), f);
        }
        if (e instanceof EbpfException) {
            return e;
        }
        return new ProgramFaultException(pc, describe(e), e);
    }

    /**
     * {@return the region id of an address when the array resolved for it exists, else -1}, which
     * no address has: a checked access through it then always takes the generic path
     */
    public static int regionOf(byte[] bytes, long address) {
        return bytes == null ? -1 : Address.region(address);
    }

    /** {@return the fault of a callback into an offset of the function region where no function starts} */
    public static ProgramFaultException noFunction(int function) {
        return new ProgramFaultException(-1, "no function starts at insn " + function);
    }

    /**
     * {@return the stack frame an entry into the program runs on, as {@code execute} received it}
     *
     * @throws ProgramFaultException (at slot 0, as the interpreter) when there is no such frame
     */
    public static int entryFrame(int frame) {
        if (frame < 0 || frame >= Memory.MAX_FRAMES) {
            throw new ProgramFaultException(0, "no stack frame " + frame + " (at most " + Memory.MAX_FRAMES + ")");
        }
        return frame;
    }

    /**
     * {@return the call depth of a bpf-to-bpf callee}
     *
     * @throws ProgramFaultException when the callee would be frame {@link Memory#MAX_FRAMES} or deeper
     */
    public static int nextFrame(int depth) {
        int next = depth + 1;
        if (next >= Memory.MAX_FRAMES) {
            throw new ProgramFaultException(-1, "the call stack of " + (next + 1) + " frames is too deep");
        }
        return next;
    }

    /**
     * Calls the helper whose id is in a register ({@code callx}).
     *
     * @throws ProgramFaultException when no helper has that id
     */
    public static long callIndirect(
            HelperRegistry helpers, ProgramContext ctx, long id, long r1, long r2, long r3, long r4, long r5) {
        HelperFunction helper = id == (int) id ? helpers.get((int) id) : null;
        if (helper == null) {
            throw new ProgramFaultException(-1, "callx: invalid func unknown#" + id);
        }
        return helper.impl().call(ctx, r1, r2, r3, r4, r5);
    }

    private static String describe(RuntimeException e) {
        if (e instanceof IndexOutOfBoundsException) {
            return "invalid memory access: " + e.getMessage();
        }
        if (e instanceof NullPointerException) {
            return "invalid memory access: no such region";
        }
        if (e instanceof IllegalStateException) {
            return "misaligned atomic access: " + e.getMessage();
        }
        return e.toString();
    }
}
