// SPDX-License-Identifier: GPL-2.0
/*
 * The ingress half of a pair of objects sharing maps by name (LIBBPF_PIN_BY_NAME): counts
 * packets per IPv4 source in shared_hosts and blocks sources listed in shared_blocklist; the
 * egress object (pinned_egress.c) reads and writes the same maps.
 * Note: libbpf pins these maps under /sys/fs/bpf when it loads the object.
 */
#include "common.h"
#include "pinned_maps.h"

SEC("tcx/ingress")
int pinned_ingress(struct __sk_buff *skb)
{
	struct host_stats fresh = { .ingress_packets = 1 }, *st;
	struct iphdr *ip;
	struct cursor c;
	__be16 proto;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TCX_NEXT;
	ip = parse_ipv4(&c);
	if (!ip)
		return TCX_DROP;
	if (bpf_map_lookup_elem(&shared_blocklist, &ip->saddr))
		return TCX_DROP;
	st = bpf_map_lookup_elem(&shared_hosts, &ip->saddr);
	if (st)
		__sync_fetch_and_add(&st->ingress_packets, 1);
	else
		bpf_map_update_elem(&shared_hosts, &ip->saddr, &fresh, BPF_NOEXIST);
	return TCX_PASS;
}

char LICENSE[] SEC("license") = "GPL";
