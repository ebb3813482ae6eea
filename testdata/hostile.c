// SPDX-License-Identifier: GPL-2.0
/*
 * Programs the verifier would reject, for the host's defences against unverified code: an endless
 * loop, a spin lock taken twice, and a spin lock held across an endless loop. A well-behaved
 * program, lock_count, takes the same lock and counts its runs.
 */
#include "common.h"

struct locked {
	struct bpf_spin_lock lock;
	__u32 count;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct locked);
} locks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(max_entries, 4);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} events SEC(".maps");

volatile __u32 load_len = 0x7fffffff;
volatile __u64 perf_size = 0x7fffffff;

SEC("tc")
int load_huge(struct __sk_buff *skb)
{
	char buf[8];

	return bpf_skb_load_bytes(skb, 0, buf, load_len);
}

SEC("tc")
int perf_huge(struct __sk_buff *skb)
{
	char buf[8] = {};

	return bpf_perf_event_output(skb, &events, BPF_F_CURRENT_CPU, buf, perf_size);
}

/* Spins until skb->mark reads 1234, which it never does in a test run. */
SEC("tc")
int endless(struct __sk_buff *skb)
{
	volatile __u32 *mark = &skb->mark;

	while (*mark != 1234)
		;
	return TC_ACT_OK;
}

SEC("tc")
int lock_twice(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct locked *v = bpf_map_lookup_elem(&locks, &key);

	if (!v)
		return TC_ACT_SHOT;
	bpf_spin_lock(&v->lock);
	bpf_spin_lock(&v->lock);
	v->count++;
	bpf_spin_unlock(&v->lock);
	return TC_ACT_OK;
}

SEC("tc")
int lock_and_spin(struct __sk_buff *skb)
{
	volatile __u32 *mark = &skb->mark;
	__u32 key = 0;
	struct locked *v = bpf_map_lookup_elem(&locks, &key);

	if (!v)
		return TC_ACT_SHOT;
	bpf_spin_lock(&v->lock);
	while (*mark != 1234)
		;
	bpf_spin_unlock(&v->lock);
	return TC_ACT_OK;
}

SEC("tc")
int lock_count(struct __sk_buff *skb)
{
	__u32 key = 0;
	__u32 count;
	struct locked *v = bpf_map_lookup_elem(&locks, &key);

	if (!v)
		return TC_ACT_SHOT;
	bpf_spin_lock(&v->lock);
	count = ++v->count;
	bpf_spin_unlock(&v->lock);
	return count;
}

char _license[] SEC("license") = "GPL";
