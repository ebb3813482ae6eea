// SPDX-License-Identifier: GPL-2.0
/*
 * Global variables in every kind of data section: configuration in .rodata (the libbpf
 * skeleton's const volatile pattern, set from user space before load), counters in .data
 * (initialised) and .bss (zero), a custom .data.stats section, and a string literal in
 * .rodata.str1.1 that the program writes into UDP payloads it tags.
 */
#include "common.h"

const volatile __u16 watched_port = 53;      /* host order */
const volatile __u32 verdict_on_match = TC_ACT_SHOT;
const volatile __u8 tag_payload = 0;

__u64 packets_seen = 0;                      /* .bss */
__u64 packets_matched = 0;                   /* .bss */
__u32 generation = 7;                        /* .data */
__s32 last_verdict = -1;                     /* .data */
__u64 bytes_by_proto[4] SEC(".data.stats") = { 1, 2, 3, 4 };

static __always_inline __u32 proto_slot(__u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return 0;
	case IPPROTO_UDP:
		return 1;
	case IPPROTO_ICMP:
		return 2;
	default:
		return 3;
	}
}

SEC("tc")
int global_config(struct __sk_buff *skb)
{
	__be16 proto, sport = 0, dport = 0;
	struct iphdr *ip;
	struct cursor c;
	__u32 slot;
	int verdict = TC_ACT_OK;

	__sync_fetch_and_add(&packets_seen, 1);
	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		goto out;
	ip = parse_ipv4(&c);
	if (!ip)
		goto out;
	slot = proto_slot(ip->protocol);
	bytes_by_proto[slot] += skb->len;
	if (!parse_ports(&c, ip->protocol, &sport, &dport))
		goto out;
	if (dport == bpf_htons(watched_port)) {
		__sync_fetch_and_add(&packets_matched, 1);
		verdict = verdict_on_match;
		if (tag_payload && ip->protocol == IPPROTO_UDP) {
			__u32 off = (__u32)(c.pos - (void *)(long)skb->data) + sizeof(struct udphdr);

			bpf_skb_store_bytes(skb, off, "ebpfjvm", 7, 0);
		}
	}
out:
	generation++;
	last_verdict = verdict;
	return verdict;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
