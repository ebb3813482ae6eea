// SPDX-License-Identifier: GPL-2.0
/* Ring-buffer references: every bpf_ringbuf_reserve result is submitted or discarded exactly once
 * on every path, after its NULL check, and is not used afterwards. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} rb_not_ringbuf SEC(".maps");

#define R __imm_addr(rb), __imm_addr(rb_not_ringbuf), __imm(bpf_ringbuf_reserve), \
	  __imm(bpf_ringbuf_submit), __imm(bpf_ringbuf_discard), __imm(bpf_ringbuf_output)
/* r0 = bpf_ringbuf_reserve(&rb, 8, 0) */
#define RESERVE8 "r1 = %[rb] ll; r2 = 8; r3 = 0; call %[bpf_ringbuf_reserve];"

TC_ASM(reserve_submit_accepted)
{
	asm volatile(RESERVE8 "if r0 == 0 goto .L1%=;"
		     "r1 = 7; *(u64 *)(r0 + 0) = r1; r1 = r0; r2 = 0; call %[bpf_ringbuf_submit];"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(reserve_discard_accepted)
{
	asm volatile(RESERVE8 "if r0 == 0 goto .L1%=; r1 = r0; r2 = 0; call %[bpf_ringbuf_discard];"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(reserve_never_released)
{
	asm volatile(RESERVE8 "if r0 == 0 goto .L1%=; r1 = 7; *(u64 *)(r0 + 0) = r1;"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(reserve_released_on_one_path_only)
{
	asm volatile("r6 = *(u32 *)(r1 + 8);" RESERVE8 "if r0 == 0 goto .L1%=;"
		     "if r6 == 0 goto .L1%=; r1 = r0; r2 = 0; call %[bpf_ringbuf_submit];"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(submit_twice)
{
	asm volatile(RESERVE8 "if r0 == 0 goto .L1%=; r6 = r0;"
		     "r1 = r6; r2 = 0; call %[bpf_ringbuf_submit];"
		     "r1 = r6; r2 = 0; call %[bpf_ringbuf_submit];"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(submit_then_discard)
{
	asm volatile(RESERVE8 "if r0 == 0 goto .L1%=; r6 = r0;"
		     "r1 = r6; r2 = 0; call %[bpf_ringbuf_submit];"
		     "r1 = r6; r2 = 0; call %[bpf_ringbuf_discard];"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(write_after_submit)
{
	asm volatile(RESERVE8 "if r0 == 0 goto .L1%=; r6 = r0;"
		     "r1 = r6; r2 = 0; call %[bpf_ringbuf_submit];"
		     "r1 = 1; *(u64 *)(r6 + 0) = r1;"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(submit_without_null_check)
{
	asm volatile(RESERVE8 "r1 = r0; r2 = 0; call %[bpf_ringbuf_submit]; r0 = 0; exit;" :: R : "memory");
}

TC_ASM(write_without_null_check)
{
	asm volatile(RESERVE8 "r1 = 1; *(u64 *)(r0 + 0) = r1; r0 = 0; exit;" :: R : "memory");
}

TC_ASM(write_past_reserved_size)
{
	asm volatile(RESERVE8 "if r0 == 0 goto .L1%=;"
		     "r1 = 7; *(u64 *)(r0 + 8) = r1; r1 = r0; r2 = 0; call %[bpf_ringbuf_submit];"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(submit_modified_pointer)
{
	asm volatile(RESERVE8 "if r0 == 0 goto .L1%=;"
		     "r1 = r0; r1 += 4; r2 = 0; call %[bpf_ringbuf_submit];"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(submit_stack_pointer)
{
	asm volatile("r1 = r10; r1 += -8; r2 = 0; call %[bpf_ringbuf_submit]; r0 = 0; exit;" :: R : "memory");
}

TC_ASM(reserve_size_not_constant)
{
	asm volatile("r2 = *(u32 *)(r1 + 0); r1 = %[rb] ll; r3 = 0; call %[bpf_ringbuf_reserve];"
		     "if r0 == 0 goto .L1%=; r1 = r0; r2 = 0; call %[bpf_ringbuf_discard];"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(reserve_from_array_map)
{
	asm volatile("r1 = %[rb_not_ringbuf] ll; r2 = 8; r3 = 0; call %[bpf_ringbuf_reserve];"
		     "if r0 == 0 goto .L1%=; r1 = r0; r2 = 0; call %[bpf_ringbuf_discard];"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(two_reservations_both_submitted_accepted)
{
	asm volatile(RESERVE8 "r6 = r0;" RESERVE8 "r7 = r0;"
		     "if r6 == 0 goto .L1%=; r1 = r6; r2 = 0; call %[bpf_ringbuf_submit];"
		     ".L1%=: if r7 == 0 goto .L2%=; r1 = r7; r2 = 0; call %[bpf_ringbuf_submit];"
		     ".L2%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(reference_kept_in_spilled_slot_accepted)
{
	asm volatile(RESERVE8 "if r0 == 0 goto .L1%=; *(u64 *)(r10 - 8) = r0;"
		     "r1 = *(u64 *)(r10 - 8); r2 = 0; call %[bpf_ringbuf_submit];"
		     ".L1%=: r0 = 0; exit;" :: R : "memory");
}

TC_ASM(output_from_stack_accepted)
{
	asm volatile("r1 = 1; *(u64 *)(r10 - 8) = r1; r1 = %[rb] ll; r2 = r10; r2 += -8; r3 = 8; r4 = 0;"
		     "call %[bpf_ringbuf_output]; r0 = 0; exit;" :: R : "memory");
}

TC_ASM(reserved_pointer_returned_from_program)
{
	asm volatile(RESERVE8 "exit;" :: R : "memory");
}
