/**
 * The BPF verifier: proves a program safe as kernel/bpf/verifier.c (v6.18) does for a privileged
 * loader (CAP_BPF + CAP_PERFMON + CAP_NET_ADMIN), explains a rejection with the kernel's words
 * and a kernel-style log, and hands per-instruction facts to the engines.
 *
 * <p>Entry point: {@link dev.ebpfjvm.core.verifier.Verifier#verify(VerifierInput)}, with the
 * input built from an object by {@link dev.ebpfjvm.core.verifier.VerifierInputs#of}; it returns a
 * {@link dev.ebpfjvm.core.verifier.VerifiedProgram} (facts, statistics, log) or throws a
 * {@link dev.ebpfjvm.core.verifier.VerifierException}.
 *
 * <p>Layout: {@code Cfg} (structure, reachability, prune points, register liveness), {@code Explorer}
 * (the depth-first path walk, ALU and jumps), {@code MemoryChecks}, {@code CallChecks} and
 * {@code HelperArgs} (accesses, calls, exits), {@code PointerAlu}/{@code ScalarAlu}/{@code Branches}
 * (the transfer functions), {@code Pruning} (states_equal), and the state records {@code Tnum},
 * {@code RegState}, {@code FuncState}, {@code VerifierState}.
 *
 * <p>Not modelled (the kernel's behaviour differs there): precision tracking and stack liveness
 * (pruning compares every scalar by range and every stack byte; register liveness is static),
 * the BTF return-type checks of global functions, kfuncs, iterators, {@code may_goto}, {@code bpf_for_each_map_elem} and
 * the other callback helpers but {@code bpf_loop}, and the unprivileged mode.
 */
package dev.ebpfjvm.core.verifier;
