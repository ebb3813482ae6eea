// SPDX-License-Identifier: GPL-2.0
/*
 * Sends one record per IPv4 packet to this CPU's slot of a PERF_EVENT_ARRAY
 * (bpf_perf_event_output with BPF_F_CURRENT_CPU), then a second one that carries
 * the Ethernet and IPv4 headers after the record (length in the upper 32 bits of
 * flags). Drops the packet when an output fails (e.g. no event in the slot).
 */
#include "common.h"

#define HEADERS_LEN (sizeof(struct ethhdr) + sizeof(struct iphdr))

struct event {
	__be32 saddr;
	__be32 daddr;
	__u32 len;
	__u8 proto;
	__u8 ttl;
	__u16 seq;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} events SEC(".maps");

SEC("tc")
int perf_events(struct __sk_buff *skb)
{
	struct event ev = {};
	struct iphdr *ip;
	struct cursor c;
	__be16 proto;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TC_ACT_OK;
	ip = parse_ipv4(&c);
	if (!ip)
		return TC_ACT_OK;
	ev.saddr = ip->saddr;
	ev.daddr = ip->daddr;
	ev.len = skb->len;
	ev.proto = ip->protocol;
	ev.ttl = ip->ttl;
	ev.seq = 1;
	if (bpf_perf_event_output(skb, &events, BPF_F_CURRENT_CPU, &ev, sizeof(ev)))
		return TC_ACT_SHOT;
	ev.seq = 2;
	if (bpf_perf_event_output(skb, &events, (__u64)HEADERS_LEN << 32 | BPF_F_CURRENT_CPU, &ev, sizeof(ev)))
		return TC_ACT_SHOT;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
