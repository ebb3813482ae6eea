// SPDX-License-Identifier: GPL-2.0
/*
 * An xdp program beside a tc program that share a map: ebpf-jvm runs only the tc program, and
 * the xdp one (which reads struct xdp_md and calls the xdp-only bpf_xdp_adjust_head) must not
 * keep it from being listed, dumped or run. Both count into the same ARRAY map.
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} hits SEC(".maps");

static __always_inline void bump(__u32 slot)
{
	__u64 *count = bpf_map_lookup_elem(&hits, &slot);

	if (count)
		__sync_fetch_and_add(count, 1);
}

SEC("xdp")
int xdp_strip(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;

	bump(0);
	if (data + sizeof(struct ethhdr) > data_end)
		return XDP_DROP;
	if (bpf_xdp_adjust_head(ctx, 0))
		return XDP_ABORTED;
	return XDP_PASS;
}

SEC("tc")
int tc_count(struct __sk_buff *skb)
{
	bump(1);
	skb->mark = skb->len;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
