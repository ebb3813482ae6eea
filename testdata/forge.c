// SPDX-License-Identifier: GPL-2.0
/*
 * A hostile plug-in: it reads and writes whatever address user space sets in `target` before load,
 * and keeps its own counter in a map. The kernel's verifier rejects such a program (it dereferences
 * a scalar); ebpf-jvm's runtime must also refuse it at run time, so that an address it forges can
 * never reach another object's maps, another runtime's, or a stale region.
 */
#include "common.h"

const volatile __u64 target = 0;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} own SEC(".maps");

SEC("tc")
int forge_write(struct __sk_buff *skb)
{
	*(volatile __u32 *)target = 0xdeadbeef;
	return TC_ACT_OK;
}

SEC("tc")
int forge_read(struct __sk_buff *skb)
{
	return *(volatile __u32 *)target;
}

SEC("tc")
int forge_lookup(struct __sk_buff *skb)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem((void *)target, &key);

	if (!v)
		return TC_ACT_SHOT;
	*v = 0xdeadbeef;
	return TC_ACT_OK;
}

SEC("tc")
int count_own(struct __sk_buff *skb)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&own, &key);

	if (!v)
		return TC_ACT_SHOT;
	__sync_fetch_and_add(v, 1);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
