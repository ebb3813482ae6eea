package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.ProgramContext;
import org.objectweb.asm.Type;

/**
 * Names and descriptors of the methods of a generated class.
 *
 * <pre>
 * long fN(ProgramContext ctx, long r1, long r2, long r3, long r4, long r5, int depth)   function N
 * int  fN_cK(ProgramContext ctx, long[] regs, int depth, int entry)                      chunk K of N
 * int  fN_dL_K(ProgramContext ctx, long[] regs, int depth, int entry)                    dispatcher
 * </pre>
 */
public final class Signatures {
    /** The descriptor of a function method. */
    public static final String FUNCTION = Type.getMethodDescriptor(
            Type.LONG_TYPE,
            Type.getType(ProgramContext.class),
            Type.LONG_TYPE,
            Type.LONG_TYPE,
            Type.LONG_TYPE,
            Type.LONG_TYPE,
            Type.LONG_TYPE,
            Type.INT_TYPE);
    /** The descriptor of a chunk or dispatcher method. */
    public static final String CHUNK = Type.getMethodDescriptor(
            Type.INT_TYPE,
            Type.getType(ProgramContext.class),
            Type.getType(long[].class),
            Type.INT_TYPE,
            Type.INT_TYPE);
    /** The length of a split function's register array: r0–r10 and the entry r1. */
    public static final int REGS_LENGTH = 12;
    /** The index in the register array of r1 at the function's entry. */
    public static final int ENTRY_R1 = 11;

    private Signatures() {}

    /** {@return the name of function N's method} */
    public static String function(int n) {
        return "f" + n;
    }

    /** {@return the name of chunk K of function N} */
    public static String chunk(int n, int k) {
        return "f" + n + "_c" + k;
    }

    /** {@return the name of a dispatcher of function N at a level of the dispatch tree} */
    public static String dispatcher(int n, int level, int k) {
        return "f" + n + "_d" + level + "_" + k;
    }
}
