// SPDX-License-Identifier: GPL-2.0
/* struct __sk_buff accesses of a tc program: every field it may read (and the narrow sizes),
 * the fields it may write, sizes, alignment, the padding and out-of-range offsets, modified ctx
 * pointers, and LD_ABS/LD_IND. */
#include <stddef.h>
#include "common.h"

#define SKB(field) offsetof(struct __sk_buff, field)

/* r0 = *(SZ *)(r1 + OFF); r0 = 0; exit */
#define CTX_LOAD(name, sz, off)                                                                    \
	TC_ASM(name)                                                                               \
	{                                                                                          \
		asm volatile("r0 = *(" #sz " *)(r1 + %[o]); r0 = 0; exit;" ::[o] "i"(off) : "memory"); \
	}
/* *(SZ *)(r1 + OFF) = r2 (r2 = 1); r0 = 0; exit */
#define CTX_STORE(name, sz, off)                                                                   \
	TC_ASM(name)                                                                               \
	{                                                                                          \
		asm volatile("r2 = 1; *(" #sz " *)(r1 + %[o]) = r2; r0 = 0; exit;" ::[o] "i"(off)      \
			     : "memory");                                                          \
	}

/* --- 32-bit reads of every readable field -------------------------------------------------- */
CTX_LOAD(read_len_u32_accepted, u32, SKB(len))
CTX_LOAD(read_pkt_type_u32_accepted, u32, SKB(pkt_type))
CTX_LOAD(read_mark_u32_accepted, u32, SKB(mark))
CTX_LOAD(read_queue_mapping_u32_accepted, u32, SKB(queue_mapping))
CTX_LOAD(read_protocol_u32_accepted, u32, SKB(protocol))
CTX_LOAD(read_vlan_present_u32_accepted, u32, SKB(vlan_present))
CTX_LOAD(read_vlan_tci_u32_accepted, u32, SKB(vlan_tci))
CTX_LOAD(read_vlan_proto_u32_accepted, u32, SKB(vlan_proto))
CTX_LOAD(read_priority_u32_accepted, u32, SKB(priority))
CTX_LOAD(read_ingress_ifindex_u32_accepted, u32, SKB(ingress_ifindex))
CTX_LOAD(read_ifindex_u32_accepted, u32, SKB(ifindex))
CTX_LOAD(read_tc_index_u32_accepted, u32, SKB(tc_index))
CTX_LOAD(read_cb0_u32_accepted, u32, SKB(cb[0]))
CTX_LOAD(read_cb4_u32_accepted, u32, SKB(cb[4]))
CTX_LOAD(read_hash_u32_accepted, u32, SKB(hash))
CTX_LOAD(read_tc_classid_u32_accepted, u32, SKB(tc_classid))
CTX_LOAD(read_data_u32_accepted, u32, SKB(data))
CTX_LOAD(read_data_end_u32_accepted, u32, SKB(data_end))
CTX_LOAD(read_napi_id_u32_accepted, u32, SKB(napi_id))
CTX_LOAD(read_data_meta_u32_accepted, u32, SKB(data_meta))
CTX_LOAD(read_wire_len_u32_accepted, u32, SKB(wire_len))
CTX_LOAD(read_gso_segs_u32_accepted, u32, SKB(gso_segs))
CTX_LOAD(read_gso_size_u32_accepted, u32, SKB(gso_size))
CTX_LOAD(read_tstamp_u64_accepted, u64, SKB(tstamp))
CTX_LOAD(read_hwtstamp_u64_accepted, u64, SKB(hwtstamp))
CTX_LOAD(read_sk_u64_accepted, u64, SKB(sk))

/* --- fields a tc program may not read ---------------------------------------------------- */
CTX_LOAD(read_family_rejected, u32, SKB(family))
CTX_LOAD(read_remote_ip4_rejected, u32, SKB(remote_ip4))
CTX_LOAD(read_local_ip6_rejected, u32, SKB(local_ip6[1]))
CTX_LOAD(read_local_port_rejected, u32, SKB(local_port))
CTX_LOAD(read_flow_keys_rejected, u64, SKB(flow_keys))
CTX_LOAD(read_tstamp_type_u8_accepted, u8, SKB(tstamp_type))
CTX_LOAD(read_padding_after_tstamp_type_rejected, u8, SKB(tstamp_type) + 1)
CTX_LOAD(read_past_end_of_sk_buff_rejected, u32, sizeof(struct __sk_buff))
CTX_LOAD(read_last_hwtstamp_word_rejected, u32, SKB(hwtstamp) + 4)

/* --- sizes and alignment ------------------------------------------------------------------ */
CTX_LOAD(read_len_u8_narrow_accepted, u8, SKB(len))
CTX_LOAD(read_len_u8_high_byte_accepted, u8, SKB(len) + 3)
CTX_LOAD(read_mark_u16_narrow_accepted, u16, SKB(mark))
CTX_LOAD(read_mark_u16_high_half_accepted, u16, SKB(mark) + 2)
CTX_LOAD(read_protocol_u16_misaligned_rejected, u16, SKB(protocol) + 1)
CTX_LOAD(read_mark_u32_misaligned_rejected, u32, SKB(mark) + 2)
CTX_LOAD(read_mark_u64_wider_than_field_rejected, u64, SKB(mark))
CTX_LOAD(read_cb0_cb1_as_u64_accepted, u64, SKB(cb[0]))
CTX_LOAD(read_cb4_as_u64_past_cb_rejected, u64, SKB(cb[4]))
CTX_LOAD(read_cb2_u8_accepted, u8, SKB(cb[2]) + 1)
CTX_LOAD(read_data_u16_narrow_rejected, u16, SKB(data))
CTX_LOAD(read_data_end_u64_rejected, u64, SKB(data_end))
CTX_LOAD(read_tstamp_u32_rejected, u32, SKB(tstamp))
CTX_LOAD(read_hwtstamp_u32_rejected, u32, SKB(hwtstamp))
CTX_LOAD(read_sk_u32_rejected, u32, SKB(sk))
CTX_LOAD(read_hash_u16_high_half_accepted, u16, SKB(hash) + 2)

/* --- writes ------------------------------------------------------------------------------- */
CTX_STORE(write_mark_u32_accepted, u32, SKB(mark))
CTX_STORE(write_priority_u32_accepted, u32, SKB(priority))
CTX_STORE(write_tc_index_u32_accepted, u32, SKB(tc_index))
CTX_STORE(write_tc_classid_u32_accepted, u32, SKB(tc_classid))
CTX_STORE(write_queue_mapping_u32_accepted, u32, SKB(queue_mapping))
CTX_STORE(write_cb0_u32_accepted, u32, SKB(cb[0]))
CTX_STORE(write_cb4_u32_accepted, u32, SKB(cb[4]))
CTX_STORE(write_tstamp_u64_accepted, u64, SKB(tstamp))
CTX_STORE(write_cb0_cb1_as_u64_accepted, u64, SKB(cb[0]))
CTX_STORE(write_cb1_u64_misaligned_rejected, u64, SKB(cb[1]))
CTX_STORE(write_cb4_u64_past_cb_rejected, u64, SKB(cb[4]))
CTX_STORE(write_mark_u16_narrow_rejected, u16, SKB(mark))
CTX_STORE(write_cb0_u8_narrow_accepted, u8, SKB(cb[0]))
CTX_STORE(write_tstamp_u32_rejected, u32, SKB(tstamp))
CTX_STORE(write_len_rejected, u32, SKB(len))
CTX_STORE(write_protocol_rejected, u32, SKB(protocol))
CTX_STORE(write_hash_rejected, u32, SKB(hash))
CTX_STORE(write_ifindex_rejected, u32, SKB(ifindex))
CTX_STORE(write_data_rejected, u32, SKB(data))
CTX_STORE(write_hwtstamp_rejected, u64, SKB(hwtstamp))
CTX_STORE(write_sk_rejected, u64, SKB(sk))
CTX_STORE(write_wire_len_rejected, u32, SKB(wire_len))
CTX_STORE(write_napi_id_rejected, u32, SKB(napi_id))

TC_ASM(write_mark_store_immediate_accepted)
{
	asm volatile(RAW_INSN(0x62, 1, 0, 8, 1) "r0 = 0; exit;" ::: "memory"); /* *(u32 *)(r1 + 8) = 1 */
}

TC_ASM(write_mark_atomic_add)
{
	asm volatile("r2 = 1; lock *(u32 *)(r1 + %[o]) += r2; r0 = 0; exit;" ::[o] "i"(SKB(mark)) : "memory");
}

TC_ASM(write_mark_pointer_value_accepted)
{
	/* privileged: a pointer may be stored into the ctx (allow_ptr_leaks) */
	asm volatile("r2 = r10; *(u32 *)(r1 + %[o]) = r2; r0 = 0; exit;" ::[o] "i"(SKB(mark)) : "memory");
}

/* --- the ctx pointer itself --------------------------------------------------------------- */

TC_ASM(read_through_modified_ctx_pointer)
{
	asm volatile("r1 += 8; r0 = *(u32 *)(r1 + 0); r0 = 0; exit;" ::: "memory");
}

TC_ASM(read_ctx_variable_offset)
{
	asm volatile("r2 = *(u32 *)(r1 + 0); r2 &= 4; r1 += r2; r0 = *(u32 *)(r1 + 0); r0 = 0; exit;" ::: "memory");
}

TC_ASM(read_ctx_negative_offset)
{
	asm volatile(RAW_INSN(0x61, 0, 1, -4, 0) "r0 = 0; exit;" ::: "memory");
}

TC_ASM(ctx_copy_in_r6_read_accepted)
{
	asm volatile("r6 = r1; r0 = *(u32 *)(r6 + %[o]); exit;" ::[o] "i"(SKB(mark)) : "memory");
}

TC_ASM(ctx_pointer_moved_and_restored_accepted)
{
	asm volatile("r1 += 8; r1 += -8; r0 = *(u32 *)(r1 + 0); exit;" ::: "memory");
}

/* --- LD_ABS / LD_IND ---------------------------------------------------------------------- */

TC_ASM(ld_abs_byte_with_ctx_in_r6_accepted)
{
	asm volatile("r6 = r1; r0 = *(u8 *)skb[12]; exit;" ::: "memory");
}

TC_ASM(ld_abs_word_accepted)
{
	asm volatile("r6 = r1; r0 = *(u32 *)skb[26]; exit;" ::: "memory");
}

TC_ASM(ld_ind_half_accepted)
{
	asm volatile("r6 = r1; r7 = 12;" RAW_INSN(0x48, 0, 7, 0, 0) "exit;" ::: "memory"); /* r0 = *(u16 *)skb[r7] */
}

TC_ASM(ld_abs_r6_not_ctx)
{
	asm volatile("r6 = 0; r0 = *(u8 *)skb[12]; exit;" ::: "memory");
}

TC_ASM(ld_abs_r6_uninit)
{
	asm volatile("r0 = *(u8 *)skb[12]; exit;" ::: "memory");
}

TC_ASM(ld_abs_clobbers_r1_r5)
{
	asm volatile("r6 = r1; r2 = 1; r0 = *(u8 *)skb[12]; r0 = r2; exit;" ::: "memory");
}
