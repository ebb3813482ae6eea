// SPDX-License-Identifier: GPL-2.0
/*
 * Redirects by destination MAC: a HASH map from MAC address to (ifindex, flags) chooses the
 * target of bpf_redirect (BPF_F_INGRESS for the peer's ingress). Broadcast frames are cloned to
 * a configured port with bpf_clone_redirect; unknown unicast falls back to the next program.
 * An old-style "action" program mirrors the verdicts for tc actions.
 */
#include "common.h"

struct mac_key {
	__u8 addr[ETH_ALEN];
	__u16 pad;
};

struct port {
	__u32 ifindex;
	__u32 flags;
	__u64 packets;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 32);
	__type(key, struct mac_key);
	__type(value, struct port);
} fdb SEC(".maps");

const volatile __u32 flood_ifindex = 0;

static __always_inline struct port *lookup_port(struct __sk_buff *skb, int *bcast)
{
	struct mac_key key = {};
	struct ethhdr *eth;
	struct cursor c;
	__be16 proto;

	cursor_init(&c, skb);
	eth = parse_eth(&c, &proto);
	if (!eth)
		return 0;
	__builtin_memcpy(key.addr, eth->h_dest, ETH_ALEN);
	*bcast = (key.addr[0] & 1) != 0;
	return bpf_map_lookup_elem(&fdb, &key);
}

SEC("tcx/ingress")
int l2_redirect(struct __sk_buff *skb)
{
	struct port *p;
	int bcast = 0;

	p = lookup_port(skb, &bcast);
	if (p) {
		__sync_fetch_and_add(&p->packets, 1);
		return bpf_redirect(p->ifindex, p->flags & BPF_F_INGRESS);
	}
	if (bcast && flood_ifindex) {
		bpf_clone_redirect(skb, flood_ifindex, 0);
		return TCX_PASS;
	}
	return TCX_NEXT;
}

SEC("action")
int l2_action(struct __sk_buff *skb)
{
	struct port *p;
	int bcast = 0;

	p = lookup_port(skb, &bcast);
	if (!p)
		return bcast ? TC_ACT_OK : TC_ACT_UNSPEC;
	skb->tc_classid = p->ifindex;
	return bpf_redirect(p->ifindex, 0);
}

char LICENSE[] SEC("license") = "GPL";
