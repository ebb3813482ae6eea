// SPDX-License-Identifier: GPL-2.0
/* Loops (privileged: back-edges are allowed when exploration proves termination) and the
 * instruction-complexity limit. */
#include "common.h"

TC_ASM(bounded_loop_10_accepted)
{
	asm volatile("r1 = 0;"
		     ".L1%=: r1 += 1;"
		     "if r1 < 10 goto .L1%=;"
		     "r0 = 0; exit;" ::: "memory");
}

TC_ASM(bounded_loop_1000_accepted)
{
	asm volatile("r1 = 0; r0 = 0;"
		     ".L1%=: r0 += r1; r1 += 1;"
		     "if r1 < 1000 goto .L1%=;"
		     "exit;" ::: "memory");
}

TC_ASM(bounded_loop_alu32_counter_accepted)
{
	asm volatile("w1 = 0;"
		     ".L1%=: w1 += 3;"
		     "if w1 < 30 goto .L1%=;"
		     "w0 = 0; exit;" ::: "memory");
}

TC_ASM(bounded_loop_down_from_masked_len_accepted)
{
	asm volatile("r2 = *(u32 *)(r1 + 0);"
		     "r2 &= 15;"
		     "r0 = 0;"
		     ".L1%=: r0 += 1; r2 -= 1;"
		     "if r2 s> 0 goto .L1%=;"
		     "exit;" ::: "memory");
}

TC_ASM(bounded_loop_up_to_masked_len_accepted)
{
	asm volatile("r2 = *(u32 *)(r1 + 0);"
		     "r2 &= 31;"
		     "r1 = 0;"
		     ".L1%=: r1 += 1;"
		     "if r1 < r2 goto .L1%=;"
		     "r0 = 0; exit;" ::: "memory");
}

TC_ASM(bounded_loop_counter_on_stack_accepted)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 8) = r1;"
		     ".L1%=: r1 = *(u64 *)(r10 - 8); r1 += 1; *(u64 *)(r10 - 8) = r1;"
		     "if r1 < 8 goto .L1%=;"
		     "r0 = 0; exit;" ::: "memory");
}

TC_ASM(bounded_loop_with_helper_call_accepted)
{
	asm volatile("r6 = 0; r7 = 0;"
		     ".L1%=: call %[bpf_get_prandom_u32]; r7 += r0; r6 += 1;"
		     "if r6 < 4 goto .L1%=;"
		     "r0 = r7; exit;" :: __imm(bpf_get_prandom_u32) : "memory");
}

TC_ASM(nested_bounded_loops_accepted)
{
	asm volatile("r1 = 0; r0 = 0;"
		     ".L1%=: r2 = 0;"
		     ".L2%=: r0 += 1; r2 += 1; if r2 < 4 goto .L2%=;"
		     "r1 += 1; if r1 < 4 goto .L1%=;"
		     "exit;" ::: "memory");
}

TC_ASM(infinite_loop_jump_to_self)
{
	asm volatile("r0 = 0;"
		     ".L1%=: if r0 == 0 goto .L1%=;"
		     "exit;" ::: "memory");
}

TC_ASM(infinite_loop_counter_not_advancing)
{
	asm volatile("r1 = 0; r0 = 0;"
		     ".L1%=: r1 += 0;"
		     "if r1 < 10 goto .L1%=;"
		     "exit;" ::: "memory");
}

TC_ASM(infinite_loop_unconditional_back_jump)
{
	asm volatile("r0 = 0; r1 = *(u32 *)(r1 + 0); if r1 == 0 goto .L2%=;"
		     ".L1%=: r0 = 1; goto .L1%=;"
		     ".L2%=: exit;" ::: "memory");
}

TC_ASM(infinite_loop_counter_reset_each_pass)
{
	asm volatile("r0 = 0;"
		     ".L1%=: r1 = 0; r1 += 1;"
		     "if r1 < 10 goto .L1%=;"
		     "exit;" ::: "memory");
}

TC_ASM(loop_bound_unknown_len)
{
	/* len is any u32: the verifier walks iterations until the complexity limit */
	asm volatile("r2 = *(u32 *)(r1 + 0);"
		     "r1 = 0;"
		     ".L1%=: r1 += 1;"
		     "if r1 < r2 goto .L1%=;"
		     "r0 = 0; exit;" ::: "memory");
}

TC_ASM(loop_counting_down_from_unbounded)
{
	asm volatile("r2 = *(u32 *)(r1 + 0);"
		     ".L1%=: r2 -= 1;"
		     "if r2 != 0 goto .L1%=;"
		     "r0 = 0; exit;" ::: "memory");
}

TC_ASM(loop_exceeds_insn_complexity_limit)
{
	/* 300000 iterations x 4 instructions > 1,000,000 processed */
	asm volatile("r1 = 0;"
		     ".L1%=: r1 += 1; r0 = r1; r0 &= 1;"
		     "if r1 < 300000 goto .L1%=;"
		     "exit;" ::: "memory");
}

TC_ASM(loop_just_under_complexity_limit_accepted)
{
	/* 150000 iterations x 3 instructions < 1,000,000 processed */
	asm volatile("r1 = 0;"
		     ".L1%=: r1 += 1; r0 = 0;"
		     "if r1 < 150000 goto .L1%=;"
		     "exit;" ::: "memory");
}
