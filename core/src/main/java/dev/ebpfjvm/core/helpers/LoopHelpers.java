package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Callback;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;

/**
 * {@code long bpf_loop(u32 nr_loops, void *callback_fn, void *callback_ctx, u64 flags)}
 * (kernel/bpf/bpf_iter.c, v6.18): calls {@code callback_fn(i, callback_ctx)} for i = 0, 1, …
 * until it returns non-zero or {@code nr_loops} calls are done; returns the number of calls.
 * -EINVAL for flags; for more than 2^23 loops, -E2BIG as a 32-bit value (0xfffffff9), as the
 * verifier's inlined form of the helper returns it. The callback runs one frame deeper than the
 * caller (see {@link Callback}).
 */
public final class LoopHelpers {
    /** {@code BPF_MAX_LOOPS}. */
    public static final long MAX_LOOPS = 1 << 23;

    private LoopHelpers() {}

    /** The helper; see the class comment. */
    public static long loop(ProgramContext ctx, long nrLoops, long callbackFn, long callbackCtx, long flags, long r5) {
        if (flags != 0) {
            return Errno.EINVAL.negative();
        }
        long n = nrLoops & 0xffffffffL;
        if (n > MAX_LOOPS) {
            // The verifier inlines bpf_loop (inline_bpf_loop()), which sets -E2BIG with a 32-bit
            // move: programs see it zero-extended, as recorded from the kernel.
            return Errno.E2BIG.negative() & 0xffffffffL;
        }
        int frame = ctx.callDepth() + 1;
        if (frame >= Memory.MAX_FRAMES) {
            throw new ProgramFaultException(-1, "bpf_loop: callback would run past " + Memory.MAX_FRAMES + " frames");
        }
        Callback callback = Callback.resolve(ctx, callbackFn);
        if (callback == null) {
            throw new ProgramFaultException(-1, "bpf_loop: " + Address.toString(callbackFn) + " is not a function");
        }
        int function = Address.offset(callbackFn);
        for (long i = 0; i < n; i++) {
            if (callback.call(ctx, function, frame, i, callbackCtx, 0, 0, 0) != 0) {
                return i + 1;
            }
        }
        return n;
    }
}
