// SPDX-License-Identifier: GPL-2.0
/* Whole programs in C, as clang 14 compiles them: parsers, map updates, loops, helpers. Each is
 * expected to verify; they exercise pruning and the processed-instruction count on real code. */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/in.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_endian.h>
#include "common.h"

struct flow {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 proto;
	__u8 pad[3];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct flow);
	__type(value, __u64);
} flows SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} proto_count SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

struct locked_counter {
	struct bpf_spin_lock lock;
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct locked_counter);
} totals SEC(".maps");

SEC("tc") int accept_ipv4_tcp_flow_counter(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip;
	struct flow key = {};
	__u64 one = 1, *cnt;

	if ((void *)(eth + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > end || ip->ihl < 5)
		return TC_ACT_OK;
	key.saddr = ip->saddr;
	key.daddr = ip->daddr;
	key.proto = ip->protocol;
	if (ip->protocol == IPPROTO_TCP) {
		struct tcphdr *tcp = (void *)ip + ip->ihl * 4;

		if ((void *)(tcp + 1) > end)
			return TC_ACT_OK;
		key.sport = tcp->source;
		key.dport = tcp->dest;
	}
	cnt = bpf_map_lookup_elem(&flows, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&flows, &key, &one, BPF_NOEXIST);
	return TC_ACT_OK;
}

SEC("tc") int accept_proto_histogram(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	struct iphdr *ip = data + sizeof(struct ethhdr);
	__u32 proto;
	__u64 *cnt;

	if ((void *)(ip + 1) > end)
		return TC_ACT_OK;
	proto = ip->protocol;
	cnt = bpf_map_lookup_elem(&proto_count, &proto);
	if (cnt)
		*cnt += 1;
	return TC_ACT_OK;
}

SEC("tc") int accept_ipv6_ext_header_walk(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	struct ipv6hdr *ip6 = data + sizeof(struct ethhdr);
	__u8 *hdr, next;
	int i;

	if ((void *)(ip6 + 1) > end)
		return TC_ACT_OK;
	next = ip6->nexthdr;
	hdr = (void *)(ip6 + 1);
	for (i = 0; i < 6; i++) {
		if (next != IPPROTO_HOPOPTS && next != IPPROTO_ROUTING && next != IPPROTO_DSTOPTS)
			break;
		if ((void *)(hdr + 2) > end)
			return TC_ACT_OK;
		next = hdr[0];
		hdr += (hdr[1] + 1) * 8;
	}
	return next == IPPROTO_TCP ? TC_ACT_OK : TC_ACT_UNSPEC;
}

SEC("tc") int accept_payload_checksum_loop(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	__u8 *p = data;
	__u32 sum = 0;
	int i;

	for (i = 0; i < 64; i++) {
		if ((void *)(p + i + 1) > end)
			break;
		sum += p[i];
	}
	skb->mark = sum;
	return TC_ACT_OK;
}

SEC("tc") int accept_load_bytes_and_store(struct __sk_buff *skb)
{
	__u8 mac[6];

	if (bpf_skb_load_bytes(skb, 0, mac, sizeof(mac)))
		return TC_ACT_SHOT;
	mac[0] ^= 0x02;
	bpf_skb_store_bytes(skb, 6, mac, sizeof(mac), 0);
	return TC_ACT_OK;
}

struct event {
	__u32 len;
	__u32 mark;
	__u8 head[16];
};

SEC("tc") int accept_ringbuf_event(struct __sk_buff *skb)
{
	struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);

	if (!e)
		return TC_ACT_OK;
	e->len = skb->len;
	e->mark = skb->mark;
	if (bpf_skb_load_bytes(skb, 0, e->head, sizeof(e->head)))
		__builtin_memset(e->head, 0, sizeof(e->head));
	bpf_ringbuf_submit(e, 0);
	return TC_ACT_OK;
}

SEC("tc") int accept_spin_locked_totals(struct __sk_buff *skb)
{
	__u32 zero = 0;
	struct locked_counter *c = bpf_map_lookup_elem(&totals, &zero);

	if (!c)
		return TC_ACT_OK;
	bpf_spin_lock(&c->lock);
	c->packets++;
	c->bytes += skb->len;
	bpf_spin_unlock(&c->lock);
	return TC_ACT_OK;
}

struct loop_ctx {
	struct __sk_buff *skb;
	__u32 acc;
};

static int loop_step(__u32 i, void *arg)
{
	struct loop_ctx *lc = arg;

	lc->acc = lc->acc * 31 + i;
	return lc->acc > 100000 ? 1 : 0;
}

SEC("tc") int accept_bpf_loop_in_c(struct __sk_buff *skb)
{
	struct loop_ctx lc = { .skb = skb, .acc = 0 };

	bpf_loop(32, loop_step, &lc, 0);
	skb->cb[0] = lc.acc;
	return TC_ACT_OK;
}

static __attribute__((noinline)) int classify(__u32 mark)
{
	if (mark & 1)
		return TC_ACT_SHOT;
	if (mark & 2)
		return TC_ACT_PIPE;
	return TC_ACT_OK;
}

SEC("tc") int accept_static_subprog(struct __sk_buff *skb)
{
	return classify(skb->mark) + classify(skb->priority) - TC_ACT_OK;
}

SEC("tcx/ingress") int accept_tcx_ingress_verdict(struct __sk_buff *skb)
{
	return skb->len > 1500 ? TCX_DROP : TCX_PASS;
}

SEC("tcx/egress") int accept_tcx_egress_redirect(struct __sk_buff *skb)
{
	if (skb->ifindex == 1)
		return bpf_redirect(skb->ifindex, 0);
	return TCX_NEXT;
}

