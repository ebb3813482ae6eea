package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.memory.RegionKind;

/**
 * The BPF functions of a loaded program as values, for helpers that call back into the program
 * ({@code bpf_loop}, {@code bpf_for_each_map_elem}): {@code lddw rX, func}
 * ({@code BPF_PSEUDO_FUNC}) yields {@code Address.of(region, function)}, where the region is of
 * kind {@link RegionKind#PROGRAM} and its owner, the engine's loaded program, implements this
 * interface; {@code function} is whatever the engine uses to find the function (the interpreter:
 * its first slot).
 *
 * <p>Before calling a helper that takes a callback, an engine records the caller's call depth
 * with {@link ProgramContext#setCallDepth(int)}; the helper runs the callback on the next frame,
 * as the kernel's verifier gives a callback a frame of its own.
 */
public interface Callback {
    /**
     * Runs one function with r1–r5 and returns its r0.
     *
     * @param function the offset part of the function's address
     * @param frame the call depth whose stack frame the function uses
     */
    long call(ProgramContext ctx, int function, int frame, long r1, long r2, long r3, long r4, long r5);

    /** {@return the owner of the function an address names, or null when it names none; call it with {@code Address.offset(address)}} */
    static Callback resolve(ProgramContext ctx, long address) {
        Object owner = ctx.memory().ownerAt(address, RegionKind.PROGRAM);
        return owner instanceof Callback ? (Callback) owner : null;
    }
}
