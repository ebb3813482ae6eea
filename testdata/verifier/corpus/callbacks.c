// SPDX-License-Identifier: GPL-2.0
/* bpf_loop callbacks: what the callback sees (r1 = index, r2 = ctx argument), its return value
 * (0 or 1), and the helper's own arguments. */
#include "common.h"

SUB_ASM(cb_return_0)
{
	asm volatile("r0 = 0; exit;" ::: "memory");
}

SUB_ASM(cb_return_1)
{
	asm volatile("r0 = 1; exit;" ::: "memory");
}

SUB_ASM(cb_return_2)
{
	asm volatile("r0 = 2; exit;" ::: "memory");
}

SUB_ASM(cb_return_index)
{
	/* r1 is the iteration index: any u32, not in [0, 1] */
	asm volatile("r0 = r1; exit;" ::: "memory");
}

SUB_ASM(cb_return_index_masked)
{
	asm volatile("r0 = r1; r0 &= 1; exit;" ::: "memory");
}

SUB_ASM(cb_no_r0)
{
	asm volatile("r1 = 0; exit;" ::: "memory");
}

SUB_ASM(cb_reads_r3)
{
	asm volatile("r0 = r3; r0 &= 1; exit;" ::: "memory");
}

SUB_ASM(cb_writes_ctx_stack)
{
	/* r2 is the caller's stack slot: count the iterations there */
	asm volatile("r3 = *(u64 *)(r2 + 0); r3 += 1; *(u64 *)(r2 + 0) = r3; r0 = 0; exit;" ::: "memory");
}

SUB_ASM(cb_writes_past_ctx_stack)
{
	asm volatile("r3 = 0; *(u64 *)(r2 + 8) = r3; r0 = 0; exit;" ::: "memory");
}

SUB_ASM(cb_derefs_null_ctx)
{
	asm volatile("r0 = *(u64 *)(r2 + 0); r0 = 0; exit;" ::: "memory");
}

SUB_ASM(cb_returns_pointer)
{
	asm volatile("r0 = r10; exit;" ::: "memory");
}

TC_ASM(bpf_loop_cb_returns_0_accepted)
{
	asm volatile("r1 = 10; r2 = cb_return_0 ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_cb_returns_1_accepted)
{
	asm volatile("r1 = 10; r2 = cb_return_1 ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_cb_returns_2)
{
	asm volatile("r1 = 10; r2 = cb_return_2 ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_cb_returns_unbounded_index)
{
	asm volatile("r1 = 10; r2 = cb_return_index ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_cb_returns_masked_index_accepted)
{
	asm volatile("r1 = 10; r2 = cb_return_index_masked ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_cb_without_r0)
{
	asm volatile("r1 = 10; r2 = cb_no_r0 ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_cb_reads_r3)
{
	asm volatile("r1 = 10; r2 = cb_reads_r3 ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_cb_returns_pointer)
{
	asm volatile("r1 = 10; r2 = cb_returns_pointer ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_ctx_is_stack_slot_accepted)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 8) = r1;"
		     "r1 = 4; r2 = cb_writes_ctx_stack ll; r3 = r10; r3 += -8; r4 = 0;"
		     "call %[bpf_loop]; r0 = *(u64 *)(r10 - 8); exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_cb_writes_past_ctx_stack_slot)
{
	/* the callback writes fp-0 of the caller's frame: out of the stack */
	asm volatile("r1 = 0; *(u64 *)(r10 - 8) = r1;"
		     "r1 = 4; r2 = cb_writes_past_ctx_stack ll; r3 = r10; r3 += -8; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_cb_derefs_scalar_ctx)
{
	asm volatile("r1 = 4; r2 = cb_derefs_null_ctx ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_callback_not_a_function)
{
	asm volatile("r1 = 4; r2 = 0; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_unbounded_nr_loops_accepted)
{
	asm volatile("r6 = r1; r1 = *(u32 *)(r6 + 0); r2 = cb_return_0 ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = 0; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_result_is_scalar_accepted)
{
	asm volatile("r1 = 3; r2 = cb_return_0 ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 &= 7; exit;" :: __imm(bpf_loop) : "memory");
}

TC_ASM(bpf_loop_r1_clobbered_after_call)
{
	asm volatile("r1 = 3; r2 = cb_return_0 ll; r3 = 0; r4 = 0;"
		     "call %[bpf_loop]; r0 = r1; exit;" :: __imm(bpf_loop) : "memory");
}
