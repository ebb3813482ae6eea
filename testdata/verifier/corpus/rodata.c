// SPDX-License-Identifier: GPL-2.0
/* Global data: .rodata is read-only and frozen, so its values are known constants that prune
 * branches; .data and .bss are writable and unknown. */
#include "common.h"

const volatile __u32 cfg_zero = 0;
const volatile __u32 cfg_one = 1;
const volatile __u32 cfg_index = 3;
__u32 data_seven = 7;
__u32 bss_word;

#define G __imm_addr(cfg_zero), __imm_addr(cfg_one), __imm_addr(cfg_index), __imm_addr(data_seven), \
	  __imm_addr(bss_word)

TC_ASM(rodata_read_accepted)
{
	asm volatile("r1 = %[cfg_one] ll; r0 = *(u32 *)(r1 + 0); exit;" :: G : "memory");
}

TC_ASM(rodata_write)
{
	asm volatile("r1 = %[cfg_zero] ll; r2 = 1; *(u32 *)(r1 + 0) = r2; r0 = 0; exit;" :: G : "memory");
}

TC_ASM(rodata_atomic_add)
{
	asm volatile("r1 = %[cfg_zero] ll; r2 = 1; lock *(u32 *)(r1 + 0) += r2; r0 = 0; exit;" :: G : "memory");
}

TC_ASM(rodata_read_past_section)
{
	/* .rodata holds three u32 values: 12 bytes */
	asm volatile("r1 = %[cfg_zero] ll; r0 = *(u32 *)(r1 + 12); exit;" :: G : "memory");
}

TC_ASM(rodata_zero_prunes_bad_branch_accepted)
{
	/* cfg_zero is a known 0: the branch reading the uninitialised r3 is dead */
	asm volatile("r1 = %[cfg_zero] ll; r2 = *(u32 *)(r1 + 0); if r2 == 0 goto .L1%=;"
		     "r0 = *(u64 *)(r3 + 0);"
		     ".L1%=: r0 = 0; exit;" :: G : "memory");
}

TC_ASM(rodata_one_takes_bad_branch)
{
	asm volatile("r1 = %[cfg_one] ll; r2 = *(u32 *)(r1 + 0); if r2 == 0 goto .L1%=;"
		     "r0 = *(u64 *)(r3 + 0);"
		     ".L1%=: r0 = 0; exit;" :: G : "memory");
}

TC_ASM(data_seven_does_not_prune)
{
	/* .data is writable: its value is unknown to the verifier */
	asm volatile("r1 = %[data_seven] ll; r2 = *(u32 *)(r1 + 0); if r2 == 7 goto .L1%=;"
		     "r0 = *(u64 *)(r3 + 0);"
		     ".L1%=: r0 = 0; exit;" :: G : "memory");
}

TC_ASM(bss_does_not_prune)
{
	asm volatile("r1 = %[bss_word] ll; r2 = *(u32 *)(r1 + 0); if r2 == 0 goto .L1%=;"
		     "r0 = *(u64 *)(r3 + 0);"
		     ".L1%=: r0 = 0; exit;" :: G : "memory");
}

TC_ASM(rodata_constant_bounds_index_accepted)
{
	/* cfg_index = 3: a known constant, so ctx-independent indexing of .rodata is in bounds */
	asm volatile("r1 = %[cfg_zero] ll; r2 = r1; r3 = %[cfg_index] ll; r4 = *(u32 *)(r3 + 0);"
		     "r4 <<= 2; r2 += r4; r0 = *(u32 *)(r2 - 4); exit;" :: G : "memory");
}

TC_ASM(rodata_constant_index_past_section)
{
	asm volatile("r1 = %[cfg_zero] ll; r2 = r1; r3 = %[cfg_index] ll; r4 = *(u32 *)(r3 + 0);"
		     "r4 <<= 2; r2 += r4; r0 = *(u32 *)(r2 + 0); exit;" :: G : "memory");
}

TC_ASM(data_write_accepted)
{
	asm volatile("r1 = %[data_seven] ll; r2 = 5; *(u32 *)(r1 + 0) = r2; r0 = 0; exit;" :: G : "memory");
}

TC_ASM(bss_write_accepted)
{
	asm volatile("r1 = %[bss_word] ll; r2 = 5; *(u32 *)(r1 + 0) = r2; r0 = 0; exit;" :: G : "memory");
}

TC_ASM(bss_read_past_section)
{
	asm volatile("r1 = %[bss_word] ll; r0 = *(u32 *)(r1 + 4); exit;" :: G : "memory");
}

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} rd_hash SEC(".maps");

TC_ASM(rodata_as_helper_key_accepted)
{
	asm volatile("r2 = %[cfg_index] ll; r1 = %[rd_hash] ll; call %[bpf_map_lookup_elem]; r0 = 0; exit;"
		     :: G, __imm_addr(rd_hash), __imm(bpf_map_lookup_elem) : "memory");
}

TC_ASM(rodata_as_helper_output_buffer)
{
	/* bpf_skb_load_bytes writes its destination: .rodata is refused */
	asm volatile("r2 = 0; r3 = %[cfg_zero] ll; r4 = 4; call %[bpf_skb_load_bytes]; r0 = 0; exit;"
		     :: G, __imm(bpf_skb_load_bytes) : "memory");
}
