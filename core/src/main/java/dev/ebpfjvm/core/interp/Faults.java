package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.memory.Address;

/**
 * The program faults the interpreter raises, and the conversion of everything else a run can throw
 * into one at the program boundary (STYLE.md: JDK exceptions are caught only there). The hot loop
 * keeps no bookkeeping for this: the faulting slot and the registers, which a faulting instruction
 * has not yet changed, are enough to say what was accessed where.
 */
final class Faults {
    private Faults() {}

    /** {@return the fault of a bpf-to-bpf call beyond {@code MAX_CALL_FRAMES}, in the verifier's words} */
    static ProgramFaultException callStackTooDeep(int pc, int frames) {
        return new ProgramFaultException(pc, "the call stack of " + frames + " frames is too deep");
    }

    /**
     * Converts what a run threw at a slot into what {@code execute} throws: a fault of a nested
     * program (a tail call's target) or another {@link EbpfException} as it is; a fault without a
     * slot (from {@code Memory}, {@code Atomics}) with this slot filled in; and a JDK exception
     * (an index out of bounds, a misaligned VarHandle access, a helper's failure) as a fault that
     * names the slot and, for memory instructions, the address.
     */
    static RuntimeException at(DecodedProgram program, int pc, long[] regs, RuntimeException e) {
        if (e instanceof ProgramFaultException) {
            ProgramFaultException fault = (ProgramFaultException) e;
            return fault.pc() >= 0 ? fault : new ProgramFaultException(pc, fault.getMessage(), fault);
        }
        if (e instanceof EbpfException) {
            return e;
        }
        return new ProgramFaultException(pc, describe(program, pc, regs) + ": " + e, e);
    }

    private static String describe(DecodedProgram program, int pc, long[] regs) {
        if (pc < 0 || pc >= program.slots()) {
            return "internal error";
        }
        int op = program.op(pc);
        int size = accessSize(op);
        if (size == 0) {
            return op == Op.CALL_HELPER || op == Op.CALLX ? "helper call failed" : "internal error";
        }
        boolean read = op >= Op.LDX_B && op <= Op.LDSX_W;
        boolean atomic = op == Op.ATOMIC_W || op == Op.ATOMIC_DW;
        long address = regs[read ? program.src(pc) : program.dst(pc)] + program.off(pc);
        String what = atomic ? "atomic access" : read ? "memory read" : "memory write";
        return "invalid " + what + " of " + size + " bytes at " + Address.toString(address);
    }

    /** {@return the bytes a load, store or atomic accesses; 0 for other operations} */
    private static int accessSize(int op) {
        switch (op) {
            case Op.LDX_B:
            case Op.LDSX_B:
            case Op.ST_B:
            case Op.STX_B:
                return 1;
            case Op.LDX_H:
            case Op.LDSX_H:
            case Op.ST_H:
            case Op.STX_H:
                return 2;
            case Op.LDX_W:
            case Op.LDSX_W:
            case Op.ST_W:
            case Op.STX_W:
            case Op.ATOMIC_W:
                return 4;
            case Op.LDX_DW:
            case Op.ST_DW:
            case Op.STX_DW:
            case Op.ATOMIC_DW:
                return 8;
            default:
                return 0;
        }
    }
}
