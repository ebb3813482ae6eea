// SPDX-License-Identifier: GPL-2.0
/*
 * Instruction forms whose text the kernel's verifier leaves as written, so that what
 * `bpftool prog dump xlated` prints for this program (recorded in the cli module's test
 * resources, bpftool/) can be compared line by line with `ebpf-jvm dump --xlated`: global data
 * (map[id:N][0]+off), stack stores and loads, 32- and 64-bit ALU, a byte swap, an atomic add on a
 * map value, jumps, a 64-bit constant and a helper call. No context field (the verifier rewrites
 * their offsets), no map lookup (inlined for arrays) and no dead code (removed).
 */
#include "common.h"

__u64 counter = 0;
__u32 seed = 7;
__u64 wide = 0x1122334455667788ULL;

SEC("tc")
int xlated_forms(struct __sk_buff *skb)
{
	volatile __u64 slots[3];
	__u64 x = seed;
	__u64 t = bpf_ktime_get_ns();

	slots[0] = x * 3 + (t & 0xff);
	slots[1] = __builtin_bswap32((__u32)slots[0]) ^ wide;
	slots[2] = (slots[1] >> 7) | ((__s64)slots[0] >> 2);
	__sync_fetch_and_add(&counter, slots[2] & 1);
	if (slots[2] > 0xffffffffULL)
		return TC_ACT_SHOT;
	return (slots[1] & 1) ? TC_ACT_OK : TC_ACT_UNSPEC;
}

char LICENSE[] SEC("license") = "GPL";
