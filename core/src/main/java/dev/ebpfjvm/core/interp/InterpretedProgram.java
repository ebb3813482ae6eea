package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.memory.RegionTable;

/**
 * A program prepared by the {@link Interpreter}: its decoded form, immutable, so that any number
 * of threads may run it at once, each with its own {@link ProgramContext} and registers.
 *
 * <p>When the program takes the address of one of its functions ({@code lddw} with
 * {@code BPF_PSEUDO_FUNC}, for callbacks), it owns a {@link RegionKind#PROGRAM} region in
 * {@link RegionTable#GLOBAL}, and the address is {@code Address.of(region, slot of the function)};
 * {@link #close()} releases the region.
 */
final class InterpretedProgram implements Executable {
    private final DecodedProgram decoded;
    private final Region functionRegion;

    InterpretedProgram(DecodedProgram decoded) {
        this.decoded = decoded;
        if (decoded.functionRefs.length == 0) {
            this.functionRegion = null;
            return;
        }
        this.functionRegion = RegionTable.GLOBAL.register(RegionKind.PROGRAM, new byte[0], false, this);
        for (int slot : decoded.functionRefs) {
            decoded.code[slot + 1] = Address.of(functionRegion.id(), (int) decoded.code[slot + 1]);
        }
    }

    @Override
    public long execute(ProgramContext ctx, long r1, long r2, int frame) {
        if (frame < 0 || frame >= Memory.MAX_FRAMES) {
            throw new ProgramFaultException(0, "no stack frame " + frame + " (at most " + Memory.MAX_FRAMES + ")");
        }
        return InterpreterLoop.run(decoded, ctx, r1, r2, frame);
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
            RegionTable.GLOBAL.release(functionRegion);
        }
    }

    @Override
    public String toString() {
        return "InterpretedProgram[" + decoded.program.name() + ", " + decoded.slots() + " slots]";
    }
}
