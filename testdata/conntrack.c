// SPDX-License-Identifier: GPL-2.0
/*
 * A small TCP/UDP connection tracker on IPv4 ingress. Flows live in an LRU_HASH keyed by the
 * 5-tuple: a TCP SYN creates an entry, FIN or RST removes it, other TCP segments without an
 * entry are dropped when strict mode is configured. Per-source packet counts go to an
 * LRU_PERCPU_HASH. The verdict and skb->mark tell what happened.
 */
#include "common.h"

struct flow {
	__be32 saddr;
	__be32 daddr;
	__be16 sport;
	__be16 dport;
	__u8 proto;
	__u8 pad[3];
};

struct flow_state {
	__u64 packets;
	__u32 state;
	__u8 last_flags;
	__u8 pad[3];
};

enum { CT_NEW = 1, CT_ESTABLISHED = 2 };
enum { MARK_UNTRACKED = 0x100, MARK_NEW, MARK_ESTABLISHED, MARK_CLOSED, MARK_INVALID };

const volatile __u8 strict_tcp = 0;

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 128);
	__type(key, struct flow);
	__type(value, struct flow_state);
} ct_flows SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
	__uint(max_entries, 32);
	__type(key, __be32);
	__type(value, __u64);
} ct_sources SEC(".maps");

static __always_inline __u8 tcp_flags(struct tcphdr *tcp)
{
	return ((__u8 *)tcp)[13];
}

static __always_inline void count_source(__be32 saddr)
{
	__u64 one = 1, *n = bpf_map_lookup_elem(&ct_sources, &saddr);

	if (n)
		*n += 1;
	else
		bpf_map_update_elem(&ct_sources, &saddr, &one, BPF_ANY);
}

SEC("tc/ingress")
int conntrack(struct __sk_buff *skb)
{
	struct flow key = {};
	struct flow_state fresh = {}, *st;
	struct tcphdr *tcp;
	struct iphdr *ip;
	struct cursor c;
	__be16 proto;
	__u8 flags = 0;

	cursor_init(&c, skb);
	skb->mark = MARK_UNTRACKED;
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TCX_NEXT;
	ip = parse_ipv4(&c);
	if (!ip)
		return TCX_DROP;
	count_source(ip->saddr);
	key.saddr = ip->saddr;
	key.daddr = ip->daddr;
	key.proto = ip->protocol;
	if (!parse_ports(&c, ip->protocol, &key.sport, &key.dport))
		return TCX_NEXT;
	if (ip->protocol == IPPROTO_TCP) {
		tcp = c.pos;
		if ((void *)(tcp + 1) > c.end)
			return TCX_DROP;
		flags = tcp_flags(tcp);
	}
	st = bpf_map_lookup_elem(&ct_flows, &key);
	if (!st) {
		if (ip->protocol == IPPROTO_TCP && !(flags & 0x02)) {
			skb->mark = MARK_INVALID;
			return strict_tcp ? TCX_DROP : TCX_NEXT;
		}
		fresh.packets = 1;
		fresh.state = CT_NEW;
		fresh.last_flags = flags;
		bpf_map_update_elem(&ct_flows, &key, &fresh, BPF_NOEXIST);
		skb->mark = MARK_NEW;
		return TCX_PASS;
	}
	st->packets++;
	st->last_flags = flags;
	if (flags & 0x05) { /* FIN or RST */
		bpf_map_delete_elem(&ct_flows, &key);
		skb->mark = MARK_CLOSED;
		return TCX_PASS;
	}
	st->state = CT_ESTABLISHED;
	skb->mark = MARK_ESTABLISHED;
	return TCX_PASS;
}

char LICENSE[] SEC("license") = "GPL";
