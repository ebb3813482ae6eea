package dev.ebpfjvm.core.elf;

/**
 * Program types with their ids of uapi {@code enum bpf_prog_type}. ebpf-jvm runs
 * {@link #SCHED_CLS} and {@link #SCHED_ACT} (tc and tcx programs); the others are recognised so
 * that an object can be listed and its unsupported programs named.
 */
public enum ProgramType {
    /** {@code BPF_PROG_TYPE_UNSPEC}. */
    UNSPEC(0),
    /** {@code BPF_PROG_TYPE_SOCKET_FILTER}. */
    SOCKET_FILTER(1),
    /** {@code BPF_PROG_TYPE_KPROBE}. */
    KPROBE(2),
    /** {@code BPF_PROG_TYPE_SCHED_CLS}. */
    SCHED_CLS(3),
    /** {@code BPF_PROG_TYPE_SCHED_ACT}. */
    SCHED_ACT(4),
    /** {@code BPF_PROG_TYPE_TRACEPOINT}. */
    TRACEPOINT(5),
    /** {@code BPF_PROG_TYPE_XDP}. */
    XDP(6),
    /** {@code BPF_PROG_TYPE_PERF_EVENT}. */
    PERF_EVENT(7),
    /** {@code BPF_PROG_TYPE_CGROUP_SKB}. */
    CGROUP_SKB(8),
    /** {@code BPF_PROG_TYPE_CGROUP_SOCK}. */
    CGROUP_SOCK(9),
    /** {@code BPF_PROG_TYPE_LWT_IN}. */
    LWT_IN(10),
    /** {@code BPF_PROG_TYPE_LWT_OUT}. */
    LWT_OUT(11),
    /** {@code BPF_PROG_TYPE_LWT_XMIT}. */
    LWT_XMIT(12),
    /** {@code BPF_PROG_TYPE_SOCK_OPS}. */
    SOCK_OPS(13),
    /** {@code BPF_PROG_TYPE_SK_SKB}. */
    SK_SKB(14),
    /** {@code BPF_PROG_TYPE_CGROUP_DEVICE}. */
    CGROUP_DEVICE(15),
    /** {@code BPF_PROG_TYPE_SK_MSG}. */
    SK_MSG(16),
    /** {@code BPF_PROG_TYPE_RAW_TRACEPOINT}. */
    RAW_TRACEPOINT(17),
    /** {@code BPF_PROG_TYPE_CGROUP_SOCK_ADDR}. */
    CGROUP_SOCK_ADDR(18),
    /** {@code BPF_PROG_TYPE_LWT_SEG6LOCAL}. */
    LWT_SEG6LOCAL(19),
    /** {@code BPF_PROG_TYPE_LIRC_MODE2}. */
    LIRC_MODE2(20),
    /** {@code BPF_PROG_TYPE_SK_REUSEPORT}. */
    SK_REUSEPORT(21),
    /** {@code BPF_PROG_TYPE_FLOW_DISSECTOR}. */
    FLOW_DISSECTOR(22),
    /** {@code BPF_PROG_TYPE_CGROUP_SYSCTL}. */
    CGROUP_SYSCTL(23),
    /** {@code BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE}. */
    RAW_TRACEPOINT_WRITABLE(24),
    /** {@code BPF_PROG_TYPE_CGROUP_SOCKOPT}. */
    CGROUP_SOCKOPT(25),
    /** {@code BPF_PROG_TYPE_TRACING}. */
    TRACING(26),
    /** {@code BPF_PROG_TYPE_STRUCT_OPS}. */
    STRUCT_OPS(27),
    /** {@code BPF_PROG_TYPE_EXT}. */
    EXT(28),
    /** {@code BPF_PROG_TYPE_LSM}. */
    LSM(29),
    /** {@code BPF_PROG_TYPE_SK_LOOKUP}. */
    SK_LOOKUP(30),
    /** {@code BPF_PROG_TYPE_SYSCALL}. */
    SYSCALL(31),
    /** {@code BPF_PROG_TYPE_NETFILTER}. */
    NETFILTER(32);

    private final int id;

    ProgramType(int id) {
        this.id = id;
    }

    /** {@return the kernel's id of the type} */
    public int id() {
        return id;
    }
}
