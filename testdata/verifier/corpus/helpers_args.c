// SPDX-License-Identifier: GPL-2.0
/* Helper calls: argument kinds (map pointer, key/value pointers of the map's sizes, ctx, memory
 * with a size argument, scalars), helpers a tc program may not call, unknown helper ids. */
#include "maps.h"

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} ha_rb SEC(".maps");

#define H __imm_addr(arr), __imm_addr(hash), __imm_addr(hash8), __imm_addr(ha_rb), \
	  __imm(bpf_map_lookup_elem), __imm(bpf_map_update_elem), __imm(bpf_map_delete_elem), \
	  __imm(bpf_skb_load_bytes), __imm(bpf_skb_store_bytes), __imm(bpf_get_prandom_u32)

/* --- bpf_map_lookup_elem / update / delete -------------------------------------------------- */

TC_ASM(lookup_map_arg_is_scalar)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = 0;"
		     "call %[bpf_map_lookup_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(lookup_map_arg_is_stack)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = r10;"
		     "call %[bpf_map_lookup_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(lookup_key_is_scalar)
{
	asm volatile("r2 = 0; r1 = %[hash] ll; call %[bpf_map_lookup_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(lookup_key_is_ctx)
{
	asm volatile("r2 = r1; r1 = %[hash] ll; call %[bpf_map_lookup_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(lookup_key_uninit_stack_privileged_accepted)
{
	asm volatile("r2 = r10; r2 += -8; r1 = %[hash] ll; call %[bpf_map_lookup_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(lookup_key_stack_too_short)
{
	/* hash8 has an 8-byte key; only 4 bytes lie below fp */
	asm volatile("r2 = r10; r2 += -4; r1 = %[hash8] ll; call %[bpf_map_lookup_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(lookup_key_below_stack)
{
	asm volatile("r2 = r10; r2 += -516; r1 = %[hash] ll; call %[bpf_map_lookup_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(lookup_key_in_packet_after_check_accepted)
{
	asm volatile("r2 = *(u32 *)(r1 + 76); r3 = *(u32 *)(r1 + 80); r4 = r2; r4 += 8; if r4 > r3 goto .L1%=;"
		     "r1 = %[hash8] ll; call %[bpf_map_lookup_elem]; .L1%=: r0 = 0; exit;" :: H : "memory");
}

TC_ASM(lookup_key_in_packet_short)
{
	asm volatile("r2 = *(u32 *)(r1 + 76); r3 = *(u32 *)(r1 + 80); r4 = r2; r4 += 4; if r4 > r3 goto .L1%=;"
		     "r1 = %[hash8] ll; call %[bpf_map_lookup_elem]; .L1%=: r0 = 0; exit;" :: H : "memory");
}

TC_ASM(lookup_in_ringbuf_map_zero_size_key)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = %[ha_rb] ll;"
		     "call %[bpf_map_lookup_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(update_accepted)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1; *(u64 *)(r10 - 16) = r1; *(u64 *)(r10 - 24) = r1;"
		     "r2 = r10; r2 += -4; r3 = r10; r3 += -24; r4 = 0; r1 = %[hash] ll;"
		     "call %[bpf_map_update_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(update_value_too_short)
{
	/* the hash value is 16 bytes; r3 points at 8 */
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1; *(u64 *)(r10 - 16) = r1;"
		     "r2 = r10; r2 += -4; r3 = r10; r3 += -8; r4 = 0; r1 = %[hash] ll;"
		     "call %[bpf_map_update_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(update_value_is_ctx)
{
	asm volatile("r3 = r1; r1 = 0; *(u32 *)(r10 - 4) = r1;"
		     "r2 = r10; r2 += -4; r4 = 0; r1 = %[hash] ll;"
		     "call %[bpf_map_update_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(update_value_is_null_scalar)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1;"
		     "r2 = r10; r2 += -4; r3 = 0; r4 = 0; r1 = %[hash] ll;"
		     "call %[bpf_map_update_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(update_flags_uninit)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1; *(u64 *)(r10 - 16) = r1; *(u64 *)(r10 - 24) = r1;"
		     "r2 = r10; r2 += -4; r3 = r10; r3 += -24; r1 = %[hash] ll;"
		     "call %[bpf_map_update_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(update_value_from_map_value_accepted)
{
	asm volatile(LOOKUP_CHECKED(arr)
		     "r3 = r0; r2 = r10; r2 += -4; r4 = 0; r1 = %[hash] ll;"
		     "call %[bpf_map_update_elem];" OUT :: H : "memory");
}

TC_ASM(delete_accepted)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = %[hash] ll;"
		     "call %[bpf_map_delete_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(delete_from_array_accepted)
{
	/* the verifier allows it; the call fails at run time */
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = %[arr] ll;"
		     "call %[bpf_map_delete_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(delete_key_is_map_pointer)
{
	asm volatile("r2 = %[arr] ll; r1 = %[hash] ll; call %[bpf_map_delete_elem]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(delete_map_arg_is_map_value)
{
	asm volatile(LOOKUP_CHECKED(arr) "r1 = r0; r2 = r10; r2 += -4; call %[bpf_map_delete_elem];" OUT :: H : "memory");
}

/* --- memory + size arguments: bpf_skb_load_bytes(ctx, off, to, len) ------------------------- */

TC_ASM(load_bytes_constant_len_accepted)
{
	asm volatile("r2 = 0; r3 = r10; r3 += -16; r4 = 16; call %[bpf_skb_load_bytes]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(load_bytes_len_exceeds_buffer)
{
	asm volatile("r2 = 0; r3 = r10; r3 += -16; r4 = 17; call %[bpf_skb_load_bytes]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(load_bytes_len_unbounded)
{
	asm volatile("r6 = r1; call %[bpf_get_prandom_u32]; r4 = r0; r1 = r6;"
		     "r2 = 0; r3 = r10; r3 += -16; call %[bpf_skb_load_bytes]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(load_bytes_len_masked_may_be_zero)
{
	asm volatile("r6 = r1; call %[bpf_get_prandom_u32]; r4 = r0; r4 &= 15; r1 = r6;"
		     "r2 = 0; r3 = r10; r3 += -16; call %[bpf_skb_load_bytes]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(load_bytes_len_bounded_1_to_16_accepted)
{
	asm volatile("r6 = r1; call %[bpf_get_prandom_u32]; r4 = r0; r1 = r6;"
		     "if r4 == 0 goto .L1%=; if r4 > 16 goto .L1%=;"
		     "r2 = 0; r3 = r10; r3 += -16; call %[bpf_skb_load_bytes]; .L1%=: r0 = 0; exit;" :: H : "memory");
}

TC_ASM(load_bytes_len_bounded_1_to_17)
{
	asm volatile("r6 = r1; call %[bpf_get_prandom_u32]; r4 = r0; r1 = r6;"
		     "if r4 == 0 goto .L1%=; if r4 > 17 goto .L1%=;"
		     "r2 = 0; r3 = r10; r3 += -16; call %[bpf_skb_load_bytes]; .L1%=: r0 = 0; exit;" :: H : "memory");
}

TC_ASM(load_bytes_len_negative)
{
	asm volatile("r2 = 0; r3 = r10; r3 += -16; r4 = -1; call %[bpf_skb_load_bytes]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(load_bytes_len_signed_only_check)
{
	asm volatile("r6 = r1; call %[bpf_get_prandom_u32]; r4 = r0; r1 = r6;"
		     "if r4 s> 16 goto .L1%=; if r4 == 0 goto .L1%=;"
		     "r2 = 0; r3 = r10; r3 += -16; call %[bpf_skb_load_bytes]; .L1%=: r0 = 0; exit;" :: H : "memory");
}

TC_ASM(load_bytes_into_map_value_accepted)
{
	asm volatile("r6 = r1;" LOOKUP_CHECKED(arr)
		     "r1 = r6; r2 = 0; r3 = r0; r4 = 32; call %[bpf_skb_load_bytes];" OUT :: H : "memory");
}

TC_ASM(load_bytes_into_map_value_too_long)
{
	asm volatile("r6 = r1;" LOOKUP_CHECKED(arr)
		     "r1 = r6; r2 = 0; r3 = r0; r4 = 33; call %[bpf_skb_load_bytes];" OUT :: H : "memory");
}

TC_ASM(load_bytes_into_ctx)
{
	asm volatile("r2 = 0; r3 = r1; r4 = 4; call %[bpf_skb_load_bytes]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(load_bytes_first_arg_not_ctx)
{
	asm volatile("r1 = r10; r2 = 0; r3 = r10; r3 += -16; r4 = 8; call %[bpf_skb_load_bytes]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(store_bytes_from_uninit_stack_privileged_accepted)
{
	asm volatile("r2 = 0; r3 = r10; r3 += -8; r4 = 8; r5 = 0; call %[bpf_skb_store_bytes]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(store_bytes_from_rodata_string_accepted)
{
	asm volatile("r2 = 0; r3 = r10; r3 += -8; r4 = 4; r5 = 0;"
		     "r6 = 0x11223344; *(u32 *)(r10 - 8) = r6; call %[bpf_skb_store_bytes]; r0 = 0; exit;" :: H : "memory");
}

TC_ASM(csum_diff_null_from_zero_size_accepted)
{
	asm volatile("r1 = 0; r2 = 0; r3 = r10; r3 += -8; r4 = 8; r5 = 0;"
		     "r6 = 0; *(u64 *)(r10 - 8) = r6; call %[bpf_csum_diff]; r0 = 0; exit;" :: __imm(bpf_csum_diff) : "memory");
}

TC_ASM(csum_diff_scalar_nonzero_pointer)
{
	asm volatile("r1 = 8; r2 = 8; r3 = r10; r3 += -8; r4 = 8; r5 = 0;"
		     "r6 = 0; *(u64 *)(r10 - 8) = r6; call %[bpf_csum_diff]; r0 = 0; exit;" :: __imm(bpf_csum_diff) : "memory");
}

TC_ASM(csum_diff_size_not_multiple_of_4_accepted)
{
	/* the verifier only bounds the size; the helper rejects it at run time */
	asm volatile("r1 = 0; r2 = 0; r3 = r10; r3 += -8; r4 = 6; r5 = 0;"
		     "r6 = 0; *(u64 *)(r10 - 8) = r6; call %[bpf_csum_diff]; r0 = 0; exit;" :: __imm(bpf_csum_diff) : "memory");
}

TC_ASM(redirect_scalars_accepted)
{
	asm volatile("r1 = 1; r2 = 0; call %[bpf_redirect]; exit;" :: __imm(bpf_redirect) : "memory");
}

TC_ASM(redirect_flags_uninit)
{
	asm volatile("r1 = 1; call %[bpf_redirect]; exit;" :: __imm(bpf_redirect) : "memory");
}

TC_ASM(get_hash_recalc_modified_ctx)
{
	asm volatile("r1 += 8; call %[bpf_get_hash_recalc]; exit;" :: __imm(bpf_get_hash_recalc) : "memory");
}

TC_ASM(trace_printk_accepted)
{
	asm volatile("r1 = 0x0a6968; *(u64 *)(r10 - 8) = r1; r1 = r10; r1 += -8; r2 = 4;"
		     "call %[bpf_trace_printk]; r0 = 0; exit;" :: __imm(bpf_trace_printk) : "memory");
}

/* --- helpers a tc program may not call ------------------------------------------------------ */

TC_ASM(helper_override_return_not_for_tc)
{
	asm volatile("r2 = 0; call %[bpf_override_return]; r0 = 0; exit;" :: __imm(bpf_override_return) : "memory");
}

TC_ASM(helper_get_stackid_not_for_tc)
{
	asm volatile("r2 = %[hash] ll; r3 = 0; call %[bpf_get_stackid]; r0 = 0; exit;" :: __imm(bpf_get_stackid), __imm_addr(hash) : "memory");
}

TC_ASM(helper_perf_event_read_with_hash_map)
{
	asm volatile("r1 = %[hash] ll; r2 = 0; call %[bpf_perf_event_read]; r0 = 0; exit;" :: __imm(bpf_perf_event_read), __imm_addr(hash) : "memory");
}

TC_ASM(helper_get_current_pid_tgid_for_tc_accepted)
{
	asm volatile("call %[bpf_get_current_pid_tgid]; r0 = 0; exit;" :: __imm(bpf_get_current_pid_tgid) : "memory");
}

TC_ASM(helper_xdp_adjust_head_not_for_tc)
{
	asm volatile("r2 = 0; call %[bpf_xdp_adjust_head]; r0 = 0; exit;" :: __imm(bpf_xdp_adjust_head) : "memory");
}

TC_ASM(helper_unknown_id)
{
	asm volatile("call 10000; r0 = 0; exit;" ::: "memory");
}

TC_ASM(helper_id_zero)
{
	asm volatile("call 0; r0 = 0; exit;" ::: "memory");
}
