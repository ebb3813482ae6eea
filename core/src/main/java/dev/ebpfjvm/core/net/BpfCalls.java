package dev.ebpfjvm.core.net;

import dev.ebpfjvm.core.Errno;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The tcx commands of {@code bpf(2)} over a {@link Network}, for code ported from the syscall:
 * file descriptors, raw flag words and attach types, and results that are a descriptor or 0 on
 * success and a negative errno on failure. Arguments are checked in the kernel's order
 * (kernel/bpf/syscall.c, tcx.c, mprog.c), so the same bad call fails with the same errno. The
 * descriptor table belongs to this object (one per simulated process); descriptors start at 3 and
 * the lowest free number is used, as {@code open()} does.
 */
public final class BpfCalls {
    /** {@code BPF_F_QUERY_EFFECTIVE}. */
    public static final int F_QUERY_EFFECTIVE = 1;

    private final Network network;
    private final Map<Integer, Object> fds = new TreeMap<>();

    /** A descriptor table over a network. */
    public BpfCalls(Network network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /**
     * The answer of {@code BPF_PROG_QUERY}.
     *
     * @param error 0, or the negative errno ({@code -ENOSPC} still fills the ids that fit)
     * @param revision the chain's revision
     * @param count the number of entries (all of them, also with {@code -ENOSPC})
     * @param progIds the program ids written: min(count, the caller's buffer)
     * @param linkIds the link ids written (0 for an entry without a link)
     */
    public record QueryReply(int error, long revision, int count, int[] progIds, int[] linkIds) {}

    /**
     * {@return a new descriptor for a program, as {@code BPF_PROG_LOAD} returns one}
     *
     * @throws IllegalArgumentException when the program is not registered in this network
     */
    public int open(NetProgram program) {
        synchronized (network.lock()) {
            if (network.programById(Objects.requireNonNull(program, "program").id()) != program) {
                throw new IllegalArgumentException(program + " is not registered in this network");
            }
            return install(program);
        }
    }

    /** {@return 0, or -EBADF; closing the last reference of a link releases it} */
    public int close(int fd) {
        Object o;
        synchronized (network.lock()) {
            o = fds.remove(fd);
        }
        if (o == null) {
            return (int) Errno.EBADF.negative();
        }
        if (o instanceof TcxLink) {
            network.linkPut((TcxLink) o);
        }
        return 0;
    }

    /** {@code BPF_PROG_ATTACH} for {@code BPF_TCX_INGRESS}/{@code BPF_TCX_EGRESS}. */
    public int progAttach(
            int targetIfindex,
            int attachBpfFd,
            int attachType,
            int attachFlags,
            int replaceBpfFd,
            int relativeFdOrId,
            long expectedRevision) {
        return call(() -> {
            Hook hook = hook(attachType);
            if ((attachFlags & ~Mprog.ATTACH_MASK) != 0) {
                throw new NetException(Errno.EINVAL, "attach flags 0x" + Integer.toHexString(attachFlags));
            }
            NetProgram prog = prog(attachBpfFd);
            network.progAttach(
                    targetIfindex,
                    prog,
                    hook,
                    attachFlags,
                    () -> prog(replaceBpfFd),
                    () -> relative(relativeFdOrId, attachFlags & ~Mprog.F_REPLACE),
                    expectedRevision);
            return 0;
        });
    }

    /** {@code BPF_PROG_DETACH}; {@code attachBpfFd} 0 picks the entry by position. */
    public int progDetach(
            int targetIfindex,
            int attachBpfFd,
            int attachType,
            int attachFlags,
            int relativeFdOrId,
            long expectedRevision) {
        return call(() -> {
            Hook hook = hook(attachType);
            if ((attachFlags & ~Mprog.ATTACH_MASK) != 0) {
                throw new NetException(Errno.EINVAL, "detach flags 0x" + Integer.toHexString(attachFlags));
            }
            NetProgram prog = attachBpfFd != 0 ? prog(attachBpfFd) : null;
            network.progDetach(
                    targetIfindex,
                    prog,
                    hook,
                    attachFlags,
                    () -> relative(relativeFdOrId, attachFlags),
                    expectedRevision);
            return 0;
        });
    }

    /**
     * {@code BPF_PROG_QUERY} with {@code count} entries in the caller's id buffers.
     *
     * @param count the size of the caller's buffers; 0 asks for the count only
     */
    public QueryReply progQuery(int targetIfindex, int attachType, int queryFlags, int count) {
        if (Hook.ofAttachType(attachType) == null || (queryFlags & ~F_QUERY_EFFECTIVE) != 0) {
            return new QueryReply((int) Errno.EINVAL.negative(), 0, 0, new int[0], new int[0]);
        }
        TcxQuery q;
        try {
            q = network.query(targetIfindex, Hook.ofAttachType(attachType));
        } catch (NetException e) {
            return new QueryReply((int) e.errno().negative(), 0, 0, new int[0], new int[0]);
        }
        if (queryFlags != 0) {
            return new QueryReply((int) Errno.EINVAL.negative(), 0, 0, new int[0], new int[0]);
        }
        int total = q.entries().size();
        int n = Math.min(Math.max(count, 0), total);
        int[] p = new int[n];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = q.entries().get(i).programId();
            l[i] = q.entries().get(i).linkId();
        }
        int err = count > 0 && count < total ? (int) Errno.ENOSPC.negative() : 0;
        return new QueryReply(err, q.revision(), total, p, l);
    }

    /** {@code BPF_LINK_CREATE} for a tcx attach type; returns the link's descriptor. */
    public int linkCreate(
            int progFd, int targetIfindex, int attachType, int flags, int relativeFdOrId, long expectedRevision) {
        return call(() -> {
            NetProgram prog = prog(progFd);
            Hook hook = hook(attachType);
            TcxLink l = network.linkCreate(
                    targetIfindex, prog, hook, flags, () -> relative(relativeFdOrId, flags), expectedRevision);
            synchronized (network.lock()) {
                return install(l);
            }
        });
    }

    /** {@code BPF_LINK_UPDATE}: flags may only be {@code BPF_F_REPLACE}, which checks {@code oldProgFd}. */
    public int linkUpdate(int linkFd, int newProgFd, int flags, int oldProgFd) {
        return call(() -> {
            if ((flags & ~Mprog.F_REPLACE) != 0) {
                throw new NetException(Errno.EINVAL, "link update flags 0x" + Integer.toHexString(flags));
            }
            TcxLink link = link(linkFd);
            NetProgram nprog = prog(newProgFd);
            NetProgram oprog = null;
            if ((flags & Mprog.F_REPLACE) != 0) {
                oprog = prog(oldProgFd);
            } else if (oldProgFd != 0) {
                throw new NetException(Errno.EINVAL, "old_prog_fd without BPF_F_REPLACE");
            }
            network.linkUpdate(link, nprog, oprog);
            return 0;
        });
    }

    /** {@code BPF_LINK_DETACH}: the link stays valid, detached. */
    public int linkDetach(int linkFd) {
        return call(() -> {
            network.linkDetach(link(linkFd));
            return 0;
        });
    }

    /** {@code BPF_OBJ_PIN} of a link descriptor (programs cannot be pinned here: EINVAL). */
    public int objPin(int fd, String path) {
        return call(() -> {
            network.pins().pin(path, link(fd));
            return 0;
        });
    }

    /** {@code BPF_OBJ_GET}: a new descriptor for the link pinned at a path. */
    public int objGet(String path) {
        return call(() -> {
            TcxLink l = network.pins().getLink(path);
            synchronized (network.lock()) {
                return install(l);
            }
        });
    }

    /**
     * {@return the info of a link descriptor ({@code BPF_OBJ_GET_INFO_BY_FD})}
     *
     * @throws NetException EBADF for a closed descriptor, EINVAL when it is no link
     */
    public LinkInfo linkInfo(int fd) {
        return link(fd).info();
    }

    /** {@return the program id behind a program descriptor} */
    public int progId(int fd) {
        return prog(fd).id();
    }

    private int install(Object o) {
        int fd = 3;
        while (fds.containsKey(fd)) {
            fd++;
        }
        fds.put(fd, o);
        return fd;
    }

    @FunctionalInterface
    private interface Call {
        int run();
    }

    private static int call(Call c) {
        try {
            return c.run();
        } catch (NetException e) {
            return (int) e.errno().negative();
        }
    }

    private static Hook hook(int attachType) {
        Hook h = Hook.ofAttachType(attachType);
        if (h == null) {
            throw new NetException(Errno.EINVAL, "attach type " + attachType + " is not a tcx hook");
        }
        return h;
    }

    private Object object(int fd) {
        synchronized (network.lock()) {
            Object o = fds.get(fd);
            if (o == null) {
                throw new NetException(Errno.EBADF, "fd " + fd + " is not open");
            }
            return o;
        }
    }

    private NetProgram prog(int fd) {
        Object o = object(fd);
        if (!(o instanceof NetProgram)) {
            throw new NetException(Errno.EINVAL, "fd " + fd + " is no program");
        }
        return (NetProgram) o;
    }

    private TcxLink link(int fd) {
        Object o = object(fd);
        if (!(o instanceof TcxLink)) {
            throw new NetException(Errno.EINVAL, "fd " + fd + " is no link");
        }
        return (TcxLink) o;
    }

    /** {@code bpf_mprog_tuple_relative()}. */
    private Mprog.Tuple relative(int idOrFd, int flags) {
        boolean id = (flags & Mprog.F_ID) != 0;
        if ((flags & Mprog.F_LINK) != 0) {
            TcxLink l;
            if (id) {
                l = network.linkById(idOrFd);
                if (l == null) {
                    throw new NetException(Errno.ENOENT, "no link of id " + idOrFd);
                }
            } else if (idOrFd != 0) {
                l = link(idOrFd);
            } else {
                throw new NetException(Errno.EINVAL, "LINK without a relative link");
            }
            return new Mprog.Tuple(l.program(), l);
        }
        if (!id && idOrFd == 0) {
            return Mprog.Tuple.NONE;
        }
        NetProgram p;
        if (id) {
            p = network.programById(idOrFd);
            if (p == null) {
                throw new NetException(Errno.ENOENT, "no program of id " + idOrFd);
            }
        } else {
            p = prog(idOrFd);
        }
        return new Mprog.Tuple(p, null);
    }
}
