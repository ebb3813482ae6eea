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
 * generate than {@code COMPUTE_FRAMES}).
 *
 * <pre>
 * function  f(ProgramContext ctx, long r1..r5, int depth): r0, r6..r10, then the common tail
 * chunk     c(ProgramContext ctx, long[] regs, int depth, int entry): r0..r10, then the common tail
 * tail      Memory memory, byte[] stack, int pc, byte[] ctxR, ctxW, r1R, r1W, tmpArr, long tmpAddr
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

    static final int CTX = 0;

    private final Shape shape;
    private final int[] reg = new int[Reg.COUNT];
    private final int depth;
    private final int memory;
    private final Object[] frameLocals;

    LocalLayout(Shape shape) {
        this.shape = shape;
        List<Object> types = new ArrayList<>();
        types.add(Type.getInternalName(ProgramContext.class));
        int next = 1;
        if (shape == Shape.FUNCTION) {
            for (int r = Reg.R1; r <= Reg.R5; r++) {
                reg[r] = next;
                next += 2;
                types.add(Opcodes.LONG);
            }
            depth = next++;
            types.add(Opcodes.INTEGER);
            int[] rest = {Reg.R0, Reg.R6, Reg.R7, Reg.R8, Reg.R9, Reg.R10};
            for (int r : rest) {
                reg[r] = next;
                next += 2;
                types.add(Opcodes.LONG);
            }
        } else {
            types.add("[J");
            next = 2;
            depth = next++;
            next++;
            types.add(Opcodes.INTEGER);
            types.add(Opcodes.INTEGER);
            for (int r = Reg.R0; r <= Reg.R10; r++) {
                reg[r] = next;
                next += 2;
                types.add(Opcodes.LONG);
            }
        }
        memory = next;
        types.add(Type.getInternalName(Memory.class));
        types.add("[B");
        types.add(Opcodes.INTEGER);
        for (int i = 0; i < 5; i++) {
            types.add("[B");
        }
        types.add(Opcodes.LONG);
        frameLocals = types.toArray();
    }

    Shape shape() {
        return shape;
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
        return memory + 3;
    }

    int ctxWrite() {
        return memory + 4;
    }

    /** {@return the readable array of the entry r1's region ({@code RegionHint.ENTRY_R1})} */
    int r1Read() {
        return memory + 5;
    }

    int r1Write() {
        return memory + 6;
    }

    /** {@return a scratch byte[] for the generic atomic path} */
    int tmpArr() {
        return memory + 7;
    }

    /** {@return a scratch long (the address) for the generic atomic path} */
    int tmpAddr() {
        return memory + 8;
    }

    /** {@return the locals of the full stack-map frame, in ASM's compressed form} */
    Object[] frameLocals() {
        return frameLocals.clone();
    }
}
