// SPDX-License-Identifier: GPL-2.0
/*
 * Context fields and packet helpers: classifies by IPv4 DSCP into skb->priority and
 * skb->tc_classid, stores a checksum of the first bytes (bpf_skb_load_bytes + bpf_csum_diff)
 * in skb->cb[], and reads ifindex, ingress_ifindex, len and mark to pick the verdict.
 */
#include "common.h"

#define SAMPLE_BYTES 16

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} dscp_classes SEC(".maps");

SEC("tc")
int skb_meta(struct __sk_buff *skb)
{
	__u8 sample[SAMPLE_BYTES] = {};
	__u32 dscp, *cls;
	__s64 sum;
	__u8 tos;

	if (bpf_skb_load_bytes(skb, 0, sample, sizeof(sample)))
		return TC_ACT_SHOT;
	sum = bpf_csum_diff(0, 0, (__be32 *)sample, sizeof(sample), 0);
	skb->cb[0] = (__u32)sum;
	skb->cb[1] = skb->ifindex;
	skb->cb[2] = skb->ingress_ifindex;
	skb->cb[3] = skb->len;
	if (skb->protocol != ETH_P_IP_BE)
		return skb->mark ? TC_ACT_OK : TC_ACT_UNSPEC;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + offsetof(struct iphdr, tos), &tos, 1))
		return TC_ACT_SHOT;
	dscp = tos >> 2;
	skb->priority = dscp;
	cls = bpf_map_lookup_elem(&dscp_classes, &dscp);
	if (cls && *cls) {
		skb->tc_classid = *cls;
		skb->cb[4] = *cls;
		return TC_ACT_OK;
	}
	return dscp >= 46 ? TC_ACT_OK : TC_ACT_PIPE;
}

char LICENSE[] SEC("license") = "GPL";
