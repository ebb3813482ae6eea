// SPDX-License-Identifier: GPL-2.0
/*
 * Two egress programs in one section. ipv6_flow_count counts IPv6 packets per (source, next
 * header) in a PERCPU_HASH and passes them; ipv6_hop_limit decrements the hop limit in place
 * (IPv6 has no header checksum) and drops packets whose hop limit is exhausted.
 */
#include "common.h"

struct flow_key {
	struct in6_addr saddr;
	__u8 nexthdr;
	__u8 pad[3];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 256);
	__type(key, struct flow_key);
	__type(value, __u64);
} ipv6_flows SEC(".maps");

SEC("tcx/egress")
int ipv6_flow_count(struct __sk_buff *skb)
{
	struct flow_key key = {};
	struct ipv6hdr *ip6;
	struct cursor c;
	__be16 proto;
	__u64 one = 1, *count;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IPV6_BE)
		return TCX_NEXT;
	ip6 = parse_ipv6(&c);
	if (!ip6)
		return TCX_DROP;
	__builtin_memcpy(&key.saddr, &ip6->saddr, sizeof(key.saddr));
	key.nexthdr = ip6->nexthdr;
	count = bpf_map_lookup_elem(&ipv6_flows, &key);
	if (count)
		*count += 1;
	else
		bpf_map_update_elem(&ipv6_flows, &key, &one, BPF_NOEXIST);
	return TCX_PASS;
}

SEC("tcx/egress")
int ipv6_hop_limit(struct __sk_buff *skb)
{
	struct ipv6hdr *ip6;
	struct cursor c;
	__be16 proto;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IPV6_BE)
		return TCX_NEXT;
	ip6 = parse_ipv6(&c);
	if (!ip6)
		return TCX_DROP;
	if (ip6->hop_limit <= 1)
		return TCX_DROP;
	ip6->hop_limit -= 1;
	return TCX_NEXT;
}

char LICENSE[] SEC("license") = "GPL";
