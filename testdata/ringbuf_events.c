// SPDX-License-Identifier: GPL-2.0
/*
 * Sends one event per TCP SYN (bpf_ringbuf_reserve/submit) and per UDP datagram
 * (bpf_ringbuf_output) into a RINGBUF; counts events that did not fit in a .bss variable.
 * Always passes the packet.
 */
#include "common.h"

struct event {
	__be32 saddr;
	__be32 daddr;
	__be16 sport;
	__be16 dport;
	__u8 proto;
	__u8 tcp_flags;
	__u16 len;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

__u64 lost_events = 0;

SEC("tc")
int ringbuf_events(struct __sk_buff *skb)
{
	struct event ev = {}, *slot;
	struct tcphdr *tcp;
	struct iphdr *ip;
	struct cursor c;
	__be16 proto;

	cursor_init(&c, skb);
	if (!parse_eth(&c, &proto) || proto != ETH_P_IP_BE)
		return TC_ACT_OK;
	ip = parse_ipv4(&c);
	if (!ip)
		return TC_ACT_OK;
	if (ip->protocol == IPPROTO_TCP) {
		tcp = c.pos;
		if ((void *)(tcp + 1) > c.end || !tcp->syn)
			return TC_ACT_OK;
		slot = bpf_ringbuf_reserve(&events, sizeof(*slot), 0);
		if (!slot) {
			__sync_fetch_and_add(&lost_events, 1);
			return TC_ACT_OK;
		}
		slot->saddr = ip->saddr;
		slot->daddr = ip->daddr;
		slot->sport = tcp->source;
		slot->dport = tcp->dest;
		slot->proto = IPPROTO_TCP;
		slot->tcp_flags = ((__u8 *)tcp)[13];
		slot->len = skb->len;
		bpf_ringbuf_submit(slot, 0);
		return TC_ACT_OK;
	}
	if (ip->protocol != IPPROTO_UDP)
		return TC_ACT_OK;
	ev.saddr = ip->saddr;
	ev.daddr = ip->daddr;
	if (!parse_ports(&c, IPPROTO_UDP, &ev.sport, &ev.dport))
		return TC_ACT_OK;
	ev.proto = IPPROTO_UDP;
	ev.len = skb->len;
	if (bpf_ringbuf_output(&events, &ev, sizeof(ev), 0))
		__sync_fetch_and_add(&lost_events, 1);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
