package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.Reg;
import dev.ebpfjvm.core.memory.Memory;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The fixed local-variable layout of a generated method. Every local is initialised in the
 * prologue and keeps its type for the whole method, so that one full stack-map frame followed by
 * "same" frames describes every branch target (research/jvm-facts.md, item 3: 2–3× cheaper to
 * generate than {@code COMPUTE_FRAMES}). Locals only some methods need are left out of the others:
 * the verifier compares every local at every instruction a fault handler covers.
 *
 * <pre>
 * function  f(ProgramContext ctx, long r1..r5, int depth): r0, r6..r10, then the common tail
 * chunk     c(ProgramContext ctx, long[] regs, int depth, int entry): r0..r10, then the common tail
 * tail      Memory memory, byte[] stack, int pc, [byte[] ctxR, ctxW], [byte[] r1R, r1W],
 *           [int r1RegionR, r1RegionW], [long tmpAddr]
 * </pre>
 */
final class LocalLayout {
    /** The two kinds of generated method. */
    enum Shape {
        /** A whole function: registers r1–r5 arrive as arguments, r0 is returned. */
        FUNCTION,
        /** A chunk of a split function: registers arrive and leave through a {@code long[]}. */
        CHUNK
    }

    /**
     * The optional locals a method needs.
     *
     * @param context the context's arrays, for {@code RegionHint.CONTEXT}
     * @param entryR1 the arrays of the entry r1's region, for {@code ENTRY_R1} and {@code ENTRY_R1_CHECKED}
     * @param entryR1Region the region ids those arrays belong to, for {@code ENTRY_R1_CHECKED}
     * @param address a scratch address, for the checked hints
     */
    record Needs(boolean context, boolean entryR1, boolean entryR1Region, boolean address) {}

    static final int CTX = 0;
    private static final int NONE = -1;

    private final Shape shape;
    private final Needs needs;
    private final int[] reg = new int[Reg.COUNT];
    private final int depth;
    private final int memory;
    private final int ctxRead;
    private final int r1Read;
    private final int r1Region;
    private final int tmpAddr;
    private final Object[] frameLocals;

    LocalLayout(Shape shape, Needs needs) {
        this.shape = shape;
        this.needs = needs;
        List<Object> types = new ArrayList<>();
        types.add(Type.getInternalName(ProgramContext.class));
        int next;
        if (shape == Shape.FUNCTION) {
            next = 1;
            for (int r = Reg.R1; r <= Reg.R5; r++) {
                next = addLong(types, r, next);
            }
            depth = next++;
            types.add(Opcodes.INTEGER);
            for (int r : new int[] {Reg.R0, Reg.R6, Reg.R7, Reg.R8, Reg.R9, Reg.R10}) {
                next = addLong(types, r, next);
            }
        } else {
            types.add("[J");
            depth = 2;
            next = 4;
            types.add(Opcodes.INTEGER);
            types.add(Opcodes.INTEGER);
            for (int r = Reg.R0; r <= Reg.R10; r++) {
                next = addLong(types, r, next);
            }
        }
        memory = next;
        types.add(Type.getInternalName(Memory.class));
        types.add("[B");
        types.add(Opcodes.INTEGER);
        next += 3;
        ctxRead = needs.context() ? next : NONE;
        next = addArrays(types, needs.context(), next);
        r1Read = needs.entryR1() ? next : NONE;
        next = addArrays(types, needs.entryR1(), next);
        r1Region = needs.entryR1Region() ? next : NONE;
        if (needs.entryR1Region()) {
            types.add(Opcodes.INTEGER);
            types.add(Opcodes.INTEGER);
            next += 2;
        }
        tmpAddr = needs.address() ? next : NONE;
        if (needs.address()) {
            types.add(Opcodes.LONG);
        }
        frameLocals = types.toArray();
    }

    /** Adds a read and a write {@code byte[]} when {@code present}; {@return the next free local} */
    private static int addArrays(List<Object> types, boolean present, int next) {
        if (!present) {
            return next;
        }
        types.add("[B");
        types.add("[B");
        return next + 2;
    }

    private int addLong(List<Object> types, int r, int next) {
        reg[r] = next;
        types.add(Opcodes.LONG);
        return next + 2;
    }

    Shape shape() {
        return shape;
    }

    Needs needs() {
        return needs;
    }

    /** {@return the local of a BPF register} */
    int reg(int r) {
        return reg[r];
    }

    /** {@return the register array of a chunk} */
    int regs() {
        if (shape != Shape.CHUNK) {
            throw new IllegalStateException("a function has no register array");
        }
        return 1;
    }

    int depth() {
        return depth;
    }

    /** {@return the entry code argument of a chunk} */
    int entry() {
        return depth + 1;
    }

    int memory() {
        return memory;
    }

    int stack() {
        return memory + 1;
    }

    int pc() {
        return memory + 2;
    }

    /** {@return the readable context array ({@code RegionHint.CONTEXT})} */
    int ctxRead() {
        return present(ctxRead);
    }

    int ctxWrite() {
        return present(ctxRead) + 1;
    }

    /** {@return the readable array of the entry r1's region ({@code RegionHint.ENTRY_R1})} */
    int r1Read() {
        return present(r1Read);
    }

    int r1Write() {
        return present(r1Read) + 1;
    }

    /** {@return the region id of the readable entry-r1 array, -1 when it is null ({@code ENTRY_R1_CHECKED})} */
    int r1RegionRead() {
        return present(r1Region);
    }

    int r1RegionWrite() {
        return present(r1Region) + 1;
    }

    /** {@return a scratch long holding the address of a checked access} */
    int tmpAddr() {
        return present(tmpAddr);
    }

    /** {@return the locals of the full stack-map frame, in ASM's compressed form} */
    Object[] frameLocals() {
        return frameLocals.clone();
    }

    private static int present(int local) {
        if (local == NONE) {
            throw new IllegalStateException("local not in this method's layout");
        }
        return local;
    }
}
