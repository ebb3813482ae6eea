package dev.ebpfjvm.core.runtime;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.skb.Devices;
import dev.ebpfjvm.core.skb.EthTypeTrans;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.skb.SkbMetadata;
import java.util.OptionalLong;

/**
 * {@code BPF_PROG_TEST_RUN} for a tc program, as {@code bpf_prog_test_run_skb()} in
 * net/bpf/test_run.c (v6.18) does it: the frame becomes a linear skb received on loopback
 * (ifindex 1, all-zero MAC and broadcast address), {@code eth_type_trans()} classifies it and the
 * Ethernet header is pushed back, the input {@code __sk_buff} sets the fields the kernel accepts,
 * the program runs, and the output {@code __sk_buff} returns the fields the kernel copies back.
 *
 * <p>Errors, as the kernel gives them: EINVAL for a frame under 14 or over 3712 bytes, an IPv4
 * frame with less than 20 bytes after the Ethernet header (IPv6: 40), a {@code wire_len} under the
 * frame length or over 65536, a {@code gso_segs} over 65535; ENODEV for an {@code ifindex} other
 * than 0 and 1 (the model has only loopback); ENOSPC when the output packet is longer than the
 * caller's buffer.
 */
final class SkbTestRun {
    /** {@code PAGE_SIZE - NET_SKB_PAD - SKB_DATA_ALIGN(sizeof(struct skb_shared_info))} on x86-64. */
    static final int MAX_DATA = 4096 - 64 - 320;

    private static final int LOOPBACK = 1;
    private static final byte[] LOOPBACK_ADDR = new byte[6];
    private static final int GSO_LEGACY_MAX_SIZE = 65536;
    private static final int GSO_MAX_SEGS = 65535;
    /** Timed runs warm up for at least this long, so that the figure is the compiled code's. */
    private static final long MIN_WARMUP_NANOS = 200_000_000L;

    private SkbTestRun() {}

    /** Runs a tc program on a test frame. @throws TestRunException with the kernel's errno */
    static TestRunResult run(Executable exe, ProgramContext ctx, TestRun run) {
        Skb skb = prepare(ctx, run.data(), run.ctx());
        long r0 = exe.run(ctx);
        byte[] out = skb.bytes();
        if (run.dataSizeOut() > 0 && out.length > run.dataSizeOut()) {
            throw new TestRunException(
                    Errno.ENOSPC,
                    "the output frame of " + out.length + " bytes exceeds data_size_out " + run.dataSizeOut());
        }
        SkBuffFields ctxOut = SkBuffFields.of(skb.meta());
        OptionalLong duration = run.repeat() > 0 ? OptionalLong.of(time(exe, ctx, run.repeat())) : OptionalLong.empty();
        return new TestRunResult(r0 & 0xffffffffL, out, ctxOut, duration);
    }

    /** Builds the skb of a test run and installs it as the context of {@code ctx}. */
    static Skb prepare(ProgramContext ctx, byte[] data, SkBuffFields in) {
        if (data.length < EthTypeTrans.ETH_HLEN || data.length > MAX_DATA) {
            throw new TestRunException(
                    Errno.EINVAL,
                    "a frame of " + data.length + " bytes (must be " + EthTypeTrans.ETH_HLEN + " to " + MAX_DATA + ")");
        }
        if (Integer.compareUnsigned(in.ifindex(), LOOPBACK) > 0) {
            throw new TestRunException(
                    Errno.ENODEV,
                    "ifindex " + Integer.toUnsignedString(in.ifindex()) + ": the only device is loopback (1)");
        }
        Skb skb = Skb.of(data);
        EthTypeTrans.apply(skb, LOOPBACK, LOOPBACK_ADDR, LOOPBACK_ADDR);
        int l3 = data.length - EthTypeTrans.ETH_HLEN;
        int proto = skb.meta().protocol();
        if ((proto == 0x0800 && l3 < 20) || (proto == 0x86dd && l3 < 40)) {
            throw new TestRunException(
                    Errno.EINVAL,
                    "ethertype 0x" + Integer.toHexString(proto) + " needs " + (proto == 0x0800 ? 20 : 40)
                            + " bytes after the Ethernet header, the frame has " + l3);
        }
        applyCtx(skb, in);
        SkBuffContext.install(ctx, skb, Devices.loopbackOnly());
        return skb;
    }

    /** Mirrors {@code convert___skb_to_skb()}. */
    private static void applyCtx(Skb skb, SkBuffFields c) {
        SkbMetadata m = skb.meta();
        m.setMark(c.mark());
        m.setPriority(c.priority());
        m.setIngressIfindex(c.ingressIfindex());
        m.setTstamp(c.tstamp());
        int[] cb = c.cb();
        for (int i = 0; i < cb.length; i++) {
            LittleEndian.putU32(m.cb(), 4 * i, cb[i]);
        }
        long wireLen = Integer.toUnsignedLong(c.wireLen());
        if (wireLen == 0) {
            m.setWireLen(skb.len());
        } else if (wireLen < skb.len() || wireLen > GSO_LEGACY_MAX_SIZE) {
            throw new TestRunException(
                    Errno.EINVAL,
                    "wire_len " + wireLen + " (must be 0 or " + skb.len() + " to " + GSO_LEGACY_MAX_SIZE + ")");
        } else {
            m.setWireLen((int) wireLen);
        }
        long gsoSegs = Integer.toUnsignedLong(c.gsoSegs());
        if (gsoSegs > GSO_MAX_SEGS) {
            throw new TestRunException(Errno.EINVAL, "gso_segs " + gsoSegs + " (at most " + GSO_MAX_SEGS + ")");
        }
        m.setGsoSegs((int) gsoSegs);
        m.setGsoSize(c.gsoSize());
        m.setHwtstamp(c.hwtstamp());
    }

    /**
     * {@return the mean ns of one of {@code repeat} runs on the same skb and maps}, after warming up
     * for {@code repeat} runs and at least {@link #MIN_WARMUP_NANOS}, as the kernel's figure is its
     * JIT's steady state
     */
    private static long time(Executable exe, ProgramContext ctx, int repeat) {
        long warmStart = System.nanoTime();
        for (int i = 0; i < repeat || System.nanoTime() - warmStart < MIN_WARMUP_NANOS; i++) {
            exe.run(ctx);
        }
        long start = System.nanoTime();
        for (int i = 0; i < repeat; i++) {
            exe.run(ctx);
        }
        return (System.nanoTime() - start) / repeat;
    }
}
