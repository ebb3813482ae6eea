package dev.ebpfjvm.core.net;

import dev.ebpfjvm.core.Errno;
import java.util.Arrays;

/**
 * The position logic of kernel/bpf/mprog.c (v6.18), on immutable entry arrays: attach (insert or
 * replace) and detach, with the kernel's checks in the kernel's order. Errors are thrown as
 * {@link NetException}; a failure changes nothing.
 */
final class Mprog {
    /** {@code BPF_F_REPLACE}. */
    static final int F_REPLACE = 1 << 2;
    /** {@code BPF_F_BEFORE}. */
    static final int F_BEFORE = 1 << 3;
    /** {@code BPF_F_AFTER}. */
    static final int F_AFTER = 1 << 4;
    /** {@code BPF_F_ID}. */
    static final int F_ID = 1 << 5;
    /** {@code BPF_F_LINK}. */
    static final int F_LINK = 1 << 13;
    /** {@code BPF_F_ATTACH_MASK_MPROG}. */
    static final int ATTACH_MASK = F_REPLACE | F_BEFORE | F_AFTER | F_ID | F_LINK;

    private static final int ENOENT = -Errno.ENOENT.code();
    private static final int EBUSY = -Errno.EBUSY.code();
    private static final int ERANGE = -Errno.ERANGE.code();

    /** A (program, link) pair: {@code struct bpf_tuple}; both null for "no relative object". */
    record Tuple(NetProgram prog, TcxLink link) {
        static final Tuple NONE = new Tuple(null, null);
    }

    /** Resolves the relative object once the checks before it passed ({@code bpf_mprog_tuple_relative()}). */
    @FunctionalInterface
    interface Relative {
        Tuple resolve();
    }

    private Mprog() {}

    /**
     * {@code bpf_mprog_attach()}.
     *
     * @param chain the current chain (a fresh one when the hook had none)
     * @param prog the program to attach
     * @param link the link that will own the entry, or null
     * @param old the program to replace (REPLACE), or null
     * @return the new entries
     */
    static TcxChain.Entry[] attach(
            TcxChain chain,
            NetProgram prog,
            TcxLink link,
            NetProgram old,
            int flags,
            Relative relative,
            long expectedRevision) {
        TcxChain.Entry[] e = chain.raw();
        if (expectedRevision != 0 && expectedRevision != chain.revision()) {
            throw new NetException(
                    Errno.ESTALE, "expected revision " + expectedRevision + ", chain is at " + chain.revision());
        }
        for (TcxChain.Entry x : e) {
            if (x.program() == prog) {
                throw new NetException(Errno.EEXIST, prog + " is already in the chain");
            }
        }
        Tuple rel = relative.resolve();
        int idx = -Errno.ERANGE.code();
        if ((flags & F_REPLACE) != 0) {
            int t = posExact(e, new Tuple(old, link));
            if (t < 0) {
                throw fail(t, "replace " + old);
            }
            idx = t;
        }
        idx = positions(e, rel, flags, idx);
        if (idx < -1) {
            if (rel.prog() != null || flags != 0) {
                throw new NetException(Errno.EINVAL, "a relative object or flags without a position");
            }
            idx = e.length;
            flags = F_AFTER;
        }
        if (idx >= TcxChain.MAX_ENTRIES) {
            throw new NetException(
                    Errno.ERANGE, "position " + idx + " beyond the " + TcxChain.MAX_ENTRIES + " entries of a chain");
        }
        TcxChain.Entry n = new TcxChain.Entry(prog, link);
        if ((flags & F_REPLACE) != 0) {
            TcxChain.Entry[] r = e.clone();
            r[idx] = n;
            return r;
        }
        if (e.length >= TcxChain.MAX_ENTRIES) {
            // The kernel would write past its 63 usable slots here (an insert before the tail of a full
            // chain); the simulation refuses it as the tail insert is refused. Not recorded on a kernel.
            throw new NetException(Errno.ERANGE, "the chain is full (" + TcxChain.MAX_ENTRIES + " entries)");
        }
        int at = idx;
        if (idx != e.length && (flags & F_BEFORE) != 0) {
            at = idx + 1;
        }
        TcxChain.Entry[] r = new TcxChain.Entry[e.length + 1];
        System.arraycopy(e, 0, r, 0, at);
        r[at] = n;
        System.arraycopy(e, at, r, at + 1, e.length - at);
        return r;
    }

    /**
     * {@code bpf_mprog_detach()}.
     *
     * @param prog the program to detach, or null to pick the entry by position
     * @param link the link whose entry goes (link release), or null
     * @return the new entries
     */
    static TcxChain.Entry[] detach(
            TcxChain chain, NetProgram prog, TcxLink link, int flags, Relative relative, long expectedRevision) {
        TcxChain.Entry[] e = chain.raw();
        if ((flags & F_REPLACE) != 0) {
            throw new NetException(Errno.EINVAL, "REPLACE is no detach flag");
        }
        if (expectedRevision != 0 && expectedRevision != chain.revision()) {
            throw new NetException(
                    Errno.ESTALE, "expected revision " + expectedRevision + ", chain is at " + chain.revision());
        }
        Tuple rel = relative.resolve();
        int idx = ERANGE;
        if (prog != null) {
            int t = posExact(e, new Tuple(prog, link));
            if (t < 0) {
                throw fail(t, "detach " + prog);
            }
            idx = t;
        }
        idx = positions(e, rel, flags, idx);
        if (idx < -1) {
            if (rel.prog() != null || flags != 0) {
                throw new NetException(Errno.EINVAL, "a relative object or flags without a position");
            }
            idx = e.length;
        }
        if (idx >= TcxChain.MAX_ENTRIES) {
            throw new NetException(Errno.ERANGE, "position " + idx + " beyond the chain");
        }
        if (e.length == 0) {
            // The kernel only gets here with a clsact-kept empty chain, where it would read slot -1;
            // not recorded on a kernel.
            throw new NetException(Errno.ENOENT, "the chain is empty");
        }
        int at = idx == -1 ? 0 : idx == e.length ? e.length - 1 : idx;
        if (e[at].link() != null && link == null) {
            throw new NetException(
                    Errno.EBUSY,
                    "entry " + at + " belongs to link " + e[at].link().id());
        }
        TcxChain.Entry[] r = new TcxChain.Entry[e.length - 1];
        System.arraycopy(e, 0, r, 0, at);
        System.arraycopy(e, at + 1, r, at, e.length - at - 1);
        return r;
    }

    /** The BEFORE and AFTER rules of attach and detach, each agreeing with the position so far. */
    private static int positions(TcxChain.Entry[] e, Tuple rel, int flags, int idx) {
        if ((flags & F_BEFORE) != 0) {
            int t = posBefore(e, rel);
            if (t < -1 || (idx >= -1 && t != idx)) {
                throw t < -1
                        ? fail(t, "before " + rel.prog())
                        : new NetException(Errno.ERANGE, "BEFORE points at another position");
            }
            idx = t;
        }
        if ((flags & F_AFTER) != 0) {
            int t = posAfter(e, rel);
            if (t < -1 || (idx >= -1 && t != idx)) {
                throw t < 0
                        ? fail(t, "after " + rel.prog())
                        : new NetException(Errno.ERANGE, "AFTER points at another position");
            }
            idx = t;
        }
        return idx;
    }

    private static int posExact(TcxChain.Entry[] e, Tuple t) {
        for (int i = 0; i < e.length; i++) {
            if (t.prog() == e[i].program()) {
                return t.link() == e[i].link() ? i : EBUSY;
            }
        }
        return ENOENT;
    }

    private static int posBefore(TcxChain.Entry[] e, Tuple t) {
        for (int i = 0; i < e.length; i++) {
            if (t.prog() == e[i].program() && (t.link() == null || t.link() == e[i].link())) {
                return i - 1;
            }
        }
        return t.prog() != null ? ENOENT : -1;
    }

    private static int posAfter(TcxChain.Entry[] e, Tuple t) {
        for (int i = 0; i < e.length; i++) {
            if (t.prog() == e[i].program() && (t.link() == null || t.link() == e[i].link())) {
                return i + 1;
            }
        }
        return t.prog() != null ? ENOENT : e.length;
    }

    private static NetException fail(int code, String what) {
        Errno errno = Errno.of(code);
        String why = errno == Errno.EBUSY ? "the entry belongs to a link" : "not in the chain";
        return new NetException(errno, what + ": " + why);
    }

    static String describe(TcxChain.Entry[] e) {
        return Arrays.toString(e);
    }
}
