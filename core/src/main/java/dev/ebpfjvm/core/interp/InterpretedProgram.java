package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Callback;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.memory.Reach;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;

/**
 * A program prepared by the {@link Interpreter}: its decoded form, immutable, so that any number
 * of threads may run it at once, each with its own {@link ProgramContext} and registers.
 *
 * <p>When the program takes the address of one of its functions ({@code lddw} with
 * {@code BPF_PSEUDO_FUNC}, for callbacks), it owns a {@link RegionKind#PROGRAM} region in
 * its program's region table, admitted to its reach, and the address is {@code Address.of(region, slot of the function)};
 * {@link #close()} releases the region.
 */
final class InterpretedProgram implements Executable, Callback {
    private final DecodedProgram decoded;
    private final Region functionRegion;

    InterpretedProgram(DecodedProgram decoded) {
        this.decoded = decoded;
        if (decoded.functionRefs.length == 0) {
            this.functionRegion = null;
            return;
        }
        Reach reach = decoded.program.reach();
        this.functionRegion = reach.table().register(RegionKind.PROGRAM, new byte[0], false, this);
        reach.admit(this);
        for (int slot : decoded.functionRefs) {
            decoded.code[slot + 1] = Address.of(functionRegion.id(), (int) decoded.code[slot + 1]);
        }
    }

    @Override
    public long execute(ProgramContext ctx, long r1, long r2, int frame) {
        checkFrame(0, frame);
        return InterpreterLoop.run(decoded, ctx, 0, frame, r1, r2, 0, 0, 0);
    }

    /** Runs the function starting at slot {@code function} (its address's offset), for callback helpers. */
    @Override
    public long call(ProgramContext ctx, int function, int frame, long r1, long r2, long r3, long r4, long r5) {
        if (function < 0 || function >= decoded.slots()) {
            throw new ProgramFaultException(-1, "no function at slot " + function);
        }
        checkFrame(function, frame);
        return InterpreterLoop.run(decoded, ctx, function, frame, r1, r2, r3, r4, r5);
    }

    private static void checkFrame(int pc, int frame) {
        if (frame < 0 || frame >= Memory.MAX_FRAMES) {
            throw new ProgramFaultException(pc, "no stack frame " + frame + " (at most " + Memory.MAX_FRAMES + ")");
        }
    }

    @Override
    public Program program() {
        return decoded.program;
    }

    /** {@return the region whose addresses identify this program's functions, or null if it takes none} */
    Region functionRegion() {
        return functionRegion;
    }

    @Override
    public void close() {
        if (functionRegion != null) {
            decoded.program.reach().table().release(functionRegion);
        }
    }

    @Override
    public String toString() {
        return "InterpretedProgram[" + decoded.program.name() + ", " + decoded.slots() + " slots]";
    }
}
