package dev.ebpfjvm.core.net;

/**
 * A classic {@code cls_bpf} filter in direct-action mode on a clsact qdisc
 * ({@code tc filter add dev D ingress|egress prio P handle H bpf da ...}).
 *
 * @param priority the filter priority (lower runs first)
 * @param handle the handle within the priority
 * @param program its program
 */
public record ClassicFilter(int priority, int handle, NetProgram program) {}
