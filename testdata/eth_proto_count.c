// SPDX-License-Identifier: GPL-2.0
/*
 * Counts frames by EtherType in an ARRAY map and copies the EtherType into skb->mark.
 * IP frames pass, runts (shorter than an Ethernet header) are dropped, everything else is left
 * to the next program (TC_ACT_UNSPEC).
 */
#include "common.h"

enum slot {
	SLOT_IPV4,
	SLOT_IPV6,
	SLOT_ARP,
	SLOT_VLAN,
	SLOT_OTHER,
	SLOT_RUNT,
	SLOT_MAX,
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SLOT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} proto_counts SEC(".maps");

static __always_inline void bump(__u32 slot)
{
	__u64 *count = bpf_map_lookup_elem(&proto_counts, &slot);

	if (count)
		*count += 1;
}

SEC("tc")
int count_ethertype(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	__be16 proto;

	if ((void *)(eth + 1) > data_end) {
		bump(SLOT_RUNT);
		return TC_ACT_SHOT;
	}
	proto = eth->h_proto;
	skb->mark = bpf_ntohs(proto);
	if (proto == ETH_P_8021Q_BE) {
		bump(SLOT_VLAN);
		return TC_ACT_UNSPEC;
	}
	if (proto == ETH_P_IP_BE) {
		bump(SLOT_IPV4);
		return TC_ACT_OK;
	}
	if (proto == ETH_P_IPV6_BE) {
		bump(SLOT_IPV6);
		return TC_ACT_OK;
	}
	bump(proto == ETH_P_ARP_BE ? SLOT_ARP : SLOT_OTHER);
	return TC_ACT_UNSPEC;
}

char LICENSE[] SEC("license") = "GPL";
