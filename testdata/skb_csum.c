// Checksum helpers: bpf_csum_diff on fixed buffers, an IPv4/UDP address rewrite with
// bpf_l3_csum_replace / bpf_l4_csum_replace (field size and flags from .rodata), and
// bpf_csum_level / bpf_csum_update return codes.
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>

__s64 diffs[12];
__s64 rc[8];

const volatile __u32 new_daddr = 0x0900a8c0;	/* 192.168.0.9, in network order */
const volatile __u64 l3_flags = 4;
const volatile __u64 l4_flags = BPF_F_PSEUDO_HDR | 4;
const volatile __u32 l3_offset = ETH_HLEN + offsetof(struct iphdr, check);
const volatile __u32 l4_offset = ETH_HLEN + sizeof(struct iphdr) + offsetof(struct udphdr, check);

SEC("tc")
int csum_diffs(struct __sk_buff *skb)
{
	__u32 a[4] = {0x01020304, 0xffff0000, 0x12345678, 0};
	__u32 b[4] = {0x0a0b0c0d, 0x00000001, 0x87654321, 0xffffffff};
	__u32 z[4] = {0, 0, 0, 0};

	diffs[0] = bpf_csum_diff(a, 16, b, 16, 0);
	diffs[1] = bpf_csum_diff(0, 0, b, 16, 0);
	diffs[2] = bpf_csum_diff(a, 16, 0, 0, 0);
	diffs[3] = bpf_csum_diff(a, 8, b, 4, 0x12345);
	diffs[4] = bpf_csum_diff(0, 0, 0, 0, 0xdeadbeef);
	diffs[5] = bpf_csum_diff(z, 16, z, 16, 0);
	diffs[6] = bpf_csum_diff(0, 0, z, 16, 0);
	diffs[7] = bpf_csum_diff(z, 16, 0, 0, 0);
	diffs[8] = bpf_csum_diff(a, 4, b, 4, 0xffffffff);
	diffs[9] = bpf_csum_diff(b, 16, b, 16, 0);
	diffs[10] = bpf_csum_diff(a, 2, b, 6, 0);
	diffs[11] = bpf_csum_diff(a, 12, b, 12, skb->len);
	return TC_ACT_OK;
}

SEC("tc")
int rewrite(struct __sk_buff *skb)
{
	__u32 old, new = new_daddr;
	int daddr = ETH_HLEN + offsetof(struct iphdr, daddr);

	if (bpf_skb_load_bytes(skb, daddr, &old, 4))
		return TC_ACT_SHOT;
	rc[0] = bpf_skb_store_bytes(skb, daddr, &new, 4, 0);
	rc[1] = bpf_l3_csum_replace(skb, l3_offset, old, new, l3_flags);
	rc[2] = bpf_l4_csum_replace(skb, l4_offset, old, new, l4_flags);
	rc[3] = bpf_csum_update(skb, 0x1234);
	rc[4] = bpf_csum_level(skb, BPF_CSUM_LEVEL_QUERY);
	rc[5] = bpf_csum_level(skb, BPF_CSUM_LEVEL_INC);
	rc[6] = bpf_csum_level(skb, BPF_CSUM_LEVEL_QUERY);
	rc[7] = bpf_csum_level(skb, 7);
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
