/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared definitions of the ebpf-jvm test fixtures: kernel headers, tcx verdicts and
 * packet-parsing helpers. Every helper here is __always_inline so that it does not appear as a
 * function of its own in the objects; the fixtures that test bpf-to-bpf calls declare their
 * __noinline functions themselves.
 */
#ifndef EBPFJVM_TESTDATA_COMMON_H
#define EBPFJVM_TESTDATA_COMMON_H

#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/in.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

/* tcx verdicts (enum tcx_action_base in uapi bpf.h; older headers lack them). */
#define TCX_NEXT -1
#define TCX_PASS 0
#define TCX_DROP 2
#define TCX_REDIRECT 7

#define ETH_P_8021Q_BE bpf_htons(ETH_P_8021Q)
#define ETH_P_IP_BE bpf_htons(ETH_P_IP)
#define ETH_P_IPV6_BE bpf_htons(ETH_P_IPV6)
#define ETH_P_ARP_BE bpf_htons(ETH_P_ARP)

/* A parse position inside the packet, always checked against data_end before use. */
struct cursor {
	void *pos;
	void *end;
};

static __always_inline void cursor_init(struct cursor *c, struct __sk_buff *skb)
{
	c->pos = (void *)(long)skb->data;
	c->end = (void *)(long)skb->data_end;
}

/* Returns the Ethernet header and sets *proto (network order) past one optional 802.1Q tag. */
static __always_inline struct ethhdr *parse_eth(struct cursor *c, __be16 *proto)
{
	struct ethhdr *eth = c->pos;

	if ((void *)(eth + 1) > c->end)
		return 0;
	c->pos = eth + 1;
	*proto = eth->h_proto;
	if (*proto == ETH_P_8021Q_BE) {
		__be16 *tag = c->pos;

		if ((void *)(tag + 2) > c->end)
			return 0;
		*proto = tag[1];
		c->pos = tag + 2;
	}
	return eth;
}

/* Returns the IPv4 header (options skipped) or 0 when truncated or not version 4. */
static __always_inline struct iphdr *parse_ipv4(struct cursor *c)
{
	struct iphdr *ip = c->pos;
	__u32 hlen;

	if ((void *)(ip + 1) > c->end || ip->version != 4)
		return 0;
	hlen = ip->ihl * 4;
	if (hlen < sizeof(*ip) || c->pos + hlen > c->end)
		return 0;
	c->pos += hlen;
	return ip;
}

/* Returns the fixed IPv6 header or 0 when truncated or not version 6. */
static __always_inline struct ipv6hdr *parse_ipv6(struct cursor *c)
{
	struct ipv6hdr *ip6 = c->pos;

	if ((void *)(ip6 + 1) > c->end || ip6->version != 6)
		return 0;
	c->pos = ip6 + 1;
	return ip6;
}

/* The transport ports of a TCP or UDP header at the cursor; 0 when truncated or another protocol. */
static __always_inline int parse_ports(struct cursor *c, __u8 proto, __be16 *sport, __be16 *dport)
{
	if (proto == IPPROTO_TCP) {
		struct tcphdr *tcp = c->pos;

		if ((void *)(tcp + 1) > c->end)
			return 0;
		*sport = tcp->source;
		*dport = tcp->dest;
		return 1;
	}
	if (proto == IPPROTO_UDP) {
		struct udphdr *udp = c->pos;

		if ((void *)(udp + 1) > c->end)
			return 0;
		*sport = udp->source;
		*dport = udp->dest;
		return 1;
	}
	return 0;
}

#endif /* EBPFJVM_TESTDATA_COMMON_H */
