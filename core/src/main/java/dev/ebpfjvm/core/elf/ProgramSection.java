package dev.ebpfjvm.core.elf;

import java.util.List;

/**
 * The program type and expected attach type a section name gives, with libbpf's conventions.
 * Mirrors section_defs[] and sec_def_matches() in libbpf's src/libbpf.c (v1.6, commit f7081a6):
 * a pattern ending in {@code +} matches the name itself or the name followed by {@code /…}, a
 * pattern ending in {@code /} matches any name it prefixes, any other pattern only itself; the
 * first matching entry wins. Only the tc and tcx sections are {@linkplain #supported supported}.
 *
 * @param pattern the libbpf pattern ({@code "tc"}, {@code "kprobe+"}, {@code "tcx/ingress"} …)
 * @param type the program type
 * @param attachType the expected attach type
 * @param supported whether ebpf-jvm runs programs of this section
 */
public record ProgramSection(String pattern, ProgramType type, AttachType attachType, boolean supported) {
    /** The section of names libbpf does not know: type UNSPEC, unsupported. */
    public static final ProgramSection UNKNOWN =
            new ProgramSection("", ProgramType.UNSPEC, AttachType.UNSPECIFIED, false);

    private static final List<ProgramSection> DEFS = List.of(
            def("socket", ProgramType.SOCKET_FILTER, AttachType.UNSPECIFIED, false),
            def("sk_reuseport/migrate", ProgramType.SK_REUSEPORT, AttachType.SK_REUSEPORT_SELECT_OR_MIGRATE, false),
            def("sk_reuseport", ProgramType.SK_REUSEPORT, AttachType.SK_REUSEPORT_SELECT, false),
            def("kprobe+", ProgramType.KPROBE, AttachType.UNSPECIFIED, false),
            def("uprobe+", ProgramType.KPROBE, AttachType.UNSPECIFIED, false),
            def("uprobe.s+", ProgramType.KPROBE, AttachType.UNSPECIFIED, false),
            def("kretprobe+", ProgramType.KPROBE, AttachType.UNSPECIFIED, false),
            def("uretprobe+", ProgramType.KPROBE, AttachType.UNSPECIFIED, false),
            def("uretprobe.s+", ProgramType.KPROBE, AttachType.UNSPECIFIED, false),
            def("kprobe.multi+", ProgramType.KPROBE, AttachType.TRACE_KPROBE_MULTI, false),
            def("kretprobe.multi+", ProgramType.KPROBE, AttachType.TRACE_KPROBE_MULTI, false),
            def("kprobe.session+", ProgramType.KPROBE, AttachType.TRACE_KPROBE_SESSION, false),
            def("uprobe.multi+", ProgramType.KPROBE, AttachType.TRACE_UPROBE_MULTI, false),
            def("uretprobe.multi+", ProgramType.KPROBE, AttachType.TRACE_UPROBE_MULTI, false),
            def("uprobe.session+", ProgramType.KPROBE, AttachType.TRACE_UPROBE_SESSION, false),
            def("uprobe.multi.s+", ProgramType.KPROBE, AttachType.TRACE_UPROBE_MULTI, false),
            def("uretprobe.multi.s+", ProgramType.KPROBE, AttachType.TRACE_UPROBE_MULTI, false),
            def("uprobe.session.s+", ProgramType.KPROBE, AttachType.TRACE_UPROBE_SESSION, false),
            def("ksyscall+", ProgramType.KPROBE, AttachType.UNSPECIFIED, false),
            def("kretsyscall+", ProgramType.KPROBE, AttachType.UNSPECIFIED, false),
            def("usdt+", ProgramType.KPROBE, AttachType.UNSPECIFIED, false),
            def("usdt.s+", ProgramType.KPROBE, AttachType.UNSPECIFIED, false),
            def("tc/ingress", ProgramType.SCHED_CLS, AttachType.TCX_INGRESS, true),
            def("tc/egress", ProgramType.SCHED_CLS, AttachType.TCX_EGRESS, true),
            def("tcx/ingress", ProgramType.SCHED_CLS, AttachType.TCX_INGRESS, true),
            def("tcx/egress", ProgramType.SCHED_CLS, AttachType.TCX_EGRESS, true),
            def("tc", ProgramType.SCHED_CLS, AttachType.UNSPECIFIED, true),
            def("classifier", ProgramType.SCHED_CLS, AttachType.UNSPECIFIED, true),
            def("action", ProgramType.SCHED_ACT, AttachType.UNSPECIFIED, true),
            def("netkit/primary", ProgramType.SCHED_CLS, AttachType.NETKIT_PRIMARY, false),
            def("netkit/peer", ProgramType.SCHED_CLS, AttachType.NETKIT_PEER, false),
            def("tracepoint+", ProgramType.TRACEPOINT, AttachType.UNSPECIFIED, false),
            def("tp+", ProgramType.TRACEPOINT, AttachType.UNSPECIFIED, false),
            def("tracepoint.s+", ProgramType.TRACEPOINT, AttachType.UNSPECIFIED, false),
            def("tp.s+", ProgramType.TRACEPOINT, AttachType.UNSPECIFIED, false),
            def("raw_tracepoint+", ProgramType.RAW_TRACEPOINT, AttachType.UNSPECIFIED, false),
            def("raw_tp+", ProgramType.RAW_TRACEPOINT, AttachType.UNSPECIFIED, false),
            def("raw_tracepoint.s+", ProgramType.RAW_TRACEPOINT, AttachType.UNSPECIFIED, false),
            def("raw_tp.s+", ProgramType.RAW_TRACEPOINT, AttachType.UNSPECIFIED, false),
            def("raw_tracepoint.w+", ProgramType.RAW_TRACEPOINT_WRITABLE, AttachType.UNSPECIFIED, false),
            def("raw_tp.w+", ProgramType.RAW_TRACEPOINT_WRITABLE, AttachType.UNSPECIFIED, false),
            def("tp_btf+", ProgramType.TRACING, AttachType.TRACE_RAW_TP, false),
            def("tp_btf.s+", ProgramType.TRACING, AttachType.TRACE_RAW_TP, false),
            def("fentry+", ProgramType.TRACING, AttachType.TRACE_FENTRY, false),
            def("fmod_ret+", ProgramType.TRACING, AttachType.MODIFY_RETURN, false),
            def("fexit+", ProgramType.TRACING, AttachType.TRACE_FEXIT, false),
            def("fentry.s+", ProgramType.TRACING, AttachType.TRACE_FENTRY, false),
            def("fmod_ret.s+", ProgramType.TRACING, AttachType.MODIFY_RETURN, false),
            def("fexit.s+", ProgramType.TRACING, AttachType.TRACE_FEXIT, false),
            def("fsession+", ProgramType.TRACING, AttachType.TRACE_FSESSION, false),
            def("fsession.s+", ProgramType.TRACING, AttachType.TRACE_FSESSION, false),
            def("fsession.multi+", ProgramType.TRACING, AttachType.TRACE_FSESSION_MULTI, false),
            def("fsession.multi.s+", ProgramType.TRACING, AttachType.TRACE_FSESSION_MULTI, false),
            def("fentry.multi+", ProgramType.TRACING, AttachType.TRACE_FENTRY_MULTI, false),
            def("fexit.multi+", ProgramType.TRACING, AttachType.TRACE_FEXIT_MULTI, false),
            def("fentry.multi.s+", ProgramType.TRACING, AttachType.TRACE_FENTRY_MULTI, false),
            def("fexit.multi.s+", ProgramType.TRACING, AttachType.TRACE_FEXIT_MULTI, false),
            def("freplace+", ProgramType.EXT, AttachType.UNSPECIFIED, false),
            def("lsm+", ProgramType.LSM, AttachType.LSM_MAC, false),
            def("lsm.s+", ProgramType.LSM, AttachType.LSM_MAC, false),
            def("lsm_cgroup+", ProgramType.LSM, AttachType.LSM_CGROUP, false),
            def("iter+", ProgramType.TRACING, AttachType.TRACE_ITER, false),
            def("iter.s+", ProgramType.TRACING, AttachType.TRACE_ITER, false),
            def("syscall", ProgramType.SYSCALL, AttachType.UNSPECIFIED, false),
            def("xdp.frags/devmap", ProgramType.XDP, AttachType.XDP_DEVMAP, false),
            def("xdp/devmap", ProgramType.XDP, AttachType.XDP_DEVMAP, false),
            def("xdp.frags/cpumap", ProgramType.XDP, AttachType.XDP_CPUMAP, false),
            def("xdp/cpumap", ProgramType.XDP, AttachType.XDP_CPUMAP, false),
            def("xdp.frags", ProgramType.XDP, AttachType.XDP, false),
            def("xdp", ProgramType.XDP, AttachType.XDP, false),
            def("perf_event", ProgramType.PERF_EVENT, AttachType.UNSPECIFIED, false),
            def("lwt_in", ProgramType.LWT_IN, AttachType.UNSPECIFIED, false),
            def("lwt_out", ProgramType.LWT_OUT, AttachType.UNSPECIFIED, false),
            def("lwt_xmit", ProgramType.LWT_XMIT, AttachType.UNSPECIFIED, false),
            def("lwt_seg6local", ProgramType.LWT_SEG6LOCAL, AttachType.UNSPECIFIED, false),
            def("sockops", ProgramType.SOCK_OPS, AttachType.CGROUP_SOCK_OPS, false),
            def("sk_skb/stream_parser", ProgramType.SK_SKB, AttachType.SK_SKB_STREAM_PARSER, false),
            def("sk_skb/stream_verdict", ProgramType.SK_SKB, AttachType.SK_SKB_STREAM_VERDICT, false),
            def("sk_skb/verdict", ProgramType.SK_SKB, AttachType.SK_SKB_VERDICT, false),
            def("sk_skb", ProgramType.SK_SKB, AttachType.UNSPECIFIED, false),
            def("sk_msg", ProgramType.SK_MSG, AttachType.SK_MSG_VERDICT, false),
            def("lirc_mode2", ProgramType.LIRC_MODE2, AttachType.LIRC_MODE2, false),
            def("flow_dissector", ProgramType.FLOW_DISSECTOR, AttachType.FLOW_DISSECTOR, false),
            def("cgroup_skb/ingress", ProgramType.CGROUP_SKB, AttachType.CGROUP_INET_INGRESS, false),
            def("cgroup_skb/egress", ProgramType.CGROUP_SKB, AttachType.CGROUP_INET_EGRESS, false),
            def("cgroup/skb", ProgramType.CGROUP_SKB, AttachType.UNSPECIFIED, false),
            def("cgroup/sock_create", ProgramType.CGROUP_SOCK, AttachType.CGROUP_INET_SOCK_CREATE, false),
            def("cgroup/sock_release", ProgramType.CGROUP_SOCK, AttachType.CGROUP_INET_SOCK_RELEASE, false),
            def("cgroup/sock", ProgramType.CGROUP_SOCK, AttachType.CGROUP_INET_SOCK_CREATE, false),
            def("cgroup/post_bind4", ProgramType.CGROUP_SOCK, AttachType.CGROUP_INET4_POST_BIND, false),
            def("cgroup/post_bind6", ProgramType.CGROUP_SOCK, AttachType.CGROUP_INET6_POST_BIND, false),
            def("cgroup/bind4", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_INET4_BIND, false),
            def("cgroup/bind6", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_INET6_BIND, false),
            def("cgroup/connect4", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_INET4_CONNECT, false),
            def("cgroup/connect6", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_INET6_CONNECT, false),
            def("cgroup/connect_unix", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_UNIX_CONNECT, false),
            def("cgroup/sendmsg4", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_UDP4_SENDMSG, false),
            def("cgroup/sendmsg6", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_UDP6_SENDMSG, false),
            def("cgroup/sendmsg_unix", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_UNIX_SENDMSG, false),
            def("cgroup/recvmsg4", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_UDP4_RECVMSG, false),
            def("cgroup/recvmsg6", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_UDP6_RECVMSG, false),
            def("cgroup/recvmsg_unix", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_UNIX_RECVMSG, false),
            def("cgroup/getpeername4", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_INET4_GETPEERNAME, false),
            def("cgroup/getpeername6", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_INET6_GETPEERNAME, false),
            def("cgroup/getpeername_unix", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_UNIX_GETPEERNAME, false),
            def("cgroup/getsockname4", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_INET4_GETSOCKNAME, false),
            def("cgroup/getsockname6", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_INET6_GETSOCKNAME, false),
            def("cgroup/getsockname_unix", ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_UNIX_GETSOCKNAME, false),
            def("cgroup/sysctl", ProgramType.CGROUP_SYSCTL, AttachType.CGROUP_SYSCTL, false),
            def("cgroup/getsockopt", ProgramType.CGROUP_SOCKOPT, AttachType.CGROUP_GETSOCKOPT, false),
            def("cgroup/setsockopt", ProgramType.CGROUP_SOCKOPT, AttachType.CGROUP_SETSOCKOPT, false),
            def("cgroup/dev", ProgramType.CGROUP_DEVICE, AttachType.CGROUP_DEVICE, false),
            def("struct_ops+", ProgramType.STRUCT_OPS, AttachType.UNSPECIFIED, false),
            def("struct_ops.s+", ProgramType.STRUCT_OPS, AttachType.UNSPECIFIED, false),
            def("sk_lookup", ProgramType.SK_LOOKUP, AttachType.SK_LOOKUP, false),
            def("netfilter", ProgramType.NETFILTER, AttachType.NETFILTER, false));

    private static ProgramSection def(String pattern, ProgramType type, AttachType attachType, boolean supported) {
        return new ProgramSection(pattern, type, attachType, supported);
    }

    /** {@return the definition of a section name, or {@link #UNKNOWN}} */
    public static ProgramSection of(String sectionName) {
        for (ProgramSection def : DEFS) {
            if (def.matches(sectionName)) {
                return def;
            }
        }
        return UNKNOWN;
    }

    /**
     * {@return why ebpf-jvm does not run programs of this definition, for messages and listings, or
     * an empty string when it runs them}
     */
    public String unsupportedReason() {
        if (supported) {
            return "";
        }
        if (this == UNKNOWN) {
            return "libbpf knows no program type for this section name";
        }
        return type.name().toLowerCase(java.util.Locale.ROOT)
                + " programs are not supported (ebpf-jvm runs tc and tcx programs)";
    }

    /** {@return every definition, in matching order} */
    public static List<ProgramSection> all() {
        return DEFS;
    }

    /** {@return true when this definition applies to a section name} */
    public boolean matches(String sectionName) {
        if (pattern.isEmpty()) {
            return false;
        }
        if (pattern.endsWith("/")) {
            return sectionName.startsWith(pattern);
        }
        if (pattern.endsWith("+")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            return sectionName.equals(prefix) || sectionName.startsWith(prefix + "/");
        }
        return sectionName.equals(pattern);
    }
}
