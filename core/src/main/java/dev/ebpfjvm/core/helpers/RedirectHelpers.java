package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.skb.Redirect;
import dev.ebpfjvm.core.skb.SkBuffContext;
import dev.ebpfjvm.core.skb.Skb;

/**
 * {@code bpf_redirect}, {@code bpf_redirect_peer} and {@code bpf_clone_redirect}
 * (net/core/filter.c, v6.18). The first two only record the target on the skb and return
 * {@code TC_ACT_REDIRECT} (or {@code TC_ACT_SHOT} for bad flags) without looking the device up;
 * the tc layer acts on the record. The clone variant hands a copy to the device at once.
 */
public final class RedirectHelpers {
    /** {@code BPF_F_INGRESS}. */
    public static final long F_INGRESS = 1;
    /** {@code TC_ACT_SHOT}. */
    public static final long TC_ACT_SHOT = 2;
    /** {@code TC_ACT_REDIRECT}. */
    public static final long TC_ACT_REDIRECT = 7;

    private RedirectHelpers() {}

    /** {@code long bpf_redirect(u32 ifindex, u64 flags)}: flags other than {@code BPF_F_INGRESS} give {@code TC_ACT_SHOT}. */
    public static long redirect(ProgramContext ctx, long ifindex, long flags, long r3, long r4, long r5) {
        if ((flags & ~F_INGRESS) != 0) {
            return TC_ACT_SHOT;
        }
        SkBuffContext.of(ctx).skb().meta().setRedirect(new Redirect((int) ifindex, flags != 0, false));
        return TC_ACT_REDIRECT;
    }

    /** {@code long bpf_redirect_peer(u32 ifindex, u64 flags)}: any flag gives {@code TC_ACT_SHOT}. */
    public static long redirectPeer(ProgramContext ctx, long ifindex, long flags, long r3, long r4, long r5) {
        if (flags != 0) {
            return TC_ACT_SHOT;
        }
        SkBuffContext.of(ctx).skb().meta().setRedirect(new Redirect((int) ifindex, false, true));
        return TC_ACT_REDIRECT;
    }

    /**
     * {@code long bpf_clone_redirect(skb, u32 ifindex, u64 flags)}: -EINVAL for bad flags or an
     * unknown device, -ERANGE when the skb carries no link-layer header, else what the device
     * returns for the copy (0 when it takes it).
     */
    public static long cloneRedirect(ProgramContext ctx, long skbPtr, long ifindex, long flags, long r4, long r5) {
        if ((flags & ~F_INGRESS) != 0) {
            return Errno.EINVAL.negative();
        }
        SkBuffContext sb = SkBuffContext.of(ctx);
        int target = (int) ifindex;
        if (!sb.devices().exists(target)) {
            return Errno.EINVAL.negative();
        }
        Skb clone = sb.skb().copy();
        if (!clone.isMacHeaderSet() || clone.macHeader() >= clone.networkHeader()) {
            return Errno.ERANGE.negative();
        }
        clone.meta().setRedirect(null);
        return sb.devices().deliver(clone, target, (flags & F_INGRESS) != 0);
    }
}
