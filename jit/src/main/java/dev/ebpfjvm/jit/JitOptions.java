package dev.ebpfjvm.jit;

/**
 * How the JIT compiles.
 *
 * @param checkBytecode verify every generated class with ASM's {@code CheckClassAdapter} before
 *     defining it; slow, meant for tests, where it names the method and instruction of a bad frame
 *     or type instead of the JVM's terse {@code VerifyError}
 * @param maxMethodBytes the most estimated bytecode bytes of one generated method. HotSpot never
 *     compiles a method above 8000 bytes ({@code HugeMethodLimit}; research/jvm-facts.md, item 2:
 *     130–150× slower), so larger functions are split. Below about 600 a chunk holds a single
 *     instruction and may exceed the budget; tests use such budgets to split small programs as
 *     finely as possible. The dispatchers of a split function are not bound by it (at most about
 *     3 KB each)
 */
public record JitOptions(boolean checkBytecode, int maxMethodBytes) {
    /** The default method budget: about 7.5 KB, the safe margin under the 8000-byte limit. */
    public static final int DEFAULT_MAX_METHOD_BYTES = 7500;
    /** The smallest budget, which cuts every function into one chunk per instruction. */
    public static final int MIN_METHOD_BYTES = 1;
    /** HotSpot's {@code HugeMethodLimit}. */
    public static final int HUGE_METHOD_LIMIT = 8000;

    public JitOptions {
        if (maxMethodBytes < MIN_METHOD_BYTES || maxMethodBytes > HUGE_METHOD_LIMIT) {
            throw new IllegalArgumentException("maxMethodBytes " + maxMethodBytes + " not in [" + MIN_METHOD_BYTES
                    + ", " + HUGE_METHOD_LIMIT + "]");
        }
    }

    /** {@return no bytecode check, the default method budget} */
    public static JitOptions defaults() {
        return new JitOptions(false, DEFAULT_MAX_METHOD_BYTES);
    }

    /** {@return these options with the bytecode check on or off} */
    public JitOptions withCheckBytecode(boolean check) {
        return new JitOptions(check, maxMethodBytes);
    }

    /** {@return these options with another method budget} */
    public JitOptions withMaxMethodBytes(int bytes) {
        return new JitOptions(checkBytecode, bytes);
    }
}
