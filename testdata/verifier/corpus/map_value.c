// SPDX-License-Identifier: GPL-2.0
/* Map value accesses: constant offsets within the value size, variable offsets bounded by masks
 * and comparisons (signed, unsigned, 32-bit), pointer arithmetic on the value pointer. */
#include "maps.h"

#define MAPS __imm_addr(arr), __imm_addr(hash), __imm_addr(hash8), __imm(bpf_map_lookup_elem), \
	     __imm(bpf_get_prandom_u32)

TC_ASM(hash_read_first_u64_accepted)
{
	asm volatile(LOOKUP_CHECKED(hash) "r0 = *(u64 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(hash_read_last_u64_accepted)
{
	asm volatile(LOOKUP_CHECKED(hash) "r0 = *(u64 *)(r0 + 8); exit;" OUT :: MAPS : "memory");
}

TC_ASM(hash_read_last_byte_accepted)
{
	asm volatile(LOOKUP_CHECKED(hash) "r0 = *(u8 *)(r0 + 15); exit;" OUT :: MAPS : "memory");
}

TC_ASM(hash_read_one_past_value)
{
	asm volatile(LOOKUP_CHECKED(hash) "r0 = *(u64 *)(r0 + 16); exit;" OUT :: MAPS : "memory");
}

TC_ASM(hash_read_straddling_end)
{
	asm volatile(LOOKUP_CHECKED(hash) "r0 = *(u64 *)(r0 + 12); exit;" OUT :: MAPS : "memory");
}

TC_ASM(hash_read_byte_past_end)
{
	asm volatile(LOOKUP_CHECKED(hash) "r0 = *(u8 *)(r0 + 16); exit;" OUT :: MAPS : "memory");
}

TC_ASM(hash_read_negative_offset)
{
	asm volatile(LOOKUP_CHECKED(hash) "r0 = *(u64 *)(r0 - 8); exit;" OUT :: MAPS : "memory");
}

TC_ASM(hash_write_in_bounds_accepted)
{
	asm volatile(LOOKUP_CHECKED(hash) "r1 = 1; *(u64 *)(r0 + 8) = r1;" OUT :: MAPS : "memory");
}

TC_ASM(hash_write_one_past)
{
	asm volatile(LOOKUP_CHECKED(hash) "r1 = 1; *(u32 *)(r0 + 16) = r1;" OUT :: MAPS : "memory");
}

TC_ASM(hash_read_misaligned_u64_accepted)
{
	/* map values are not alignment-checked without strict alignment */
	asm volatile(LOOKUP_CHECKED(hash) "r0 = *(u64 *)(r0 + 3); exit;" OUT :: MAPS : "memory");
}

TC_ASM(hash_atomic_add_accepted)
{
	asm volatile(LOOKUP_CHECKED(hash) "r1 = 1; lock *(u64 *)(r0 + 0) += r1;" OUT :: MAPS : "memory");
}

TC_ASM(hash_store_pointer_into_value_accepted)
{
	/* privileged loaders may leak pointers into maps */
	asm volatile(LOOKUP_CHECKED(hash) "r1 = r10; *(u64 *)(r0 + 0) = r1;" OUT :: MAPS : "memory");
}

TC_ASM(value_pointer_plus_const_accepted)
{
	asm volatile(LOOKUP_CHECKED(arr) "r0 += 24; r0 = *(u64 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(value_pointer_plus_const_past_end)
{
	asm volatile(LOOKUP_CHECKED(arr) "r0 += 32; r0 = *(u64 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(value_pointer_minus_then_plus_accepted)
{
	asm volatile(LOOKUP_CHECKED(arr) "r0 += -8; r0 = *(u64 *)(r0 + 8); exit;" OUT :: MAPS : "memory");
}

/* --- variable offsets ------------------------------------------------------------------------ */

TC_ASM(index_masked_3_shifted_accepted)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "r6 &= 3; r6 <<= 3; r0 += r6; r0 = *(u64 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(index_masked_7_shifted_past_end)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "r6 &= 7; r6 <<= 3; r0 += r6; r0 = *(u64 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(index_masked_byte_offset_accepted)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "r6 &= 31; r0 += r6; r0 = *(u8 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(index_masked_byte_offset_u16_past_end)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "r6 &= 31; r0 += r6; r0 = *(u16 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(index_unmasked_u32)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "r0 += r6; r0 = *(u8 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(index_unknown_u64)
{
	asm volatile("call %[bpf_get_prandom_u32]; r6 = r0;" LOOKUP_CHECKED(arr)
		     "r0 += r6; r0 = *(u8 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(index_unsigned_check_accepted)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "if r6 > 3 goto .Lout%=; r6 <<= 3; r0 += r6; r0 = *(u64 *)(r0 + 0); exit;" OUT
		     :: MAPS : "memory");
}

TC_ASM(index_unsigned_check_off_by_one)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "if r6 > 4 goto .Lout%=; r6 <<= 3; r0 += r6; r0 = *(u64 *)(r0 + 0); exit;" OUT
		     :: MAPS : "memory");
}

TC_ASM(index_jge_check_accepted)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "if r6 >= 4 goto .Lout%=; r6 <<= 3; r0 += r6; r0 = *(u64 *)(r0 + 0); exit;" OUT
		     :: MAPS : "memory");
}

TC_ASM(index_signed_upper_check_only)
{
	asm volatile("call %[bpf_get_prandom_u32]; r6 = r0;" LOOKUP_CHECKED(arr)
		     "if r6 s> 3 goto .Lout%=; r6 <<= 3; r0 += r6; r0 = *(u64 *)(r0 + 0); exit;" OUT
		     :: MAPS : "memory");
}

TC_ASM(index_signed_both_checks_accepted)
{
	asm volatile("call %[bpf_get_prandom_u32]; r6 = r0;" LOOKUP_CHECKED(arr)
		     "if r6 s> 3 goto .Lout%=; if r6 s< 0 goto .Lout%=;"
		     "r6 <<= 3; r0 += r6; r0 = *(u64 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(index_checked_on_copy_before_shift_accepted)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "r7 = r6; if r7 > 3 goto .Lout%=; r7 <<= 3; r0 += r7; r0 = *(u64 *)(r0 + 0); exit;" OUT
		     :: MAPS : "memory");
}

TC_ASM(index_checked_then_original_unchecked_used)
{
	asm volatile("call %[bpf_get_prandom_u32]; r6 = r0;" LOOKUP_CHECKED(arr)
		     "r7 = r6; r7 += 1; if r7 > 3 goto .Lout%=; r0 += r6; r0 = *(u8 *)(r0 + 0); exit;" OUT
		     :: MAPS : "memory");
}

TC_ASM(index_bounded_min_and_max_accepted)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "if r6 < 8 goto .Lout%=; if r6 > 24 goto .Lout%=;"
		     "r0 += r6; r0 = *(u64 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(index_bounded_min_and_max_past_end)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "if r6 < 8 goto .Lout%=; if r6 > 25 goto .Lout%=;"
		     "r0 += r6; r0 = *(u64 *)(r0 + 0); exit;" OUT :: MAPS : "memory");
}

TC_ASM(index_negative_const_offset_after_var)
{
	asm volatile("r6 = *(u32 *)(r1 + 0);" LOOKUP_CHECKED(arr)
		     "r6 &= 8; r0 += r6; r0 = *(u64 *)(r0 - 8); exit;" OUT :: MAPS : "memory");
}

/* --- the value as a key or value of other helpers -------------------------------------------- */

TC_ASM(value_as_key_of_second_lookup_accepted)
{
	asm volatile(LOOKUP_CHECKED(arr) "r2 = r0; r1 = %[hash8] ll; call %[bpf_map_lookup_elem];" OUT
		     :: MAPS : "memory");
}

TC_ASM(value_tail_too_short_for_key)
{
	asm volatile(LOOKUP_CHECKED(arr) "r2 = r0; r2 += 28; r1 = %[hash8] ll; call %[bpf_map_lookup_elem];" OUT
		     :: MAPS : "memory");
}

TC_ASM(map_pointer_read_accepted)
{
	/* privileged: the map pointer reads struct bpf_map through BTF */
	asm volatile("r1 = %[arr] ll; r0 = *(u64 *)(r1 + 0); r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(map_pointer_written)
{
	asm volatile("r1 = %[arr] ll; r2 = 0; *(u64 *)(r1 + 0) = r2; r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(array_const_key_in_range_not_null_accepted)
{
	/* a constant key below max_entries: the array lookup cannot fail */
	asm volatile(LOOKUP(arr) "r0 = *(u64 *)(r0 + 0); r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(array_const_key_out_of_range_may_be_null)
{
	asm volatile("r1 = 4; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = %[arr] ll;"
		     "call %[bpf_map_lookup_elem]; r0 = *(u64 *)(r0 + 0); r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(array_variable_key_may_be_null)
{
	asm volatile("r1 = *(u32 *)(r1 + 0); r1 &= 3; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = %[arr] ll;"
		     "call %[bpf_map_lookup_elem]; r0 = *(u64 *)(r0 + 0); r0 = 0; exit;" :: MAPS : "memory");
}
