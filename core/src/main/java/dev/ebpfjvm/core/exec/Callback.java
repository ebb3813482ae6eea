package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.memory.RegionKind;

/**
 * A BPF function of a loaded program as a value, for helpers that call back into the program
 * ({@code bpf_loop}, {@code bpf_for_each_map_elem}): {@code lddw rX, func}
 * ({@code BPF_PSEUDO_FUNC}) yields the address of a {@link RegionKind#PROGRAM} region whose owner
 * is the function's {@code Callback}, created by the engine when it loads the program.
 *
 * <p>Before calling a helper that takes a callback, an engine records the caller's call depth
 * with {@link ProgramContext#setCallDepth(int)}; the helper runs the callback on the next frame,
 * as the kernel's verifier gives a callback a frame of its own.
 */
public interface Callback {
    /**
     * Runs the function with r1–r5 and returns its r0.
     *
     * @param frame the call depth whose stack frame the function uses
     */
    long call(ProgramContext ctx, int frame, long r1, long r2, long r3, long r4, long r5);

    /** {@return the callback a function address names, or null when it names none} */
    static Callback resolve(ProgramContext ctx, long address) {
        Object owner = ctx.memory().table().ownerAt(address, RegionKind.PROGRAM);
        return owner instanceof Callback ? (Callback) owner : null;
    }
}
