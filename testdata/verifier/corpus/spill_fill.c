// SPDX-License-Identifier: GPL-2.0
/* Spills and fills: an 8-byte spill keeps the register's type (pointer kind, constant, NULL-check
 * identity); partial fills, overwritten bytes and misaligned spills lose it or are refused. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64[4]);
} sf_arr SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} sf_hash SEC(".maps");

TC_ASM(spill_fill_ctx_keeps_type_accepted)
{
	asm volatile("*(u64 *)(r10 - 8) = r1; r2 = *(u64 *)(r10 - 8); r0 = *(u32 *)(r2 + 0); exit;" ::: "memory");
}

TC_ASM(spill_fill_stack_pointer_accepted)
{
	asm volatile("r2 = r10; r2 += -16; *(u64 *)(r10 - 8) = r2; r3 = *(u64 *)(r10 - 8);"
		     "r1 = 0; *(u64 *)(r3 + 0) = r1; r0 = *(u64 *)(r10 - 16); exit;" ::: "memory");
}

TC_ASM(spill_ctx_fill_u32_partial)
{
	asm volatile("*(u64 *)(r10 - 8) = r1; r2 = *(u32 *)(r10 - 8); r0 = *(u32 *)(r2 + 0); exit;" ::: "memory");
}

TC_ASM(spill_ctx_byte_overwritten)
{
	asm volatile("*(u64 *)(r10 - 8) = r1; r3 = 0; *(u8 *)(r10 - 5) = r3;"
		     "r2 = *(u64 *)(r10 - 8); r0 = *(u32 *)(r2 + 0); exit;" ::: "memory");
}

TC_ASM(spill_ctx_as_u32_store)
{
	asm volatile("*(u32 *)(r10 - 8) = r1; r2 = *(u64 *)(r10 - 8); r0 = *(u32 *)(r2 + 0); exit;" ::: "memory");
}

TC_ASM(spill_pointer_misaligned)
{
	asm volatile("*(u64 *)(r10 - 12) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(fill_uninit_slot_is_scalar)
{
	asm volatile("r2 = *(u64 *)(r10 - 8); r0 = *(u32 *)(r2 + 0); exit;" ::: "memory");
}

TC_ASM(spill_constant_index_keeps_value_accepted)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1;"
		     "r1 = 24; *(u64 *)(r10 - 16) = r1;"
		     "r2 = r10; r2 += -4; r1 = %[sf_arr] ll; call %[bpf_map_lookup_elem];"
		     "if r0 == 0 goto .L1%=;"
		     "r1 = *(u64 *)(r10 - 16); r0 += r1; r0 = *(u64 *)(r0 + 0);"
		     ".L1%=: r0 = 0; exit;" :: __imm_addr(sf_arr), __imm(bpf_map_lookup_elem) : "memory");
}

TC_ASM(spill_constant_index_one_past)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1;"
		     "r1 = 32; *(u64 *)(r10 - 16) = r1;"
		     "r2 = r10; r2 += -4; r1 = %[sf_arr] ll; call %[bpf_map_lookup_elem];"
		     "if r0 == 0 goto .L1%=;"
		     "r1 = *(u64 *)(r10 - 16); r0 += r1; r0 = *(u64 *)(r0 + 0);"
		     ".L1%=: r0 = 0; exit;" :: __imm_addr(sf_arr), __imm(bpf_map_lookup_elem) : "memory");
}

TC_ASM(spill_u32_constant_fill_u32_accepted)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1;"
		     "w1 = 8; *(u32 *)(r10 - 16) = r1;"
		     "r2 = r10; r2 += -4; r1 = %[sf_arr] ll; call %[bpf_map_lookup_elem];"
		     "if r0 == 0 goto .L1%=;"
		     "r1 = *(u32 *)(r10 - 16); r0 += r1; r0 = *(u64 *)(r0 + 0);"
		     ".L1%=: r0 = 0; exit;" :: __imm_addr(sf_arr), __imm(bpf_map_lookup_elem) : "memory");
}

TC_ASM(spill_or_null_then_check_original_accepted)
{
	/* the filled copy shares the NULL check of r0 (same id) */
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1;"
		     "r2 = r10; r2 += -4; r1 = %[sf_hash] ll; call %[bpf_map_lookup_elem];"
		     "*(u64 *)(r10 - 16) = r0;"
		     "if r0 == 0 goto .L1%=;"
		     "r1 = *(u64 *)(r10 - 16); r0 = *(u64 *)(r1 + 0);"
		     ".L1%=: r0 = 0; exit;" :: __imm_addr(sf_hash), __imm(bpf_map_lookup_elem) : "memory");
}

TC_ASM(spill_or_null_fill_deref_unchecked)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1;"
		     "r2 = r10; r2 += -4; r1 = %[sf_hash] ll; call %[bpf_map_lookup_elem];"
		     "*(u64 *)(r10 - 16) = r0;"
		     "r1 = *(u64 *)(r10 - 16); r0 = *(u64 *)(r1 + 0);"
		     "r0 = 0; exit;" :: __imm_addr(sf_hash), __imm(bpf_map_lookup_elem) : "memory");
}

TC_ASM(spill_packet_pointer_fill_after_check_accepted)
{
	asm volatile("r2 = *(u32 *)(r1 + 76); r3 = *(u32 *)(r1 + 80);"
		     "*(u64 *)(r10 - 8) = r2;"
		     "r4 = r2; r4 += 14; if r4 > r3 goto .L1%=;"
		     "r5 = *(u64 *)(r10 - 8); r0 = *(u8 *)(r5 + 13); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(spill_packet_pointer_fill_access_past_check)
{
	asm volatile("r2 = *(u32 *)(r1 + 76); r3 = *(u32 *)(r1 + 80);"
		     "*(u64 *)(r10 - 8) = r2;"
		     "r4 = r2; r4 += 14; if r4 > r3 goto .L1%=;"
		     "r5 = *(u64 *)(r10 - 8); r0 = *(u8 *)(r5 + 14); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(spill_scalar_fill_as_pointer)
{
	asm volatile("r2 = 100; *(u64 *)(r10 - 8) = r2; r3 = *(u64 *)(r10 - 8); r0 = *(u64 *)(r3 + 0); exit;" ::: "memory");
}

TC_ASM(spill_two_pointers_two_slots_accepted)
{
	asm volatile("*(u64 *)(r10 - 8) = r1; r2 = r10; *(u64 *)(r10 - 16) = r2;"
		     "r6 = *(u64 *)(r10 - 8); r7 = *(u64 *)(r10 - 16);"
		     "r0 = *(u32 *)(r6 + 8); *(u64 *)(r7 - 24) = r0; exit;" ::: "memory");
}

TC_ASM(same_insn_ctx_or_stack_pointer)
{
	/* one load instruction sees a ctx pointer on one path and a stack pointer on the other */
	asm volatile("r2 = *(u32 *)(r1 + 0); r3 = r1;"
		     "if r2 == 0 goto .L1%=;"
		     "r3 = r10; r3 += -16; r4 = 0; *(u64 *)(r10 - 16) = r4;"
		     ".L1%=: r0 = *(u32 *)(r3 + 8); exit;" ::: "memory");
}

TC_ASM(same_insn_stack_or_map_value_accepted)
{
	/* stack and map value are both memory the same load may use */
	asm volatile("r1 = 0; *(u64 *)(r10 - 8) = r1; *(u64 *)(r10 - 16) = r1;"
		     "r2 = r10; r2 += -4; r1 = %[sf_arr] ll; call %[bpf_map_lookup_elem];"
		     "r3 = r10; r3 += -16;"
		     "if r0 == 0 goto .L1%=;"
		     "r3 = r0;"
		     ".L1%=: r0 = *(u64 *)(r3 + 0); exit;" :: __imm_addr(sf_arr), __imm(bpf_map_lookup_elem) : "memory");
}
