// bpf_skb_vlan_push / bpf_skb_vlan_pop sequences: `ops` holds up to 8 operations, one per
// nibble from the lowest (1: push 802.1Q, 2: push 802.1ad, 3: pop, 4: push with a bad
// protocol); after each the return code and the skb's VLAN state are recorded.
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define STEPS 8

struct step {
	__s64 rc;
	__u32 len, protocol, vlan_present, vlan_tci, vlan_proto, wire_len;
	__u8 net[4];
	__u32 pad;
};

struct step out[STEPS];

const volatile __u32 ops = 0;

SEC("tc")
int vlan_ops(struct __sk_buff *skb)
{
#pragma unroll
	for (int i = 0; i < STEPS; i++) {
		__u32 op = (ops >> (4 * i)) & 0xf;
		long rc;

		if (!op)
			break;
		if (op == 1)
			rc = bpf_skb_vlan_push(skb, bpf_htons(0x8100), 100 + i);
		else if (op == 2)
			rc = bpf_skb_vlan_push(skb, bpf_htons(0x88a8), 200 + i);
		else if (op == 4)
			rc = bpf_skb_vlan_push(skb, bpf_htons(0x0800), 300 + i);
		else
			rc = bpf_skb_vlan_pop(skb);
		out[i].rc = rc;
		out[i].len = skb->len;
		out[i].protocol = skb->protocol;
		out[i].vlan_present = skb->vlan_present;
		out[i].vlan_tci = skb->vlan_tci;
		out[i].vlan_proto = skb->vlan_proto;
		out[i].wire_len = skb->wire_len;
		bpf_skb_load_bytes_relative(skb, 0, out[i].net, 4, BPF_HDR_START_NET);
	}
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
