// SPDX-License-Identifier: GPL-2.0
/*
 * Bounded loops the verifier must walk: a 16-bit ones' complement sum over the first bytes of
 * the UDP payload, and a scan of TCP options for the MSS option. Results go to skb->cb[] and to
 * .bss; the verdict depends on what was found.
 */
#include "common.h"

#define MAX_SUM_WORDS 32
#define MAX_TCP_OPTIONS 10

__u32 last_payload_sum = 0;
__u16 last_mss = 0;

static __always_inline __u32 payload_sum(struct cursor *c)
{
	__u32 sum = 0;
	__u16 *word = c->pos;
	int i;

#pragma clang loop unroll(disable)
	for (i = 0; i < MAX_SUM_WORDS; i++) {
		if ((void *)(word + 1) > c->end)
			break;
		sum += bpf_ntohs(*word);
		word++;
	}
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

static __always_inline int find_mss(struct cursor *c, struct tcphdr *tcp, __u16 *mss)
{
	__u8 *opt = (__u8 *)(tcp + 1);
	__u8 *opt_end = (__u8 *)tcp + tcp->doff * 4;
	int i;

#pragma clang loop unroll(disable)
	for (i = 0; i < MAX_TCP_OPTIONS; i++) {
		__u8 kind, len;

		if ((void *)(opt + 1) > c->end || opt >= opt_end)
			return 0;
		kind = opt[0];
		if (kind == 0)
			return 0;
		if (kind == 1) {
			opt++;
			continue;
		}
		if ((void *)(opt + 2) > c->end)
			return 0;
		len = opt[1];
		if (kind == 2 && len == 4) {
			if ((void *)(opt + 4) > c->end)
				return 0;
			*mss = ((__u16)opt[2] << 8) | opt[3];
			return 1;
		}
		if (len < 2)
			return 0;
		opt += len;
	}
	return 0;
}

SEC("tc")
int loop_scan(struct __sk_buff *skb)
{
	struct tcphdr *tcp;
	struct iphdr *ip;
	struct cursor c;
	__be16 proto;
	__u16 mss = 0;
	__u32 sum;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TC_ACT_OK;
	ip = parse_ipv4(&c);
	if (!ip)
		return TC_ACT_SHOT;
	if (ip->protocol == IPPROTO_UDP) {
		if (c.pos + sizeof(struct udphdr) > c.end)
			return TC_ACT_SHOT;
		c.pos += sizeof(struct udphdr);
		sum = payload_sum(&c);
		last_payload_sum = sum;
		skb->cb[0] = sum;
		return sum == 0xffff ? TC_ACT_SHOT : TC_ACT_OK;
	}
	if (ip->protocol != IPPROTO_TCP)
		return TC_ACT_OK;
	tcp = c.pos;
	if ((void *)(tcp + 1) > c.end)
		return TC_ACT_SHOT;
	if (!find_mss(&c, tcp, &mss))
		return TC_ACT_UNSPEC;
	last_mss = mss;
	skb->cb[1] = mss;
	return mss < 536 ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
