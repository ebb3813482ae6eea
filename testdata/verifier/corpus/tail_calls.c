// SPDX-License-Identifier: GPL-2.0
/* bpf_tail_call(ctx, prog_array, index): the map must be a prog array, the first argument the
 * ctx; what is left after a tail call that falls through; stack limits with tail calls in
 * subprograms. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} jmp_table SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} not_progs SEC(".maps");

#define T __imm_addr(jmp_table), __imm_addr(not_progs), __imm(bpf_tail_call)

TC_ASM(tail_call_accepted)
{
	asm volatile("r2 = %[jmp_table] ll; r3 = 1; call %[bpf_tail_call]; r0 = 0; exit;" :: T : "memory");
}

TC_ASM(tail_call_unknown_index_accepted)
{
	asm volatile("r3 = *(u32 *)(r1 + 8); r2 = %[jmp_table] ll; call %[bpf_tail_call]; r0 = 0; exit;" :: T : "memory");
}

TC_ASM(tail_call_index_past_max_entries_accepted)
{
	/* an index beyond max_entries just falls through at run time */
	asm volatile("r2 = %[jmp_table] ll; r3 = 100; call %[bpf_tail_call]; r0 = 0; exit;" :: T : "memory");
}

TC_ASM(tail_call_array_map)
{
	asm volatile("r2 = %[not_progs] ll; r3 = 1; call %[bpf_tail_call]; r0 = 0; exit;" :: T : "memory");
}

TC_ASM(tail_call_map_arg_scalar)
{
	asm volatile("r2 = 0; r3 = 1; call %[bpf_tail_call]; r0 = 0; exit;" :: T : "memory");
}

TC_ASM(tail_call_ctx_arg_stack)
{
	asm volatile("r1 = r10; r2 = %[jmp_table] ll; r3 = 1; call %[bpf_tail_call]; r0 = 0; exit;" :: T : "memory");
}

TC_ASM(tail_call_index_uninit)
{
	asm volatile("r2 = %[jmp_table] ll; call %[bpf_tail_call]; r0 = 0; exit;" :: T : "memory");
}

TC_ASM(tail_call_index_is_pointer_accepted)
{
	asm volatile("r2 = %[jmp_table] ll; r3 = r10; call %[bpf_tail_call]; r0 = 0; exit;" :: T : "memory");
}

TC_ASM(after_fallthrough_r1_clobbered)
{
	asm volatile("r2 = %[jmp_table] ll; r3 = 1; call %[bpf_tail_call]; r0 = *(u32 *)(r1 + 0); exit;" :: T : "memory");
}

TC_ASM(after_fallthrough_r6_ctx_kept_accepted)
{
	asm volatile("r6 = r1; r2 = %[jmp_table] ll; r3 = 1; call %[bpf_tail_call]; r0 = *(u32 *)(r6 + 0); exit;" :: T : "memory");
}

TC_ASM(lookup_in_prog_array)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = %[jmp_table] ll;"
		     "call %[bpf_map_lookup_elem]; r0 = 0; exit;" :: T, __imm(bpf_map_lookup_elem) : "memory");
}

/* subprograms that tail-call must return int (their BTF prototype is checked) */
#define SUB_ASM_INT(name) static __attribute__((naked, noinline, used)) int name(void)

SUB_ASM(sub_void_tail_calls)
{
	asm volatile("r2 = %[jmp_table] ll; r3 = 0; call %[bpf_tail_call]; r0 = 0; exit;" :: T : "memory");
}

SUB_ASM_INT(sub_tail_calls)
{
	asm volatile("r2 = %[jmp_table] ll; r3 = 0; call %[bpf_tail_call]; r0 = 0; exit;" :: T : "memory");
}

SUB_ASM_INT(sub_tail_calls_big_stack)
{
	asm volatile("r2 = 0; *(u64 *)(r10 - 288) = r2; r2 = %[jmp_table] ll; r3 = 0; call %[bpf_tail_call]; r0 = 0; exit;" :: T : "memory");
}

TC_ASM(tail_call_in_void_subprog)
{
	asm volatile("call sub_void_tail_calls; exit;" ::: "memory");
}

TC_ASM(tail_call_in_subprog_accepted)
{
	asm volatile("call sub_tail_calls; exit;" ::: "memory");
}

TC_ASM(tail_call_in_subprog_caller_stack_too_large)
{
	/* with a tail call in a subprogram every frame above it is limited to 256 bytes */
	asm volatile("r2 = 0; *(u64 *)(r10 - 264) = r2; call sub_tail_calls; exit;" ::: "memory");
}

TC_ASM(tail_call_in_subprog_own_stack_large_accepted)
{
	asm volatile("r2 = 0; *(u64 *)(r10 - 64) = r2; call sub_tail_calls_big_stack; exit;" ::: "memory");
}
