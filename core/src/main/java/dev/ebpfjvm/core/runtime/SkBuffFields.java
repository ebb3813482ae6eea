package dev.ebpfjvm.core.runtime;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.skb.SkBuffField;
import dev.ebpfjvm.core.skb.SkbMetadata;
import java.util.Arrays;

/**
 * The {@code struct __sk_buff} fields a test run takes in and gives back ({@code ctx_in} and
 * {@code ctx_out} of {@code BPF_PROG_TEST_RUN}): the kernel's convert___skb_to_skb() accepts exactly
 * these and convert_skb_to___skb() returns them ({@code gso_size} in only). Unsigned kernel values
 * are held in Java's signed types bit for bit.
 *
 * @param cb the five {@code cb[]} words
 */
public record SkBuffFields(
        int mark,
        int priority,
        int ingressIfindex,
        int ifindex,
        long tstamp,
        int[] cb,
        int wireLen,
        int gsoSegs,
        int gsoSize,
        long hwtstamp) {
    /** The byte ranges of {@code struct __sk_buff} that {@code convert___skb_to_skb()} accepts. */
    private static final SkBuffField[] ACCEPTED = {
        SkBuffField.MARK,
        SkBuffField.PRIORITY,
        SkBuffField.INGRESS_IFINDEX,
        SkBuffField.IFINDEX,
        SkBuffField.CB,
        SkBuffField.TSTAMP,
        SkBuffField.WIRE_LEN,
        SkBuffField.GSO_SEGS,
        SkBuffField.GSO_SIZE,
        SkBuffField.HWTSTAMP
    };

    /** Every field 0: what a run without {@code ctx_in} passes. */
    public static final SkBuffFields NONE = new SkBuffFields(0, 0, 0, 0, 0, new int[5], 0, 0, 0, 0);

    public SkBuffFields {
        if (cb.length != 5) {
            throw new IllegalArgumentException("cb has 5 words, got " + cb.length);
        }
        cb = cb.clone();
    }

    /** {@return the five {@code cb[]} words (a copy)} */
    @Override
    public int[] cb() {
        return cb.clone();
    }

    /** {@return these fields with another {@code mark}} */
    public SkBuffFields withMark(int v) {
        return new SkBuffFields(v, priority, ingressIfindex, ifindex, tstamp, cb, wireLen, gsoSegs, gsoSize, hwtstamp);
    }

    /** {@return these fields with another {@code priority}} */
    public SkBuffFields withPriority(int v) {
        return new SkBuffFields(mark, v, ingressIfindex, ifindex, tstamp, cb, wireLen, gsoSegs, gsoSize, hwtstamp);
    }

    /** {@return these fields with other {@code cb[]} words} */
    public SkBuffFields withCb(int... words) {
        return new SkBuffFields(
                mark, priority, ingressIfindex, ifindex, tstamp, words, wireLen, gsoSegs, gsoSize, hwtstamp);
    }

    /** {@return the 192-byte {@code struct __sk_buff} with these fields and zeros elsewhere} */
    public byte[] toStruct() {
        byte[] c = new byte[SkBuffField.STRUCT_SIZE];
        LittleEndian.putU32(c, SkBuffField.MARK.offset(), mark);
        LittleEndian.putU32(c, SkBuffField.PRIORITY.offset(), priority);
        LittleEndian.putU32(c, SkBuffField.INGRESS_IFINDEX.offset(), ingressIfindex);
        LittleEndian.putU32(c, SkBuffField.IFINDEX.offset(), ifindex);
        LittleEndian.putU64(c, SkBuffField.TSTAMP.offset(), tstamp);
        for (int i = 0; i < cb.length; i++) {
            LittleEndian.putU32(c, SkBuffField.CB.offset() + 4 * i, cb[i]);
        }
        LittleEndian.putU32(c, SkBuffField.WIRE_LEN.offset(), wireLen);
        LittleEndian.putU32(c, SkBuffField.GSO_SEGS.offset(), gsoSegs);
        LittleEndian.putU32(c, SkBuffField.GSO_SIZE.offset(), gsoSize);
        LittleEndian.putU64(c, SkBuffField.HWTSTAMP.offset(), hwtstamp);
        return c;
    }

    /**
     * {@return the fields of a raw {@code struct __sk_buff}, as a {@code ctx_in} buffer gives them}
     *
     * @throws TestRunException EINVAL when a byte outside the accepted fields is not zero, as
     *     convert___skb_to_skb() refuses it
     */
    public static SkBuffFields fromStruct(byte[] c) {
        if (c.length > SkBuffField.STRUCT_SIZE) {
            throw new TestRunException(
                    Errno.EINVAL, "ctx_in of " + c.length + " bytes, struct __sk_buff has " + SkBuffField.STRUCT_SIZE);
        }
        byte[] s = Arrays.copyOf(c, SkBuffField.STRUCT_SIZE);
        boolean[] accepted = new boolean[s.length];
        for (SkBuffField f : ACCEPTED) {
            Arrays.fill(accepted, f.offset(), f.offset() + f.size(), true);
        }
        for (int i = 0; i < s.length; i++) {
            if (s[i] != 0 && !accepted[i]) {
                throw new TestRunException(
                        Errno.EINVAL,
                        "ctx_in sets byte " + i + " of struct __sk_buff, which a " + "test run does not accept");
            }
        }
        int[] cb = new int[5];
        for (int i = 0; i < cb.length; i++) {
            cb[i] = (int) LittleEndian.getU32(s, SkBuffField.CB.offset() + 4 * i);
        }
        return new SkBuffFields(
                u32(s, SkBuffField.MARK),
                u32(s, SkBuffField.PRIORITY),
                u32(s, SkBuffField.INGRESS_IFINDEX),
                u32(s, SkBuffField.IFINDEX),
                LittleEndian.getU64(s, SkBuffField.TSTAMP.offset()),
                cb,
                u32(s, SkBuffField.WIRE_LEN),
                u32(s, SkBuffField.GSO_SEGS),
                u32(s, SkBuffField.GSO_SIZE),
                LittleEndian.getU64(s, SkBuffField.HWTSTAMP.offset()));
    }

    private static int u32(byte[] s, SkBuffField f) {
        return (int) LittleEndian.getU32(s, f.offset());
    }

    /** {@return the fields of an skb after a run, as convert_skb_to___skb() copies them out} */
    static SkBuffFields of(SkbMetadata m) {
        int[] cb = new int[5];
        for (int i = 0; i < cb.length; i++) {
            cb[i] = (int) LittleEndian.getU32(m.cb(), 4 * i);
        }
        return new SkBuffFields(
                m.mark(),
                m.priority(),
                m.ingressIfindex(),
                m.ifindex(),
                m.tstamp(),
                cb,
                m.wireLen(),
                m.gsoSegs(),
                0,
                m.hwtstamp());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkBuffFields f
                && mark == f.mark
                && priority == f.priority
                && ingressIfindex == f.ingressIfindex
                && ifindex == f.ifindex
                && tstamp == f.tstamp
                && Arrays.equals(cb, f.cb)
                && wireLen == f.wireLen
                && gsoSegs == f.gsoSegs
                && gsoSize == f.gsoSize
                && hwtstamp == f.hwtstamp;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new long[] {
            mark, priority, ingressIfindex, ifindex, tstamp, Arrays.hashCode(cb), wireLen, gsoSegs, gsoSize, hwtstamp
        });
    }

    @Override
    public String toString() {
        return "SkBuffFields[mark=" + mark + ", priority=" + priority + ", ingress_ifindex=" + ingressIfindex
                + ", ifindex=" + ifindex + ", tstamp=" + tstamp + ", cb=" + Arrays.toString(cb) + ", wire_len="
                + wireLen + ", gso_segs=" + gsoSegs + ", gso_size=" + gsoSize + ", hwtstamp=" + hwtstamp + "]";
    }
}
