/**
 * The packet and its {@code struct sk_buff}: {@link dev.ebpfjvm.core.skb.Skb} (packet bytes with
 * head- and tailroom and the header offsets), {@link dev.ebpfjvm.core.skb.SkbMetadata} (the scalar
 * fields tc programs see), and {@link dev.ebpfjvm.core.skb.SkBuffContext}, the
 * {@link dev.ebpfjvm.core.memory.ContextModel} that rewrites every {@code struct __sk_buff} access
 * as the kernel's {@code convert_ctx_access} does.
 *
 * <p>Helpers and engines see only this package; devices (the network model) sit above it.
 */
package dev.ebpfjvm.core.skb;
