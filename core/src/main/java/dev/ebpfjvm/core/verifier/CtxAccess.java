package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.elf.ProgramType;

/**
 * Which {@code __sk_buff} fields a tc program may read or write, with which sizes, and what a read
 * gives: tc_cls_act_is_valid_access() and bpf_skb_is_valid_access() in net/core/filter.c (v6.18).
 * Other program types may not access their context here (their programs in the fixtures never do).
 */
final class CtxAccess {
    static final int SIZE = 192;
    private static final int DATA = 76;
    private static final int DATA_END = 80;
    private static final int DATA_META = 140;
    private static final int FAMILY = 88;
    private static final int LOCAL_PORT_END = 140;
    private static final int CB = 48;
    private static final int CB_END = 68;
    private static final int REMOTE_IP4 = 92;
    private static final int LOCAL_IP6_END = 132;
    private static final int FLOW_KEYS = 144;
    private static final int TSTAMP = 152;
    private static final int SK = 168;
    private static final int TSTAMP_TYPE = 180;
    private static final int HWTSTAMP = 184;

    private CtxAccess() {}

    /** {@return the type a valid access yields (SCALAR for plain fields), or null when it is not allowed} */
    static RegType check(ProgramType type, int off, int size, boolean write) {
        if (type != ProgramType.SCHED_CLS && type != ProgramType.SCHED_ACT) {
            return null;
        }
        if (write && !tcWritable(off)) {
            return null;
        }
        if (off >= FAMILY && off < LOCAL_PORT_END) {
            return null;
        }
        if (off == TSTAMP_TYPE) {
            return size == 1 && !write ? RegType.SCALAR : null;
        }
        if (!skbValid(off, size, write)) {
            return null;
        }
        switch (off) {
            case DATA:
                return RegType.PTR_TO_PACKET;
            case DATA_END:
                return RegType.PTR_TO_PACKET_END;
            case DATA_META:
                return RegType.PTR_TO_PACKET_META;
            case SK:
                return RegType.PTR_TO_SOCK_COMMON_OR_NULL;
            default:
                return RegType.SCALAR;
        }
    }

    private static boolean tcWritable(int off) {
        return in(off, 8, 4)
                || in(off, 44, 4)
                || in(off, 32, 4)
                || in(off, 72, 4)
                || (off >= CB && off < CB_END)
                || in(off, TSTAMP, 8)
                || in(off, 12, 4);
    }

    private static boolean in(int off, int start, int size) {
        return off >= start && off < start + size;
    }

    private static boolean skbValid(int off, int size, boolean write) {
        if (off < 0 || off >= SIZE || off % size != 0) {
            return false;
        }
        if (off >= CB && off < CB_END) {
            return off + size <= CB_END;
        }
        if ((off >= REMOTE_IP4 && off < LOCAL_IP6_END)
                || in(off, DATA, 4)
                || in(off, DATA_META, 4)
                || in(off, DATA_END, 4)) {
            return size == 4;
        }
        if (in(off, FLOW_KEYS, 8)) {
            return false;
        }
        if (in(off, HWTSTAMP, 8)) {
            return !write && size == 8;
        }
        if (in(off, TSTAMP, 8)) {
            return size == 8;
        }
        if (off == SK) {
            return !write && size == 8;
        }
        if (in(off, SK, 8)) {
            return false;
        }
        if (off > TSTAMP_TYPE && off < HWTSTAMP) {
            return false; // padding
        }
        if (write) {
            return size == 4;
        }
        return size <= 4;
    }
}
