package dev.ebpfjvm.jit.testing;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramContext;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a run leaves behind, for comparing engines: r0 (or the slot of the fault), the whole stack
 * and the buffer the program got in r1.
 *
 * @param r0 r0 at the final exit; 0 after a fault
 * @param faultPc the slot of the fault, or -1
 * @param stack the stack after the run
 * @param buffer the buffer after the run
 */
public record RunResult(long r0, int faultPc, byte[] stack, byte[] buffer) {
    /** Runs on a copy of {@code buffer} (r1 its address, r2 {@code r2}) and records the outcome. */
    public static RunResult of(Executable e, byte[] buffer, long r2) {
        byte[] copy = buffer.clone();
        ProgramContext ctx = new ProgramContext().withBuffer(copy);
        ctx.setEntry(ctx.entryR1(), r2);
        long r0 = 0;
        int faultPc = -1;
        try {
            r0 = e.run(ctx);
        } catch (ProgramFaultException f) {
            faultPc = f.pc();
        }
        return new RunResult(r0, faultPc, ctx.memory().stack(), copy);
    }

    /** Runs on a copy of {@code buffer} with r2 its length, the conformance convention. */
    public static RunResult of(Executable e, byte[] buffer) {
        return of(e, buffer, buffer.length);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RunResult)) {
            return false;
        }
        RunResult r = (RunResult) o;
        return r.r0 == r0 && r.faultPc == faultPc && Arrays.equals(r.stack, stack) && Arrays.equals(r.buffer, buffer);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(r0) ^ faultPc ^ Arrays.hashCode(stack) ^ Arrays.hashCode(buffer);
    }

    @Override
    public String toString() {
        return (faultPc >= 0 ? "fault at " + faultPc : "r0 0x" + Long.toHexString(r0)) + ", stack hash "
                + Integer.toHexString(Arrays.hashCode(stack)) + ", buffer "
                + HexFormat.of().formatHex(buffer);
    }
}
