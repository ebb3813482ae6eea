// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU packet and byte counters by protocol family (PERCPU_ARRAY) and a histogram of frame
 * lengths by power of two (ARRAY), filled with a bounded loop. Always passes the packet.
 */
#include "common.h"

struct counters {
	__u64 packets;
	__u64 bytes;
};

enum family { FAM_IPV4, FAM_IPV6, FAM_OTHER, FAM_MAX };

#define HIST_BUCKETS 16

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, FAM_MAX);
	__type(key, __u32);
	__type(value, struct counters);
} family_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, HIST_BUCKETS);
	__type(key, __u32);
	__type(value, __u32);
} length_hist SEC(".maps");

SEC("classifier")
int percpu_stats(struct __sk_buff *skb)
{
	__u32 fam = FAM_OTHER, bucket = 0, len = skb->len;
	struct counters *ctr;
	__u32 *slot;
	int i;

	if (skb->protocol == ETH_P_IP_BE)
		fam = FAM_IPV4;
	else if (skb->protocol == ETH_P_IPV6_BE)
		fam = FAM_IPV6;
	ctr = bpf_map_lookup_elem(&family_stats, &fam);
	if (ctr) {
		ctr->packets++;
		ctr->bytes += len;
	}
#pragma clang loop unroll(disable)
	for (i = 0; i < HIST_BUCKETS - 1; i++) {
		if (len <= 1)
			break;
		len >>= 1;
		bucket++;
	}
	slot = bpf_map_lookup_elem(&length_hist, &bucket);
	if (slot)
		__sync_fetch_and_add(slot, 1);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
