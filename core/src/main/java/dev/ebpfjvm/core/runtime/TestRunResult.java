package dev.ebpfjvm.core.runtime;

import java.util.OptionalLong;

/**
 * What {@link BpfProgram#testRun} gives back, as {@code BPF_PROG_TEST_RUN} does.
 *
 * @param retval r0 as the kernel's u32 {@code retval}
 * @param data the frame after the run ({@code data_out})
 * @param ctx the {@code __sk_buff} fields after the run ({@code ctx_out})
 * @param durationNs the mean time of one run over {@link TestRun#repeat()} runs after the first, once
 *     compiled code is steady; empty when the run was not timed
 */
public record TestRunResult(long retval, byte[] data, SkBuffFields ctx, OptionalLong durationNs) {
    public TestRunResult {
        data = data.clone();
    }

    /** {@return {@code retval} as a signed 32-bit value, as tc reads verdicts ({@code TCX_NEXT} is -1)} */
    public int retvalS32() {
        return (int) retval;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
