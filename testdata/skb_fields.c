// __sk_buff field access: every field a tc program can read, narrow loads, and the writable
// fields written and read back. Recorded against the kernel with the cases in cases/skb_fields/.
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct fields {
	__u32 len, pkt_type, mark, queue_mapping, protocol, vlan_present, vlan_tci, vlan_proto;
	__u32 priority, ingress_ifindex, ifindex, tc_index, cb[5], hash, tc_classid, napi_id;
	__u32 wire_len, gso_segs, gso_size, data_len, meta_is_data, tstamp_type;
	__u64 tstamp, hwtstamp;
	__u32 narrow[10];
};

struct fields seen;

const volatile __u32 new_queue = 0;

static __always_inline void read_all(volatile struct __sk_buff *skb)
{
	volatile __u8 *b = (void *)skb;
	volatile __u16 *h = (void *)skb;

	seen.len = skb->len;
	seen.pkt_type = skb->pkt_type;
	seen.mark = skb->mark;
	seen.queue_mapping = skb->queue_mapping;
	seen.protocol = skb->protocol;
	seen.vlan_present = skb->vlan_present;
	seen.vlan_tci = skb->vlan_tci;
	seen.vlan_proto = skb->vlan_proto;
	seen.priority = skb->priority;
	seen.ingress_ifindex = skb->ingress_ifindex;
	seen.ifindex = skb->ifindex;
	seen.tc_index = skb->tc_index;
	for (int i = 0; i < 5; i++)
		seen.cb[i] = skb->cb[i];
	seen.hash = skb->hash;
	seen.tc_classid = skb->tc_classid;
	seen.napi_id = skb->napi_id;
	seen.wire_len = skb->wire_len;
	seen.gso_segs = skb->gso_segs;
	seen.gso_size = skb->gso_size;
	seen.data_len = (long)skb->data_end - (long)skb->data;
	seen.meta_is_data = skb->data_meta == skb->data;
	seen.tstamp_type = skb->tstamp_type;
	seen.tstamp = skb->tstamp;
	seen.hwtstamp = skb->hwtstamp;
	seen.narrow[0] = b[16];		/* protocol, low byte */
	seen.narrow[1] = b[17];
	seen.narrow[2] = b[18];		/* beyond the 16-bit kernel field */
	seen.narrow[3] = h[9];		/* upper half of protocol: the whole field */
	seen.narrow[4] = b[5];		/* pkt_type is one byte wide */
	seen.narrow[5] = h[0];		/* len, low half */
	seen.narrow[6] = b[1];
	seen.narrow[7] = h[1];
	seen.narrow[8] = b[50];		/* cb[0], third byte */
	seen.narrow[9] = h[83];		/* wire_len, upper half */
}

SEC("tc")
int read_fields(struct __sk_buff *skb)
{
	read_all(skb);
	return TC_ACT_OK;
}

SEC("tc")
int write_fields(struct __sk_buff *skb)
{
	skb->mark = skb->len * 3;
	skb->priority = 0x70000 + skb->len;
	skb->tc_index = 0x10005;
	skb->tc_classid = 0x10001;
	for (int i = 0; i < 5; i++)
		skb->cb[i] = 0x11111111 * (i + 1) + skb->mark;
	skb->queue_mapping = new_queue;
	skb->tstamp = 12345;
	read_all(skb);
	return skb->len;
}

char _license[] SEC("license") = "GPL";
