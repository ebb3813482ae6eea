package dev.ebpfjvm.core.testrun;

import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.skb.Devices;
import dev.ebpfjvm.core.skb.EthTypeTrans;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.SkBuffField;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.skb.SkbMetadata;

/**
 * {@code BPF_PROG_TEST_RUN} for a tc program, as {@code bpf_prog_test_run_skb()} in
 * net/bpf/test_run.c (v6.18) does it: the frame becomes a linear skb received on loopback
 * (ifindex 1, all-zero MAC and broadcast address), {@code eth_type_trans()} classifies it and the
 * Ethernet header is pushed back, the input {@code __sk_buff} sets the fields the kernel accepts,
 * the program runs, and the output {@code __sk_buff} returns the fields the kernel copies back.
 *
 * <p>Errors, as the kernel gives them: -EINVAL for a frame under 14 or over 3712 bytes, an IPv4
 * frame with less than 20 bytes after the Ethernet header (IPv6: 40), a non-zero input field the
 * kernel does not accept, a {@code wire_len} under the frame length or over 65536, a
 * {@code gso_segs} over 65535; -ENODEV for an {@code ifindex} other than 0 and 1 (the model has
 * only loopback); -ENOSPC when the output packet is longer than the caller's buffer.
 */
public final class SkbTestRun {
    /** {@code PAGE_SIZE - NET_SKB_PAD - SKB_DATA_ALIGN(sizeof(struct skb_shared_info))} on x86-64. */
    public static final int MAX_DATA = 4096 - 64 - 320;
    static final long EINVAL = -22;
    static final long ENODEV = -19;
    static final long ENOSPC = -28;
    private static final int LOOPBACK = 1;
    private static final byte[] LOOPBACK_ADDR = new byte[6];
    private static final int GSO_LEGACY_MAX_SIZE = 65536;
    private static final int GSO_MAX_SEGS = 65535;
    /** The byte ranges of {@code struct __sk_buff} that {@code convert___skb_to_skb()} accepts. */
    private static final SkBuffField[] ACCEPTED = {SkBuffField.MARK, SkBuffField.PRIORITY,
        SkBuffField.INGRESS_IFINDEX, SkBuffField.IFINDEX, SkBuffField.CB, SkBuffField.TSTAMP,
        SkBuffField.WIRE_LEN, SkBuffField.GSO_SEGS, SkBuffField.GSO_SIZE, SkBuffField.HWTSTAMP};

    private SkbTestRun() {
    }

    /**
     * The outcome of a test run.
     *
     * @param error 0, or the negative errno the syscall would fail with
     * @param retval r0 of the program, as the kernel's u32 {@code retval}
     * @param dataOut the packet after the run
     * @param ctxOut the output {@code struct __sk_buff} (192 bytes)
     */
    public record Outcome(long error, long retval, byte[] dataOut, byte[] ctxOut) {
        static Outcome failed(long error) {
            return new Outcome(error, 0, new byte[0], new byte[0]);
        }
    }

    /**
     * Builds the skb of a test run and installs it as the context of {@code ctx}.
     *
     * @param data the frame, from its Ethernet header
     * @param ctxIn the input {@code struct __sk_buff}, 192 bytes
     * @return the installed skb, or null with {@code error[0]} set
     */
    public static Skb prepare(ProgramContext ctx, byte[] data, byte[] ctxIn, long[] error) {
        error[0] = 0;
        int ifindex = (int) LittleEndian.getU32(ctxIn, SkBuffField.IFINDEX.offset());
        if (data.length < EthTypeTrans.ETH_HLEN || data.length > MAX_DATA) {
            error[0] = EINVAL;
        } else if (Integer.compareUnsigned(ifindex, LOOPBACK) > 0) {
            error[0] = ENODEV;
        }
        if (error[0] != 0) {
            return null;
        }
        Skb skb = Skb.of(data);
        EthTypeTrans.apply(skb, LOOPBACK, LOOPBACK_ADDR, LOOPBACK_ADDR);
        int l3 = data.length - EthTypeTrans.ETH_HLEN;
        int proto = skb.meta().protocol();
        if ((proto == 0x0800 && l3 < 20) || (proto == 0x86dd && l3 < 40)) {
            error[0] = EINVAL;
            return null;
        }
        error[0] = applyCtx(skb, ctxIn);
        if (error[0] != 0) {
            return null;
        }
        SkBuffContext.install(ctx, skb, Devices.loopbackOnly());
        return skb;
    }

    /** Mirrors {@code convert___skb_to_skb()}. */
    private static long applyCtx(Skb skb, byte[] c) {
        boolean[] accepted = new boolean[c.length];
        for (SkBuffField f : ACCEPTED) {
            for (int i = 0; i < f.size(); i++) {
                accepted[f.offset() + i] = true;
            }
        }
        for (int i = 0; i < c.length; i++) {
            if (c[i] != 0 && !accepted[i]) {
                return EINVAL;
            }
        }
        SkbMetadata m = skb.meta();
        m.setMark((int) LittleEndian.getU32(c, SkBuffField.MARK.offset()));
        m.setPriority((int) LittleEndian.getU32(c, SkBuffField.PRIORITY.offset()));
        m.setIngressIfindex((int) LittleEndian.getU32(c, SkBuffField.INGRESS_IFINDEX.offset()));
        m.setTstamp(LittleEndian.getU64(c, SkBuffField.TSTAMP.offset()));
        System.arraycopy(c, SkBuffField.CB.offset(), m.cb(), 0, SkbMetadata.CB_SIZE);
        long wireLen = LittleEndian.getU32(c, SkBuffField.WIRE_LEN.offset());
        if (wireLen == 0) {
            m.setWireLen(skb.len());
        } else if (wireLen < skb.len() || wireLen > GSO_LEGACY_MAX_SIZE) {
            return EINVAL;
        } else {
            m.setWireLen((int) wireLen);
        }
        long gsoSegs = LittleEndian.getU32(c, SkBuffField.GSO_SEGS.offset());
        if (gsoSegs > GSO_MAX_SEGS) {
            return EINVAL;
        }
        m.setGsoSegs((int) gsoSegs);
        m.setGsoSize((int) LittleEndian.getU32(c, SkBuffField.GSO_SIZE.offset()));
        m.setHwtstamp(LittleEndian.getU64(c, SkBuffField.HWTSTAMP.offset()));
        return 0;
    }

    /**
     * Runs a program once on a prepared skb and collects the outcome.
     *
     * @param dataSizeOut the caller's packet buffer; a longer output packet is -ENOSPC (0: no limit)
     */
    public static Outcome run(Executable exe, ProgramContext ctx, Skb skb, int dataSizeOut) {
        long r0 = exe.run(ctx);
        byte[] out = skb.bytes();
        if (dataSizeOut > 0 && out.length > dataSizeOut) {
            return Outcome.failed(ENOSPC);
        }
        return new Outcome(0, r0 & 0xffffffffL, out, ctxOut(skb));
    }

    /** Mirrors {@code convert_skb_to___skb()}. */
    private static byte[] ctxOut(Skb skb) {
        SkbMetadata m = skb.meta();
        byte[] c = new byte[SkBuffField.STRUCT_SIZE];
        LittleEndian.putU32(c, SkBuffField.MARK.offset(), m.mark());
        LittleEndian.putU32(c, SkBuffField.PRIORITY.offset(), m.priority());
        LittleEndian.putU32(c, SkBuffField.INGRESS_IFINDEX.offset(), m.ingressIfindex());
        LittleEndian.putU32(c, SkBuffField.IFINDEX.offset(), m.ifindex());
        LittleEndian.putU64(c, SkBuffField.TSTAMP.offset(), m.tstamp());
        System.arraycopy(m.cb(), 0, c, SkBuffField.CB.offset(), SkbMetadata.CB_SIZE);
        LittleEndian.putU32(c, SkBuffField.WIRE_LEN.offset(), m.wireLen());
        LittleEndian.putU32(c, SkBuffField.GSO_SEGS.offset(), m.gsoSegs());
        LittleEndian.putU64(c, SkBuffField.HWTSTAMP.offset(), m.hwtstamp());
        return c;
    }
}
