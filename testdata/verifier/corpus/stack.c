// SPDX-License-Identifier: GPL-2.0
/* Stack accesses: bounds of the 512-byte frame, alignment, uninitialised reads (allowed for a
 * privileged loader), variable offsets, atomics on the stack. */
#include "common.h"

TC_ASM(read_uninit_stack_privileged_accepted)
{
	asm volatile("r0 = *(u64 *)(r10 - 8); exit;" ::: "memory");
}

TC_ASM(read_partially_init_slot_accepted)
{
	asm volatile("r1 = 1; *(u8 *)(r10 - 8) = r1; r0 = *(u64 *)(r10 - 8); exit;" ::: "memory");
}

TC_ASM(read_at_minus_512_accepted)
{
	asm volatile("r0 = *(u64 *)(r10 - 512); exit;" ::: "memory");
}

TC_ASM(read_at_minus_520)
{
	asm volatile("r0 = *(u64 *)(r10 - 520); exit;" ::: "memory");
}

TC_ASM(read_above_frame_pointer)
{
	asm volatile("r0 = *(u32 *)(r10 + 4); exit;" ::: "memory");
}

TC_ASM(read_straddling_frame_pointer)
{
	asm volatile("r0 = *(u64 *)(r10 - 4); exit;" ::: "memory");
}

TC_ASM(write_u64_misaligned)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 12) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(write_u32_misaligned)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 6) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(write_u16_aligned_accepted)
{
	asm volatile("r1 = 0; *(u16 *)(r10 - 6) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(write_u8_any_offset_accepted)
{
	asm volatile("r1 = 0; *(u8 *)(r10 - 7) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(read_u16_misaligned)
{
	asm volatile("r0 = *(u16 *)(r10 - 3); exit;" ::: "memory");
}

TC_ASM(stack_pointer_plus_const_accepted)
{
	asm volatile("r2 = r10; r2 += -16; r1 = 0; *(u64 *)(r2 + 8) = r1; r0 = *(u64 *)(r2 + 8); exit;" ::: "memory");
}

TC_ASM(stack_pointer_plus_const_out_of_frame)
{
	asm volatile("r2 = r10; r2 += -600; r1 = 0; *(u64 *)(r2 + 0) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(stack_pointer_far_without_access_accepted)
{
	asm volatile("r2 = r10; r2 += -4096; r0 = 0; exit;" ::: "memory");
}

TC_ASM(var_offset_write_in_frame_accepted)
{
	asm volatile("r2 = *(u32 *)(r1 + 0); r2 &= 8;"
		     "r3 = r10; r3 += -16; r3 += r2;"
		     "r1 = 0; *(u64 *)(r3 + 0) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(var_offset_write_may_pass_frame_pointer)
{
	asm volatile("r2 = *(u32 *)(r1 + 0); r2 &= 16;"
		     "r3 = r10; r3 += -16; r3 += r2;"
		     "r1 = 0; *(u64 *)(r3 + 0) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(var_offset_read_in_frame_accepted)
{
	asm volatile("r2 = *(u32 *)(r1 + 0); r2 &= 8;"
		     "r3 = r10; r3 += -16; r3 += r2;"
		     "r0 = *(u64 *)(r3 + 0); exit;" ::: "memory");
}

TC_ASM(var_offset_misaligned)
{
	asm volatile("r2 = *(u32 *)(r1 + 0); r2 &= 4;"
		     "r3 = r10; r3 += -16; r3 += r2;"
		     "r1 = 0; *(u64 *)(r3 + 0) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(var_offset_unbounded)
{
	asm volatile("r2 = *(u32 *)(r1 + 0);"
		     "r3 = r10; r3 -= r2;"
		     "r1 = 0; *(u8 *)(r3 + 0) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(var_offset_negative_unbounded)
{
	asm volatile("call %[bpf_get_prandom_u32];"
		     "r3 = r10; r3 += r0;"
		     "r1 = 0; *(u8 *)(r3 - 8) = r1; r0 = 0; exit;" :: __imm(bpf_get_prandom_u32) : "memory");
}

TC_ASM(atomic_add_on_stack_accepted)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 8) = r1; r1 = 1; lock *(u64 *)(r10 - 8) += r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(atomic_add_on_stack_misaligned)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 8) = r1; r1 = 1; lock *(u32 *)(r10 - 6) += r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(store_immediate_u64_accepted)
{
	asm volatile(RAW_INSN(0x7a, 10, 0, -8, 42) "r0 = *(u64 *)(r10 - 8); exit;" ::: "memory");
}

TC_ASM(store_immediate_out_of_frame)
{
	asm volatile(RAW_INSN(0x7a, 10, 0, -528, 42) "r0 = 0; exit;" ::: "memory");
}

TC_ASM(stack_pointer_compared_to_stack_pointer_accepted)
{
	asm volatile("r2 = r10; r2 += -8; r3 = r10; r0 = 0; if r2 > r3 goto .L1%=; r0 = 1; .L1%=: exit;" ::: "memory");
}
