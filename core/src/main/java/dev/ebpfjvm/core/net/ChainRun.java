package dev.ebpfjvm.core.net;

import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.skb.Devices;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;

/**
 * One frame's pass through one chain snapshot, as a {@link ChainDispatcher} drives it: before
 * program {@code i} runs, {@link #enter} makes the skb its context (installed once, before the
 * first program: the context model reads {@code data}/{@code data_end} from the skb at every load,
 * and a helper that reallocates the packet republishes it, which is what
 * {@code bpf_compute_data_pointers()} gives the kernel); after it, {@link #exit} records its code
 * on the hook's counters and returns it as the 32-bit int {@code tcx_run()} compares with
 * {@code TCX_NEXT}.
 * A final class, so that a dispatcher's calls to it are monomorphic.
 */
public final class ChainRun {
    private final NetProgram[] programs;
    private final Skb skb;
    private final Devices devices;
    private final Counters.Hook counters;

    /**
     * @param programs the chain's programs, in order
     * @param skb the frame
     * @param devices the devices the helpers see
     * @param counters where runs are counted, or null to count nothing (benchmarks)
     */
    public ChainRun(NetProgram[] programs, Skb skb, Devices devices, Counters.Hook counters) {
        this.programs = programs;
        this.skb = skb;
        this.devices = devices;
        this.counters = counters;
    }

    /** Prepares the context for program {@code index}. */
    public void enter(ProgramContext ctx, int index) {
        if (index == 0) {
            SkBuffContext.install(ctx, skb, devices);
        }
    }

    /** {@return the code of program {@code index} (r0 as an int), after counting it} */
    public int exit(int index, long r0) {
        int code = (int) r0;
        if (counters != null) {
            counters.programCounters(programs[index].id()).record(code);
        }
        return code;
    }
}
