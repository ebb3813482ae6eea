// SPDX-License-Identifier: GPL-2.0
/*
 * The egress half of the pinned pair (see pinned_ingress.c): counts packets per IPv4
 * destination in the shared shared_hosts map and, once a host has sent more than
 * BLOCK_THRESHOLD packets in without any going out, adds it to shared_blocklist.
 */
#include "common.h"
#include "pinned_maps.h"

#define BLOCK_THRESHOLD 3

SEC("tcx/egress")
int pinned_egress(struct __sk_buff *skb)
{
	struct host_stats fresh = { .egress_packets = 1 }, *st;
	struct iphdr *ip;
	struct cursor c;
	__be16 proto;
	__u8 yes = 1;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TCX_NEXT;
	ip = parse_ipv4(&c);
	if (!ip)
		return TCX_DROP;
	st = bpf_map_lookup_elem(&shared_hosts, &ip->daddr);
	if (!st) {
		bpf_map_update_elem(&shared_hosts, &ip->daddr, &fresh, BPF_NOEXIST);
		return TCX_PASS;
	}
	if (st->egress_packets == 0 && st->ingress_packets > BLOCK_THRESHOLD) {
		bpf_map_update_elem(&shared_blocklist, &ip->daddr, &yes, BPF_ANY);
		return TCX_DROP;
	}
	__sync_fetch_and_add(&st->egress_packets, 1);
	return TCX_PASS;
}

char LICENSE[] SEC("license") = "GPL";
