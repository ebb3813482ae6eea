// SPDX-License-Identifier: GPL-2.0
/* Direct packet access: reads and writes only within a range proven against data_end (or, for
 * the metadata area, against data), pointer arithmetic on packet pointers, and helpers that
 * invalidate packet pointers. __sk_buff: data at 76, data_end at 80, data_meta at 140. */
#include "common.h"

#define LOAD_DATA "r2 = *(u32 *)(r1 + 76); r3 = *(u32 *)(r1 + 80);"

TC_ASM(read_without_data_end_check)
{
	asm volatile(LOAD_DATA "r0 = *(u8 *)(r2 + 0); exit;" ::: "memory");
}

TC_ASM(read_last_checked_byte_accepted)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 14; if r4 > r3 goto .L1%=;"
		     "r0 = *(u8 *)(r2 + 13); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(read_u16_straddling_checked_end)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 14; if r4 > r3 goto .L1%=;"
		     "r0 = *(u16 *)(r2 + 13); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(read_one_past_checked_end)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 14; if r4 > r3 goto .L1%=;"
		     "r0 = *(u8 *)(r2 + 14); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(read_beyond_checked_range)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 14; if r4 > r3 goto .L1%=;"
		     "r0 = *(u32 *)(r2 + 20); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(read_on_failed_check_branch)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 14; if r4 > r3 goto .L1%=;"
		     "r0 = 0; exit;"
		     ".L1%=: r0 = *(u8 *)(r2 + 0); exit;" ::: "memory");
}

TC_ASM(check_with_jge_proves_one_more_byte_accepted)
{
	/* the fall-through of data + 14 >= data_end means data + 14 < data_end: 15 bytes */
	asm volatile(LOAD_DATA "r4 = r2; r4 += 14; if r4 >= r3 goto .L1%=;"
		     "r0 = *(u8 *)(r2 + 14); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(check_with_jge_two_past)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 14; if r4 >= r3 goto .L1%=;"
		     "r0 = *(u8 *)(r2 + 15); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(check_data_end_on_left_accepted)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 8; if r3 < r4 goto .L1%=;"
		     "r0 = *(u64 *)(r2 + 0); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(check_taken_branch_proves_range_accepted)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 4; if r4 <= r3 goto .L1%=;"
		     "r0 = 0; exit;"
		     ".L1%=: r0 = *(u32 *)(r2 + 0); exit;" ::: "memory");
}

TC_ASM(read_negative_offset_after_check)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 14; if r4 > r3 goto .L1%=;"
		     "r0 = *(u8 *)(r2 - 1); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(read_through_advanced_pointer_accepted)
{
	asm volatile(LOAD_DATA "r2 += 14; r4 = r2; r4 += 20; if r4 > r3 goto .L1%=;"
		     "r0 = *(u32 *)(r2 + 16); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(write_after_check_accepted)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 6; if r4 > r3 goto .L1%=;"
		     "r5 = 0; *(u32 *)(r2 + 2) = r5;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(write_past_check)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 6; if r4 > r3 goto .L1%=;"
		     "r5 = 0; *(u32 *)(r2 + 4) = r5;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(var_offset_masked_then_checked_accepted)
{
	asm volatile(LOAD_DATA "r5 = *(u32 *)(r1 + 0); r5 &= 0xff; r2 += r5;"
		     "r4 = r2; r4 += 1; if r4 > r3 goto .L1%=;"
		     "r0 = *(u8 *)(r2 + 0); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(var_offset_added_after_check)
{
	asm volatile(LOAD_DATA "r4 = r2; r4 += 1; if r4 > r3 goto .L1%=;"
		     "r5 = *(u32 *)(r1 + 0); r5 &= 0xff; r2 += r5;"
		     "r0 = *(u8 *)(r2 + 0); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(var_offset_too_large_for_packet)
{
	asm volatile(LOAD_DATA "r5 = *(u32 *)(r1 + 0); r2 += r5;"
		     "r4 = r2; r4 += 1; if r4 > r3 goto .L1%=;"
		     "r0 = *(u8 *)(r2 + 0); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(const_offset_too_large_for_packet)
{
	asm volatile(LOAD_DATA "r2 += 0x10000;"
		     "r4 = r2; r4 += 1; if r4 > r3 goto .L1%=;"
		     "r0 = *(u8 *)(r2 + 0); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(deref_data_end)
{
	asm volatile(LOAD_DATA "r0 = *(u8 *)(r3 + 0); exit;" ::: "memory");
}

TC_ASM(arith_on_data_end)
{
	asm volatile(LOAD_DATA "r3 += -4; r0 = 0; exit;" ::: "memory");
}

TC_ASM(packet_length_from_pointer_difference_accepted)
{
	asm volatile(LOAD_DATA "r3 -= r2; r0 = r3; exit;" ::: "memory");
}

TC_ASM(compare_against_data_end_copy_accepted)
{
	asm volatile(LOAD_DATA "r6 = r3; r4 = r2; r4 += 2; if r4 > r6 goto .L1%=;"
		     "r0 = *(u16 *)(r2 + 0); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(compare_with_non_packet_register)
{
	/* comparing against a scalar proves nothing about the packet */
	asm volatile(LOAD_DATA "r4 = r2; r4 += 14; r6 = 1000; if r4 > r6 goto .L1%=;"
		     "r0 = *(u8 *)(r2 + 0); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(check_then_pointer_clobbered_by_helper)
{
	/* bpf_skb_pull_data may move the packet: every packet pointer is invalidated */
	asm volatile("r6 = r1;" LOAD_DATA "r7 = r2; r4 = r2; r4 += 14; if r4 > r3 goto .L1%=;"
		     "r1 = r6; r2 = 14; call %[bpf_skb_pull_data];"
		     "r0 = *(u8 *)(r7 + 0); exit;"
		     ".L1%=: r0 = 0; exit;" :: __imm(bpf_skb_pull_data) : "memory");
}

TC_ASM(reload_after_pull_data_accepted)
{
	asm volatile("r6 = r1; r2 = 14; call %[bpf_skb_pull_data];"
		     "r2 = *(u32 *)(r6 + 76); r3 = *(u32 *)(r6 + 80);"
		     "r4 = r2; r4 += 14; if r4 > r3 goto .L1%=;"
		     "r0 = *(u8 *)(r2 + 12); exit;"
		     ".L1%=: r0 = 0; exit;" :: __imm(bpf_skb_pull_data) : "memory");
}

TC_ASM(pointer_kept_across_non_changing_helper_accepted)
{
	asm volatile(LOAD_DATA "r7 = r2; r4 = r2; r4 += 14; if r4 > r3 goto .L1%=;"
		     "call %[bpf_get_prandom_u32];"
		     "r0 = *(u8 *)(r7 + 0); exit;"
		     ".L1%=: r0 = 0; exit;" :: __imm(bpf_get_prandom_u32) : "memory");
}

TC_ASM(unaligned_packet_u32_read_accepted)
{
	/* packet accesses are not alignment-checked without strict alignment */
	asm volatile(LOAD_DATA "r4 = r2; r4 += 8; if r4 > r3 goto .L1%=;"
		     "r0 = *(u32 *)(r2 + 3); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

/* --- the metadata area ---------------------------------------------------------------------- */

#define LOAD_META "r2 = *(u32 *)(r1 + 140); r3 = *(u32 *)(r1 + 76);"

TC_ASM(meta_read_checked_against_data_accepted)
{
	asm volatile(LOAD_META "r4 = r2; r4 += 4; if r4 > r3 goto .L1%=;"
		     "r0 = *(u32 *)(r2 + 0); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(meta_read_unchecked)
{
	asm volatile(LOAD_META "r0 = *(u32 *)(r2 + 0); exit;" ::: "memory");
}

TC_ASM(meta_read_past_check)
{
	asm volatile(LOAD_META "r4 = r2; r4 += 4; if r4 > r3 goto .L1%=;"
		     "r0 = *(u32 *)(r2 + 4); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(meta_checked_against_data_end)
{
	asm volatile("r2 = *(u32 *)(r1 + 140); r3 = *(u32 *)(r1 + 80);"
		     "r4 = r2; r4 += 4; if r4 > r3 goto .L1%=;"
		     "r0 = *(u32 *)(r2 + 0); exit;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(meta_write_checked_accepted)
{
	asm volatile(LOAD_META "r4 = r2; r4 += 4; if r4 > r3 goto .L1%=;"
		     "r5 = 7; *(u32 *)(r2 + 0) = r5;"
		     ".L1%=: r0 = 0; exit;" ::: "memory");
}
