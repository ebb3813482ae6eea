// SPDX-License-Identifier: GPL-2.0
/* bpf-to-bpf calls: passing stack pointers down, returning pointers up, recursion, static vs
 * global subprograms (a global one is verified on its own from its BTF prototype). */
#include "common.h"

SUB_ASM(sub_writes_callers_stack)
{
	asm volatile("r2 = 42; *(u64 *)(r1 + 0) = r2; r0 = 0; exit;" ::: "memory");
}

SUB_ASM(sub_writes_past_callers_slot)
{
	asm volatile("r2 = 42; *(u64 *)(r1 + 8) = r2; r0 = 0; exit;" ::: "memory");
}

SUB_ASM(sub_returns_own_stack)
{
	asm volatile("r0 = r10; r0 += -8; exit;" ::: "memory");
}

SUB_ASM(sub_returns_arg_pointer)
{
	asm volatile("r0 = r1; exit;" ::: "memory");
}

SUB_ASM(sub_recurses)
{
	asm volatile("r1 += -1; if r1 == 0 goto .L1%=; call sub_recurses; .L1%=: r0 = 0; exit;" ::: "memory");
}

SUB_ASM(sub_reads_ctx_arg)
{
	asm volatile("r0 = *(u32 *)(r1 + 0); exit;" ::: "memory");
}

SUB_ASM(sub_calls_helper_with_ctx)
{
	asm volatile("call %[bpf_get_hash_recalc]; exit;" :: __imm(bpf_get_hash_recalc) : "memory");
}

SUB_ASM(sub_uses_packet_pointer)
{
	/* r1 = data, r2 = data_end from the caller */
	asm volatile("r3 = r1; r3 += 1; r0 = 0; if r3 > r2 goto .L1%=; r0 = *(u8 *)(r1 + 0); .L1%=: exit;" ::: "memory");
}

TC_ASM(pass_stack_pointer_to_callee_accepted)
{
	asm volatile("r1 = r10; r1 += -8; call sub_writes_callers_stack; r0 = *(u64 *)(r10 - 8); exit;" ::: "memory");
}

TC_ASM(callee_writes_past_callers_frame)
{
	asm volatile("r1 = r10; r1 += -8; call sub_writes_past_callers_slot; exit;" ::: "memory");
}

TC_ASM(callee_returns_its_own_stack)
{
	asm volatile("call sub_returns_own_stack; r0 = 0; exit;" ::: "memory");
}

TC_ASM(callee_returns_callers_stack_pointer)
{
	asm volatile("r1 = r10; r1 += -16; call sub_returns_arg_pointer; r1 = 0; *(u64 *)(r0 + 0) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(recursive_subprog)
{
	asm volatile("r1 = 3; call sub_recurses; exit;" ::: "memory");
}

TC_ASM(ctx_passed_to_callee_accepted)
{
	asm volatile("call sub_reads_ctx_arg; exit;" ::: "memory");
}

TC_ASM(scalar_passed_where_callee_reads_memory)
{
	asm volatile("r1 = 0; call sub_reads_ctx_arg; exit;" ::: "memory");
}

TC_ASM(ctx_passed_to_callee_helper_accepted)
{
	asm volatile("call sub_calls_helper_with_ctx; exit;" ::: "memory");
}

TC_ASM(packet_pointers_passed_to_callee_accepted)
{
	asm volatile("r2 = *(u32 *)(r1 + 80); r1 = *(u32 *)(r1 + 76); call sub_uses_packet_pointer; exit;" ::: "memory");
}

TC_ASM(callee_r0_used_as_pointer)
{
	asm volatile("call sub_reads_ctx_arg; r0 = *(u32 *)(r0 + 0); exit;" ::: "memory");
}

/* --- global (non-static) subprograms: verified once, from their BTF prototypes -------------- */

__attribute__((noinline)) int global_reads_skb(struct __sk_buff *skb)
{
	return skb->len & 0xff;
}

__attribute__((noinline)) int global_derefs_pointer_arg(__u32 *p)
{
	return *p;
}

__attribute__((noinline)) int global_checks_pointer_arg(__u32 *p)
{
	return p ? *p : 0;
}

__attribute__((noinline)) int global_scalar_arg(__u32 x)
{
	return x & 1;
}

SEC("tc") int call_global_with_ctx_accepted(struct __sk_buff *skb)
{
	return global_reads_skb(skb);
}

SEC("tc") int call_global_pointer_arg_deref_unchecked(struct __sk_buff *skb)
{
	__u32 v = skb->mark;

	return global_derefs_pointer_arg(&v);
}

SEC("tc") int call_global_pointer_arg_checked_accepted(struct __sk_buff *skb)
{
	__u32 v = skb->mark;

	return global_checks_pointer_arg(&v);
}

SEC("tc") int call_global_scalar_arg_accepted(struct __sk_buff *skb)
{
	return global_scalar_arg(skb->priority);
}

TC_ASM(call_global_with_stack_pointer_as_ctx)
{
	asm volatile("r1 = r10; call global_reads_skb; exit;" ::: "memory");
}

TC_ASM(call_global_with_pointer_as_scalar)
{
	asm volatile("r1 = r10; call global_scalar_arg; exit;" ::: "memory");
}

TC_ASM(call_global_with_short_buffer)
{
	/* the global expects 4 readable bytes at r1; fp-2 has only 2 */
	asm volatile("r1 = 0; *(u16 *)(r10 - 2) = r1; r1 = r10; r1 += -2; call global_checks_pointer_arg; exit;" ::: "memory");
}
