package dev.ebpfjvm.core.skb;

/**
 * The devices an skb's helpers can name, as far as helpers need them: {@code bpf_clone_redirect}
 * looks a device up and hands it a copy of the packet. The network model implements this over its
 * devices; {@link #loopbackOnly()} is the device set of a test run.
 */
public interface Devices {
    /** {@return whether a device of this ifindex exists ({@code dev_get_by_index_rcu()})} */
    boolean exists(int ifindex);

    /**
     * Hands a clone of an skb to a device.
     *
     * @param clone a copy of the skb, owned by the device from now on
     * @param ifindex an existing device
     * @param ingress true to receive it on the device, false to transmit it
     * @return 0, or a negative errno as {@code dev_queue_xmit()} or {@code dev_forward_skb()} give it
     */
    int deliver(Skb clone, int ifindex, boolean ingress);

    /** {@return the devices of a test run: only loopback (ifindex 1), which accepts and drops every packet} */
    static Devices loopbackOnly() {
        return LoopbackOnly.INSTANCE;
    }
}
