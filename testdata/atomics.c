// SPDX-License-Identifier: GPL-2.0
/*
 * Every atomic operation of BPF_STX | BPF_ATOMIC (built with -mcpu=v3): add, and, or, xor with
 * and without fetch, exchange and compare-and-exchange, on 32- and 64-bit words of an ARRAY map
 * value and of .bss/.data globals. Returns the old value of the compare-and-exchange.
 */
#include "common.h"

struct atomic_words {
	__u64 add64;
	__u64 or64;
	__u64 xchg64;
	__u64 cmpxchg64;
	__u32 add32;
	__u32 and32;
	__u32 xor32;
	__u32 cmpxchg32;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct atomic_words);
} atomic_words SEC(".maps");

__u64 fetched_add = 0;
__u64 fetched_or = 0;
__u32 fetched_and = 0;
__u32 fetched_xor = 0;
__u64 previous_xchg = 0;
__u64 total_len = 0;
__u32 mask32 = 0xffff00ff;

SEC("tc")
int atomic_ops(struct __sk_buff *skb)
{
	struct atomic_words *w;
	__u32 zero = 0, len = skb->len;

	__sync_fetch_and_add(&total_len, len);
	w = bpf_map_lookup_elem(&atomic_words, &zero);
	if (!w)
		return TC_ACT_SHOT;
	__sync_fetch_and_add(&w->add32, 1);
	fetched_add = __sync_fetch_and_add(&w->add64, len);
	fetched_or = __atomic_fetch_or(&w->or64, 1ULL << (len & 63), __ATOMIC_RELAXED);
	fetched_and = __atomic_fetch_and(&w->and32, mask32, __ATOMIC_RELAXED);
	__sync_fetch_and_and(&mask32, ~(1U << (len & 31)));
	fetched_xor = __atomic_fetch_xor(&w->xor32, len, __ATOMIC_RELAXED);
	__sync_fetch_and_xor(&w->xor32, 0x5a5a);
	__sync_fetch_and_or(&w->or64, 0x100);
	previous_xchg = __atomic_exchange_n(&w->xchg64, (__u64)skb->mark << 32 | len, __ATOMIC_RELAXED);
	__sync_val_compare_and_swap(&w->cmpxchg32, 0, len);
	return (int)__sync_val_compare_and_swap(&w->cmpxchg64, 0, 42) + (int)(w->cmpxchg32 % 3);
}

char LICENSE[] SEC("license") = "GPL";
