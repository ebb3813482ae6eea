package dev.ebpfjvm.core.skb;

/** {@link Devices#loopbackOnly()}: loopback, ifindex 1, where clones arrive and vanish. */
enum LoopbackOnly implements Devices {
    INSTANCE;

    /** The ifindex of the loopback device. */
    static final int LOOPBACK_IFINDEX = 1;

    @Override
    public boolean exists(int ifindex) {
        return ifindex == LOOPBACK_IFINDEX;
    }

    @Override
    public int deliver(Skb clone, int ifindex, boolean ingress) {
        return 0;
    }
}
