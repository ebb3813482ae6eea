// SPDX-License-Identifier: GPL-2.0
/* Copied from the project's shared material, ../shared/tools/tcx-oracle/progs/tcx_count.c (only this comment added):
 * the program the tcx oracle loads for every scenario program; the simulation loads it the same way. */
/* tcx oracle program: counts test frames (ethertype 0x88B5) per slot,
 * appends its slot to a trace (run order), returns a configurable code.
 * Configuration lives in .rodata and is set by the loader before load. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TEST_ETH_P 0x88B5
#define SEQ_SLOT 255
#define TRACE_LEN 128

struct cfg {
	__u32 slot;     /* counter slot of this program */
	__s32 ret;      /* return code; 7 = bpf_redirect(ifindex, 0) */
	__u32 ifindex;  /* redirect target */
	__u32 pad;
};

const volatile struct cfg cfg = {};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, TRACE_LEN);
	__type(key, __u32);
	__type(value, __u32);
} trace SEC(".maps");

SEC("tc")
int tcx_count(struct __sk_buff *skb)
{
	if (skb->protocol == bpf_htons(TEST_ETH_P)) {
		__u32 k = cfg.slot, sk = SEQ_SLOT;
		__u64 *v = bpf_map_lookup_elem(&counters, &k);
		__u64 *seq = bpf_map_lookup_elem(&counters, &sk);

		if (v)
			__sync_fetch_and_add(v, 1);
		if (seq) {
			/* frames are sent one at a time: no concurrent writers */
			__u32 idx = (__u32)*seq % TRACE_LEN;
			__u32 *t;

			*seq = *seq + 1;
			t = bpf_map_lookup_elem(&trace, &idx);
			if (t)
				*t = cfg.slot;
		}
	}
	if (cfg.ret == 7)
		return bpf_redirect(cfg.ifindex, 0);
	return cfg.ret;
}

char LICENSE[] SEC("license") = "GPL";
