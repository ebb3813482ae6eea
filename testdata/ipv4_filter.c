// SPDX-License-Identifier: GPL-2.0
/*
 * An IPv4 ingress filter: drops packets whose source address or (protocol, destination port) is
 * listed in a HASH map, counting packets and bytes per blocked source; drops packets whose TTL
 * would expire; copies the DSCP into skb->priority; leaves the rest to the next program.
 */
#include "common.h"

struct drop_stats {
	__u64 packets;
	__u64 bytes;
};

struct port_key {
	__u8 proto;
	__u8 pad;
	__be16 port;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __be32);
	__type(value, struct drop_stats);
} blocked_sources SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct port_key);
	__type(value, __u32);
} blocked_ports SEC(".maps");

SEC("tcx/ingress")
int ipv4_filter(struct __sk_buff *skb)
{
	struct cursor c;
	struct port_key pk = {};
	struct drop_stats *st;
	struct iphdr *ip;
	__be16 proto, sport, dport;
	__u32 *hits;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TCX_NEXT;
	ip = parse_ipv4(&c);
	if (!ip)
		return TCX_DROP;
	if (ip->ttl <= 1)
		return TCX_DROP;
	skb->priority = ip->tos >> 2;

	st = bpf_map_lookup_elem(&blocked_sources, &ip->saddr);
	if (st) {
		__sync_fetch_and_add(&st->packets, 1);
		__sync_fetch_and_add(&st->bytes, skb->len);
		return TCX_DROP;
	}
	if (!parse_ports(&c, ip->protocol, &sport, &dport))
		return TCX_NEXT;
	pk.proto = ip->protocol;
	pk.port = dport;
	hits = bpf_map_lookup_elem(&blocked_ports, &pk);
	if (hits) {
		*hits += 1;
		return TCX_DROP;
	}
	return TCX_NEXT;
}

char LICENSE[] SEC("license") = "GPL";
