// SPDX-License-Identifier: GPL-2.0
/*
 * BPF-to-BPF calls: static and global __noinline functions in .text called from two programs in
 * different sections (each program gets its own copy of the functions it calls), a function
 * calling another, and a static callback whose address is taken for bpf_loop (an lddw of a
 * function, BPF_PSEUDO_FUNC).
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} flow_hashes SEC(".maps");

struct loop_ctx {
	__u32 seed;
	__u32 acc;
};

/* A global function: the kernel verifies it on its own, so it takes scalars only. */
__noinline __u32 mix32(__u32 a, __u32 b)
{
	a ^= b;
	a *= 0x9e3779b1;
	return a ^ (a >> 15);
}

static __noinline __u32 hash_ports(__be16 sport, __be16 dport)
{
	return mix32(sport, (__u32)dport << 16);
}

static __noinline __u32 hash_addrs(struct iphdr *ip)
{
	if (!ip)
		return 0;
	return mix32(ip->saddr, ip->daddr);
}

static long mix_step(__u32 index, void *data)
{
	struct loop_ctx *lc = data;

	lc->acc = lc->acc * 31 + (lc->seed >> (index & 31));
	return index >= 5; /* stop after six rounds */
}

SEC("tc")
int flow_hash(struct __sk_buff *skb)
{
	__be16 proto, sport = 0, dport = 0;
	struct loop_ctx lc = {};
	struct iphdr *ip;
	struct cursor c;
	__u64 h;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TC_ACT_OK;
	ip = parse_ipv4(&c);
	if (!ip)
		return TC_ACT_SHOT;
	lc.seed = hash_addrs(ip);
	if (parse_ports(&c, ip->protocol, &sport, &dport))
		lc.seed ^= hash_ports(sport, dport);
	bpf_loop(16, mix_step, &lc, 0);
	h = lc.acc;
	bpf_map_update_elem(&flow_hashes, &lc.seed, &h, BPF_ANY);
	skb->cb[0] = lc.seed;
	return lc.acc & 1 ? TC_ACT_OK : TC_ACT_UNSPEC;
}

SEC("tc/egress")
int port_hash(struct __sk_buff *skb)
{
	__be16 proto, sport = 0, dport = 0;
	struct iphdr *ip;
	struct cursor c;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TCX_NEXT;
	ip = parse_ipv4(&c);
	if (!ip || !parse_ports(&c, ip->protocol, &sport, &dport))
		return TCX_NEXT;
	skb->mark = hash_ports(sport, dport);
	return TCX_PASS;
}

char LICENSE[] SEC("license") = "GPL";
