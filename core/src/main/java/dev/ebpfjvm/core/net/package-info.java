/**
 * Simulated network devices with the kernel's tcx multi-program chains and BPF links
 * (kernel/bpf/mprog.c, kernel/bpf/tcx.c and the tc hooks of net/core/dev.c, Linux 6.18).
 *
 * <p>A {@link dev.ebpfjvm.core.net.Network} owns devices ({@link dev.ebpfjvm.core.net.NetDevice},
 * veth pairs and loopback), allocates their ifindexes and link ids, and is the lock of every control
 * operation (the kernel's RTNL). Each device has an ingress and an egress
 * {@link dev.ebpfjvm.core.net.Hook}; a hook holds an immutable {@link dev.ebpfjvm.core.net.TcxChain}
 * snapshot with its revision, replaced atomically by every change, and the classic {@code cls_bpf}
 * direct-action filters of a clsact qdisc. A frame runs through one whole snapshot.
 *
 * <p>Two API layers: the typed one ({@link dev.ebpfjvm.core.net.Network#attachTcx},
 * {@link dev.ebpfjvm.core.net.Anchor}, {@link dev.ebpfjvm.core.net.Link},
 * {@link dev.ebpfjvm.core.net.Network#query}) in the style of cilium/ebpf, throwing
 * {@link dev.ebpfjvm.core.net.NetException} with the kernel's errno; and
 * {@link dev.ebpfjvm.core.net.BpfCalls}, which mirrors the {@code bpf(2)} commands with file
 * descriptors, raw flag words and negative errno results.
 */
package dev.ebpfjvm.core.net;
