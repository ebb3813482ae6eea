// SPDX-License-Identifier: GPL-2.0
/*
 * Destination NAT for IPv4 TCP/UDP: a HASH map from (daddr, dport, proto) to a new address and
 * port. The program rewrites the packet with bpf_skb_store_bytes and fixes the IPv4 and L4
 * checksums with bpf_l3_csum_replace / bpf_l4_csum_replace (pseudo-header aware), counts
 * translations per entry and marks the packet. Source NAT on egress uses a const volatile address.
 */
#include "common.h"

struct nat_key {
	__be32 addr;
	__be16 port;
	__u8 proto;
	__u8 pad;
};

struct nat_target {
	__be32 addr;
	__be16 port;
	__u16 pad;
	__u64 hits;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, struct nat_key);
	__type(value, struct nat_target);
} dnat_table SEC(".maps");

const volatile __be32 snat_address = 0;

#define NAT_MARK 0x4e4154 /* "NAT" */

static __always_inline int l4_csum_off(__u8 proto)
{
	return proto == IPPROTO_TCP ? offsetof(struct tcphdr, check) : offsetof(struct udphdr, check);
}

static __always_inline int rewrite(struct __sk_buff *skb, __u32 l3_off, __u32 l4_off, __u8 proto,
				   int addr_field, __be32 old_addr, __be32 new_addr,
				   int port_field, __be16 old_port, __be16 new_port)
{
	__u32 csum_off = l4_off + l4_csum_off(proto);
	__u64 l4_flags = BPF_F_PSEUDO_HDR | sizeof(new_addr);

	if (proto == IPPROTO_UDP)
		l4_flags |= BPF_F_MARK_MANGLED_0;
	if (bpf_l4_csum_replace(skb, csum_off, old_addr, new_addr, l4_flags))
		return -1;
	if (bpf_l3_csum_replace(skb, l3_off + offsetof(struct iphdr, check), old_addr, new_addr, sizeof(new_addr)))
		return -1;
	if (bpf_skb_store_bytes(skb, l3_off + addr_field, &new_addr, sizeof(new_addr), 0))
		return -1;
	if (port_field < 0 || old_port == new_port)
		return 0;
	if (bpf_l4_csum_replace(skb, csum_off, old_port, new_port, sizeof(new_port)))
		return -1;
	return bpf_skb_store_bytes(skb, l4_off + port_field, &new_port, sizeof(new_port), 0) ? -1 : 0;
}

SEC("tc/ingress")
int nat44(struct __sk_buff *skb)
{
	struct nat_key key = {};
	struct nat_target *to;
	struct iphdr *ip;
	struct cursor c;
	__be16 proto, sport, dport;
	__u32 l3_off, l4_off;
	__u8 l4proto;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TCX_NEXT;
	l3_off = c.pos - (void *)(long)skb->data;
	ip = parse_ipv4(&c);
	if (!ip)
		return TCX_DROP;
	l4_off = c.pos - (void *)(long)skb->data;
	l4proto = ip->protocol;
	if (!parse_ports(&c, l4proto, &sport, &dport))
		return TCX_NEXT;
	key.addr = ip->daddr;
	key.port = dport;
	key.proto = l4proto;
	to = bpf_map_lookup_elem(&dnat_table, &key);
	if (!to)
		return TCX_NEXT;
	__sync_fetch_and_add(&to->hits, 1);
	if (rewrite(skb, l3_off, l4_off, l4proto, offsetof(struct iphdr, daddr), key.addr, to->addr,
		    offsetof(struct tcphdr, dest), dport, to->port))
		return TCX_DROP;
	skb->mark = NAT_MARK;
	return TCX_PASS;
}

SEC("tc/egress")
int snat44(struct __sk_buff *skb)
{
	struct iphdr *ip;
	struct cursor c;
	__be16 proto, sport, dport;
	__u32 l3_off, l4_off;
	__be32 saddr;

	if (!snat_address)
		return TCX_NEXT;
	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TCX_NEXT;
	l3_off = c.pos - (void *)(long)skb->data;
	ip = parse_ipv4(&c);
	if (!ip)
		return TCX_DROP;
	l4_off = c.pos - (void *)(long)skb->data;
	saddr = ip->saddr;
	if (saddr == snat_address || !parse_ports(&c, ip->protocol, &sport, &dport))
		return TCX_NEXT;
	if (rewrite(skb, l3_off, l4_off, ip->protocol, offsetof(struct iphdr, saddr), saddr, snat_address,
		    -1, 0, 0))
		return TCX_DROP;
	skb->mark = NAT_MARK + 1;
	return TCX_PASS;
}

char LICENSE[] SEC("license") = "GPL";
