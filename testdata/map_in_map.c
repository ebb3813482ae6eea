// SPDX-License-Identifier: GPL-2.0
/*
 * Map-in-map port policies. An ARRAY_OF_MAPS holds one port table per transport protocol
 * (slot 0 TCP, slot 1 UDP, both filled from the object); a HASH_OF_MAPS holds per-tenant
 * overrides keyed by skb->mark (slot 7 filled from the object). A matching port's value is the
 * verdict; packets without a policy go to the next program.
 */
#include "common.h"

struct port_table {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __be16);
	__type(value, __u32);
};

struct port_table tcp_ports SEC(".maps");
struct port_table udp_ports SEC(".maps");
struct port_table tenant_seven_ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 2);
	__type(key, __u32);
	__array(values, struct port_table);
} proto_policies SEC(".maps") = {
	.values = { &tcp_ports, &udp_ports },
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
	__uint(max_entries, 8);
	__type(key, __u32);
	__array(values, struct port_table);
} tenant_policies SEC(".maps") = {
	.values = { [7] = &tenant_seven_ports },
};

SEC("tc/egress")
int port_policy(struct __sk_buff *skb)
{
	__u32 tenant = skb->mark, slot;
	__be16 proto, sport, dport;
	struct iphdr *ip;
	struct cursor c;
	void *inner;
	__u32 *verdict;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TCX_NEXT;
	ip = parse_ipv4(&c);
	if (!ip || !parse_ports(&c, ip->protocol, &sport, &dport))
		return TCX_NEXT;
	inner = bpf_map_lookup_elem(&tenant_policies, &tenant);
	if (inner) {
		verdict = bpf_map_lookup_elem(inner, &dport);
		if (verdict)
			return *verdict;
	}
	slot = ip->protocol == IPPROTO_TCP ? 0 : 1;
	inner = bpf_map_lookup_elem(&proto_policies, &slot);
	if (!inner)
		return TCX_NEXT;
	verdict = bpf_map_lookup_elem(inner, &dport);
	return verdict ? *verdict : TCX_NEXT;
}

char LICENSE[] SEC("license") = "GPL";
