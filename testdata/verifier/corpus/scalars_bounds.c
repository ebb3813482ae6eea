// SPDX-License-Identifier: GPL-2.0
/* Scalar tracking (tnum + signed/unsigned 64/32-bit ranges) seen through a map-value index:
 * comparisons of each kind, 32-bit subregisters, shifts, masks, division, JSET. The index is added
 * to a pointer to a 32-byte map value and one u8 is read, so it must end up in [0, 31]. Built with
 * -mcpu=v3 (32-bit jumps). */
#include "maps.h"

#define MAPS __imm_addr(arr), __imm(bpf_map_lookup_elem), __imm(bpf_get_prandom_u32)
/* r6 = unknown 64-bit scalar; r0 = value pointer (or out) */
#define RAND_AND_LOOKUP "call %[bpf_get_prandom_u32]; r6 = r0;" LOOKUP_CHECKED(arr)
/* r0 += r6; read one byte */
#define USE_INDEX "r0 += r6; r0 = *(u8 *)(r0 + 0); exit;" OUT
#define IDX(name, ops)                                                                             \
	TC_ASM(name)                                                                               \
	{                                                                                          \
		asm volatile(RAND_AND_LOOKUP ops USE_INDEX ::MAPS : "memory");                     \
	}

/* --- unsigned and signed comparisons --------------------------------------------------------- */
IDX(unsigned_jgt_31_accepted, "if r6 > 31 goto .Lout%=;")
IDX(unsigned_jgt_32_rejected, "if r6 > 32 goto .Lout%=;")
IDX(unsigned_jge_32_accepted, "if r6 >= 32 goto .Lout%=;")
IDX(unsigned_jlt_on_taken_branch_accepted, "if r6 < 32 goto .L1%=; goto .Lout%=; .L1%=:")
IDX(unsigned_jle_32_taken_branch_rejected, "if r6 <= 32 goto .L1%=; goto .Lout%=; .L1%=:")
IDX(signed_jsgt_only_rejected, "if r6 s> 31 goto .Lout%=;")
IDX(signed_jsgt_and_jslt_zero_accepted, "if r6 s> 31 goto .Lout%=; if r6 s< 0 goto .Lout%=;")
IDX(signed_jsge_and_jsle_accepted, "if r6 s>= 32 goto .Lout%=; if r6 s<= -1 goto .Lout%=;")
IDX(signed_lower_unsigned_upper_accepted, "if r6 s< 0 goto .Lout%=; if r6 > 31 goto .Lout%=;")
IDX(jeq_constant_accepted, "if r6 != 7 goto .Lout%=;")
IDX(jeq_constant_too_large_rejected, "if r6 != 32 goto .Lout%=;")
IDX(compare_with_bounded_register_accepted, "r7 = 31; if r6 > r7 goto .Lout%=;")
IDX(compare_with_unbounded_register_rejected, "r7 = *(u64 *)(r0 + 8); if r6 > r7 goto .Lout%=;")

/* --- 32-bit subregisters ------------------------------------------------------------------- */
IDX(jmp32_bounds_low_half_only_rejected, "if w6 > 31 goto .Lout%=;")
IDX(jmp32_after_zero_extending_move_accepted, "w6 = w6; if w6 > 31 goto .Lout%=;")
IDX(alu32_and_zero_extends_accepted, "w6 &= 31;")
IDX(alu32_sub_wraps_rejected, "w6 &= 31; w6 -= 1;")
IDX(alu32_add_stays_below_accepted, "w6 &= 15; w6 += 16;")
IDX(jmp32_signed_check_rejected, "w6 = w6; if w6 s> 31 goto .Lout%=;")
IDX(jmp32_signed_both_sides_accepted, "w6 = w6; if w6 s> 31 goto .Lout%=; if w6 s< 0 goto .Lout%=;")
IDX(alu64_and_then_32bit_check_accepted, "r6 &= 0xffff; if w6 > 31 goto .Lout%=;")

/* --- shifts, masks, division --------------------------------------------------------------- */
IDX(mask_31_accepted, "r6 &= 31;")
IDX(mask_63_rejected, "r6 &= 63;")
IDX(mask_sparse_bits_accepted, "r6 &= 0x15;")
IDX(rsh_to_five_bits_accepted, "r6 &= 0xff; r6 >>= 3;")
IDX(rsh_to_six_bits_rejected, "r6 &= 0xff; r6 >>= 2;")
IDX(lsh_after_mask_accepted, "r6 &= 7; r6 <<= 2;")
IDX(lsh_after_mask_rejected, "r6 &= 7; r6 <<= 3;")
IDX(arsh_of_negative_rejected, "r6 |= -32; r6 s>>= 1;")
IDX(rsh_64_of_unknown_by_59_accepted, "r6 >>= 59;")
IDX(rsh_by_unknown_amount_rejected, "r7 = r6; r7 &= 63; r6 &= 31; r6 >>= r7; r6 <<= 1;")
IDX(div_by_constant_loses_bounds_rejected, "r6 &= 0xff; r6 /= 8;")
IDX(mod_by_constant_loses_bounds_rejected, RAW_INSN(0x97, 6, 0, 0, 32)) /* r6 %= 32 */
IDX(mul_after_mask_accepted, "r6 &= 7; r6 *= 4;")
IDX(mul_after_mask_rejected, "r6 &= 7; r6 *= 5;")
IDX(add_two_bounded_accepted, "r6 &= 15; r7 = r6; r6 += r7;")
IDX(sub_bounded_may_go_negative_rejected, "r6 &= 15; r6 -= 8;")
IDX(jset_clears_high_bits_accepted, RAW_INSN(0x45, 6, 0, 3, -32)) /* if r6 & -32 goto out (+3; no clang 14 syntax) */
IDX(neg_of_bounded_rejected, "r6 &= 15; r6 = -r6;")
IDX(xor_after_mask_accepted, "r6 &= 15; r6 ^= 16;")
IDX(or_after_mask_rejected, "r6 &= 15; r6 |= 32;")
IDX(bswap16_loses_bounds_rejected, "r6 &= 0xff; r6 = be16 r6; r6 >>= 8;")

/* --- ALU immediates the verifier refuses ---------------------------------------------------- */

TC_ASM(div_by_zero_immediate)
{
	asm volatile("r0 = 1; r0 /= 0; exit;" ::: "memory");
}

TC_ASM(mod_by_zero_immediate)
{
	asm volatile("w0 = 1;" RAW_INSN(0x94, 0, 0, 0, 0) "exit;" ::: "memory"); /* w0 %= 0 */
}

TC_ASM(div_by_zero_register_accepted)
{
	/* division by a register that is 0 is defined (result 0) */
	asm volatile("r0 = 1; r1 = 0; r0 /= r1; exit;" ::: "memory");
}

TC_ASM(shift_64_immediate)
{
	asm volatile("r0 = 1; r0 <<= 64; exit;" ::: "memory");
}

TC_ASM(shift_32_immediate_on_alu32)
{
	asm volatile("w0 = 1; w0 >>= 32; exit;" ::: "memory");
}

TC_ASM(shift_63_immediate_accepted)
{
	asm volatile("r0 = 1; r0 <<= 63; r0 s>>= 63; exit;" ::: "memory");
}

TC_ASM(shift_by_unknown_register_accepted)
{
	asm volatile("call %[bpf_get_prandom_u32]; r1 = 1; r1 <<= r0; r0 = r1; exit;" :: __imm(bpf_get_prandom_u32) : "memory");
}
