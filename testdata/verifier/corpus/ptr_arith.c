// SPDX-License-Identifier: GPL-2.0
/* Pointer arithmetic and comparisons (privileged): which ALU operations a pointer allows, pointer
 * differences, 32-bit operations on pointers. */
#include "maps.h"

TC_ASM(pointer_plus_pointer)
{
	asm volatile("r2 = r10; r2 += r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(pointer_times_scalar)
{
	asm volatile("r2 = r10; r2 *= 2; r0 = 0; exit;" ::: "memory");
}

TC_ASM(pointer_divided)
{
	asm volatile("r2 = r10; r2 /= 2; r0 = 0; exit;" ::: "memory");
}

TC_ASM(pointer_and_mask)
{
	asm volatile("r2 = r10; r2 &= -8; r0 = 0; exit;" ::: "memory");
}

TC_ASM(pointer_or)
{
	asm volatile("r2 = r10; r2 |= 1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(pointer_xor)
{
	asm volatile("r2 = r1; r2 ^= 4; r0 = 0; exit;" ::: "memory");
}

TC_ASM(pointer_shift_left)
{
	asm volatile("r2 = r10; r2 <<= 1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(pointer_shift_right)
{
	asm volatile("r2 = r1; r2 >>= 1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(pointer_negated_is_scalar_accepted)
{
	asm volatile("r2 = r10; r2 = -r2; r0 = 0; exit;" ::: "memory");
}

TC_ASM(pointer_32bit_add)
{
	asm volatile("r2 = r10; w2 += 8; r0 = 0; exit;" ::: "memory");
}

TC_ASM(pointer_32bit_move_is_scalar_accepted)
{
	/* privileged: a 32-bit copy of a pointer becomes an unknown scalar */
	asm volatile("w0 = w10; r0 &= 1; exit;" ::: "memory");
}

TC_ASM(pointer_32bit_move_dereferenced)
{
	asm volatile("w2 = w1; r0 = *(u32 *)(r2 + 0); exit;" ::: "memory");
}

TC_ASM(stack_minus_stack_is_scalar_accepted)
{
	asm volatile("r2 = r10; r3 = r10; r3 += -8; r2 -= r3; r0 = r2; exit;" ::: "memory");
}

TC_ASM(stack_minus_ctx_is_scalar_accepted)
{
	asm volatile("r2 = r10; r2 -= r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(scalar_minus_pointer)
{
	asm volatile("r2 = 100; r2 -= r10; r0 = 0; exit;" ::: "memory");
}

TC_ASM(ctx_minus_ctx_is_scalar_accepted)
{
	asm volatile("r2 = r1; r2 += 4; r3 = r1; r2 -= r3; r0 = r2; exit;" ::: "memory");
}

TC_ASM(map_pointer_arith)
{
	asm volatile("r1 = %[arr] ll; r1 += 8; r0 = 0; exit;" :: __imm_addr(arr) : "memory");
}

TC_ASM(map_value_minus_map_value_accepted)
{
	asm volatile(LOOKUP_CHECKED(arr) "r1 = r0; r1 += 16; r1 -= r0; r0 = r1; exit;" OUT
		     :: __imm_addr(arr), __imm(bpf_map_lookup_elem) : "memory");
}

TC_ASM(map_value_plus_unbounded_negative)
{
	asm volatile("call %[bpf_get_prandom_u32]; r6 = r0;" LOOKUP_CHECKED(arr)
		     "r0 += r6; r0 = 0; exit;" OUT
		     :: __imm_addr(arr), __imm(bpf_map_lookup_elem), __imm(bpf_get_prandom_u32) : "memory");
}

TC_ASM(compare_stack_and_ctx_pointers_accepted)
{
	asm volatile("r2 = r10; r0 = 0; if r2 > r1 goto .L1%=; r0 = 1; .L1%=: exit;" ::: "memory");
}

TC_ASM(compare_pointer_with_scalar_accepted)
{
	asm volatile("r2 = r10; r0 = 0; if r2 == 5 goto .L1%=; r0 = 1; .L1%=: exit;" ::: "memory");
}

TC_ASM(compare_pointer_32bit_accepted)
{
	asm volatile("r2 = r10; w0 = 0; if w2 > 100 goto .L1%=; w0 = 1; .L1%=: exit;" ::: "memory");
}

TC_ASM(pointer_to_scalar_via_stack_u32_partial_accepted)
{
	/* a 32-bit store of a pointer then a 32-bit load gives a scalar (privileged) */
	asm volatile("r1 = 0; *(u64 *)(r10 - 8) = r1; r0 = *(u32 *)(r10 - 8); exit;" ::: "memory");
}

TC_ASM(ctx_plus_unknown_scalar_no_access_accepted)
{
	asm volatile("r2 = *(u32 *)(r1 + 0); r1 += r2; r0 = 0; exit;" ::: "memory");
}

TC_ASM(scalar_plus_ctx_is_modified_ctx)
{
	/* scalar += pointer makes the destination a pointer: here ctx + 8, not dereferenceable */
	asm volatile("r2 = 8; r2 += r1; r0 = *(u32 *)(r2 + 0); exit;" ::: "memory");
}

TC_ASM(scalar_plus_stack_pointer_accepted)
{
	asm volatile("r2 = -8; r2 += r10; r1 = 0; *(u64 *)(r2 + 0) = r1; r0 = 0; exit;" ::: "memory");
}
