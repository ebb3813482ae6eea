// SPDX-License-Identifier: GPL-2.0
/*
 * A map declared in the legacy "maps" section (struct bpf_map_def, as iproute2 and libbpf before
 * 1.0 read it) beside a BTF-defined one. libbpf 1.x refuses the legacy form, so the kernel oracle
 * cannot load this object; ebpf-jvm reads it like cilium/ebpf does.
 */
#include "common.h"

struct legacy_map_def {
	unsigned int type;
	unsigned int key_size;
	unsigned int value_size;
	unsigned int max_entries;
	unsigned int map_flags;
};

struct legacy_map_def legacy_counts SEC("maps") = {
	.type = BPF_MAP_TYPE_ARRAY,
	.key_size = sizeof(__u32),
	.value_size = sizeof(__u64),
	.max_entries = 4,
};

struct legacy_map_def legacy_seen SEC("maps") = {
	.type = BPF_MAP_TYPE_HASH,
	.key_size = sizeof(__u32),
	.value_size = sizeof(__u32),
	.max_entries = 16,
	.map_flags = BPF_F_NO_PREALLOC,
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} modern_total SEC(".maps");

SEC("tc")
int legacy_count(struct __sk_buff *skb)
{
	__u32 slot = skb->len & 3, zero = 0, mark = skb->mark, one = 1;
	__u64 *n;

	n = bpf_map_lookup_elem(&legacy_counts, &slot);
	if (n)
		*n += 1;
	n = bpf_map_lookup_elem(&modern_total, &zero);
	if (n)
		*n += skb->len;
	if (bpf_map_lookup_elem(&legacy_seen, &mark))
		return TC_ACT_SHOT;
	bpf_map_update_elem(&legacy_seen, &mark, &one, BPF_NOEXIST);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
