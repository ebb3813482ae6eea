// The helpers that resize the packet, one call chosen by `op` with arguments from .rodata;
// records the return code and the skb afterwards, and writes through fresh packet pointers.
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

const volatile __u32 op = 0;
const volatile __s32 arg = 0;
const volatile __u32 mode = 0;
const volatile __u64 flags = 0;

struct {
	__s64 rc;
	__u32 len, protocol, wire_len, gso_size, data_len;
	__u8 net[8];
	__u8 mac[4];
} out;

SEC("tc")
int resize(struct __sk_buff *skb)
{
	long rc;
	void *data, *end;

	switch (op) {
	case 1: rc = bpf_skb_change_tail(skb, arg, flags); break;
	case 2: rc = bpf_skb_change_head(skb, arg, flags); break;
	case 3: rc = bpf_skb_change_proto(skb, bpf_htons(arg), flags); break;
	case 4: rc = bpf_skb_adjust_room(skb, arg, mode, flags); break;
	case 5: rc = bpf_skb_pull_data(skb, arg); break;
	default: rc = -1;
	}
	out.rc = rc;
	out.len = skb->len;
	out.protocol = skb->protocol;
	out.wire_len = skb->wire_len;
	out.gso_size = skb->gso_size;
	data = (void *)(long)skb->data;
	end = (void *)(long)skb->data_end;
	out.data_len = end - data;
	if (data + 15 <= end)
		((__u8 *)data)[14] ^= 0xff;
	bpf_skb_load_bytes_relative(skb, 0, out.net, 8, BPF_HDR_START_NET);
	bpf_skb_load_bytes_relative(skb, 0, out.mac, 4, BPF_HDR_START_MAC);
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
