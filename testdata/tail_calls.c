// SPDX-License-Identifier: GPL-2.0
/*
 * Tail calls through a PROG_ARRAY whose slots are filled from the object (the __array(values)
 * initialiser): the dispatcher jumps to a handler chosen by the IPv4 protocol number. Each
 * handler counts its hits, marks the packet and returns a verdict of its own; a protocol without
 * a handler falls through the tail call and the dispatcher returns TC_ACT_OK.
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} tail_hits SEC(".maps");

static __always_inline void hit(__u32 slot)
{
	__u64 *n = bpf_map_lookup_elem(&tail_hits, &slot);

	if (n)
		__sync_fetch_and_add(n, 1);
}

SEC("tc")
int handle_icmp(struct __sk_buff *skb)
{
	hit(1);
	skb->mark = IPPROTO_ICMP;
	return TC_ACT_SHOT;
}

SEC("tc")
int handle_tcp(struct __sk_buff *skb)
{
	hit(2);
	skb->mark = IPPROTO_TCP;
	return TC_ACT_OK;
}

SEC("tc")
int handle_udp(struct __sk_buff *skb)
{
	struct udphdr *udp;
	struct cursor c;
	__be16 proto;

	hit(3);
	skb->mark = IPPROTO_UDP;
	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || !parse_ipv4(&c))
		return TC_ACT_SHOT;
	udp = c.pos;
	if ((void *)(udp + 1) > c.end)
		return TC_ACT_SHOT;
	/* DNS is redirected to the classifier's "slow path" verdict. */
	return udp->dest == bpf_htons(53) ? TC_ACT_PIPE : TC_ACT_OK;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 32);
	__uint(key_size, sizeof(__u32));
	__array(values, int (void *));
} jmp_table SEC(".maps") = {
	.values = {
		[IPPROTO_ICMP] = (void *)&handle_icmp,
		[IPPROTO_TCP] = (void *)&handle_tcp,
		[IPPROTO_UDP] = (void *)&handle_udp,
	},
};

SEC("tc")
int dispatch(struct __sk_buff *skb)
{
	struct iphdr *ip;
	struct cursor c;
	__be16 proto;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TC_ACT_UNSPEC;
	ip = parse_ipv4(&c);
	if (!ip)
		return TC_ACT_SHOT;
	hit(0);
	bpf_tail_call(skb, &jmp_table, ip->protocol);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
