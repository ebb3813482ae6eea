package dev.ebpfjvm.core.skb;

/**
 * Where {@code bpf_redirect()} or {@code bpf_redirect_peer()} asked the skb to go, as the kernel's
 * per-CPU {@code bpf_redirect_info} records it; the tc layer acts on it when the program returns
 * {@code TC_ACT_REDIRECT}.
 *
 * @param ifindex the target device
 * @param ingress true for {@code BPF_F_INGRESS}: into the device's receive path
 * @param peer true for {@code bpf_redirect_peer()}: into the peer of the device, at ingress
 */
public record Redirect(int ifindex, boolean ingress, boolean peer) {}
