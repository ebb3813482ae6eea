package dev.ebpfjvm.core.runtime;

import java.util.Objects;

/**
 * The input of {@link BpfProgram#testRun}, as {@code BPF_PROG_TEST_RUN} takes it for a tc program.
 *
 * @param data the frame, from its Ethernet header ({@code data_in})
 * @param ctx the {@code __sk_buff} fields to start from ({@code ctx_in})
 * @param repeat 0 for one untimed run; above 0 to also time the program over that many runs
 *     ({@code repeat}) after warming up until compiled code is steady; those runs change maps as
 *     any run does, so a program that counts sees more runs than {@code repeat}
 * @param dataSizeOut the caller's output buffer; a longer output frame fails with ENOSPC (0: no limit)
 */
public record TestRun(byte[] data, SkBuffFields ctx, int repeat, int dataSizeOut) {
    public TestRun {
        data = Objects.requireNonNull(data, "data").clone();
        Objects.requireNonNull(ctx, "ctx");
        if (repeat < 0 || dataSizeOut < 0) {
            throw new IllegalArgumentException("repeat and dataSizeOut must not be negative");
        }
    }

    /** {@return one run on a frame, with no {@code ctx_in} and no output limit} */
    public static TestRun of(byte[] frame) {
        return new TestRun(frame, SkBuffFields.NONE, 0, 0);
    }

    /** {@return this run starting from other {@code __sk_buff} fields} */
    public TestRun withCtx(SkBuffFields fields) {
        return new TestRun(data, fields, repeat, dataSizeOut);
    }

    /** {@return this run timed over {@code n} runs} */
    public TestRun withRepeat(int n) {
        return new TestRun(data, ctx, n, dataSizeOut);
    }

    /** {@return this run with an output buffer of {@code bytes}} */
    public TestRun withDataSizeOut(int bytes) {
        return new TestRun(data, ctx, repeat, bytes);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
