// SPDX-License-Identifier: GPL-2.0
/*
 * One program per known section family, to check the section-name conventions: the tc kinds
 * ebpf-jvm runs, and xdp, socket, kprobe/, tracepoint/ and cgroup_skb/ which it recognises and
 * reports as unsupported.
 */
#include "common.h"

SEC("tc")
int sec_tc(struct __sk_buff *skb) { return TC_ACT_OK; }

SEC("classifier")
int sec_classifier(struct __sk_buff *skb) { return TC_ACT_OK; }

SEC("tc/ingress")
int sec_tc_ingress(struct __sk_buff *skb) { return TCX_NEXT; }

SEC("tc/egress")
int sec_tc_egress(struct __sk_buff *skb) { return TCX_NEXT; }

SEC("tcx/ingress")
int sec_tcx_ingress(struct __sk_buff *skb) { return TCX_PASS; }

SEC("tcx/egress")
int sec_tcx_egress(struct __sk_buff *skb) { return TCX_DROP; }

SEC("action")
int sec_action(struct __sk_buff *skb) { return TC_ACT_OK; }

SEC("xdp")
int sec_xdp(struct xdp_md *ctx) { return XDP_PASS; }

SEC("socket")
int sec_socket(struct __sk_buff *skb) { return 0; }

SEC("kprobe/do_unlinkat")
int sec_kprobe(void *ctx) { return 0; }

SEC("tracepoint/syscalls/sys_enter_openat")
int sec_tracepoint(void *ctx) { return 0; }

SEC("cgroup_skb/ingress")
int sec_cgroup_skb(struct __sk_buff *skb) { return 1; }

char LICENSE[] SEC("license") = "GPL";
__u32 _version SEC("version") = 0x060100;
