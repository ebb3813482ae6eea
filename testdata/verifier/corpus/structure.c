// SPDX-License-Identifier: GPL-2.0
/* Structural checks: instruction encodings, jump targets, reachability, program end, r10,
 * per-frame and combined stack size, call depth. */
#include "common.h"

/* --- encodings ------------------------------------------------------------------------------ */

TC_ASM(opcode_alu64_0xf0_unknown)
{
	asm volatile(RAW_INSN(0xff, 0, 0, 0, 0) "r0 = 0; exit;" ::: "memory");
}

TC_ASM(opcode_jmp_0xf0_unknown)
{
	asm volatile("r0 = 0;" RAW_INSN(0xf5, 0, 0, 0, 0) "exit;" ::: "memory");
}

TC_ASM(opcode_class_ld_mode_0x80_unknown)
{
	asm volatile(RAW_INSN(0x80, 0, 0, 0, 0) "r0 = 0; exit;" ::: "memory");
}

TC_ASM(mov_imm_with_src_reg_reserved)
{
	asm volatile(RAW_INSN(0xb7, 0, 1, 0, 0) "exit;" ::: "memory");
}

TC_ASM(mov_imm_with_offset_reserved)
{
	asm volatile(RAW_INSN(0xb7, 0, 0, 1, 0) "exit;" ::: "memory");
}

TC_ASM(add_reg_with_imm_reserved)
{
	asm volatile("r0 = 0;" RAW_INSN(0x0f, 0, 1, 0, 7) "exit;" ::: "memory");
}

TC_ASM(exit_with_imm_reserved)
{
	asm volatile("r0 = 0;" RAW_INSN(0x95, 0, 0, 0, 1) ::: "memory");
}

TC_ASM(ja_with_src_reg_reserved)
{
	asm volatile("r0 = 0;" RAW_INSN(0x05, 0, 1, 0, 0) "exit;" ::: "memory");
}

TC_ASM(ldx_with_imm_reserved)
{
	asm volatile("r0 = 0;" RAW_INSN(0x61, 2, 1, 0, 5) "exit;" ::: "memory");
}

TC_ASM(st_with_src_reg_reserved)
{
	asm volatile("r0 = 0;" RAW_INSN(0x7a, 10, 1, -8, 0) "exit;" ::: "memory");
}

TC_ASM(neg_with_imm_reserved)
{
	asm volatile("r0 = 0;" RAW_INSN(0x87, 0, 0, 0, 1) "exit;" ::: "memory");
}

TC_ASM(lddw_unknown_pseudo_src)
{
	asm volatile(RAW_INSN(0x18, 0, 7, 0, 1) RAW_INSN(0, 0, 0, 0, 0) "exit;" ::: "memory");
}

TC_ASM(lddw_with_offset_reserved)
{
	asm volatile(RAW_INSN(0x18, 0, 0, 3, 1) RAW_INSN(0, 0, 0, 0, 0) "exit;" ::: "memory");
}

TC_ASM(jeq_reg_with_imm_reserved)
{
	asm volatile("r0 = 0;" RAW_INSN(0x1d, 1, 1, 0, 5) "exit;" ::: "memory");
}

TC_ASM(jmp32_jeq_reg_with_offset_out_of_range)
{
	asm volatile("r0 = 0;" RAW_INSN(0x1e, 1, 1, 9, 0) "exit;" ::: "memory");
}

TC_ASM(call_with_dst_reg_reserved)
{
	asm volatile(RAW_INSN(0x85, 1, 0, 0, 7) "r0 = 0; exit;" ::: "memory");
}

TC_ASM(call_with_offset_reserved)
{
	asm volatile(RAW_INSN(0x85, 0, 0, 1, 7) "r0 = 0; exit;" ::: "memory");
}

TC_ASM(lddw_map_fd_not_a_map)
{
	asm volatile(RAW_INSN(0x18, 1, 1, 0, 12345) RAW_INSN(0, 0, 0, 0, 0) "r0 = 0; exit;" ::: "memory");
}

TC_ASM(lddw_64bit_constant_accepted)
{
	asm volatile("r0 = 0x123456789abcdef0 ll; r0 >>= 60; exit;" ::: "memory");
}

/* --- jumps -------------------------------------------------------------------------------- */

TC_ASM(ja_forward_out_of_range)
{
	asm volatile("r0 = 0; goto +5; exit;" ::: "memory");
}

TC_ASM(ja_backward_before_start)
{
	asm volatile("r0 = 0; goto -3; exit;" ::: "memory");
}

TC_ASM(jeq_forward_out_of_range)
{
	asm volatile("r0 = 0; if r1 == 0 goto +2; exit;" ::: "memory");
}

TC_ASM(jump_to_last_insn_accepted)
{
	asm volatile("r0 = 0; if r1 == 0 goto +1; r0 = 1; exit;" ::: "memory");
}

TC_ASM(jump_into_middle_of_lddw)
{
	asm volatile("r0 = 0; if r1 == 0 goto +1; r0 = 0x1122334455 ll; exit;" ::: "memory");
}

TC_ASM(jump_over_lddw_accepted)
{
	asm volatile("r0 = 0; if r1 == 0 goto +2; r0 = 0x1122334455 ll; exit;" ::: "memory");
}

TC_ASM(jump_to_self_ja_minus_one)
{
	asm volatile("r0 = 0; goto -1; exit;" ::: "memory");
}

/* --- reachability and program end --------------------------------------------------------- */

TC_ASM(unreachable_after_exit)
{
	asm volatile("r0 = 0; exit; r0 = 1; exit;" ::: "memory");
}

TC_ASM(unreachable_skipped_by_ja)
{
	asm volatile("r0 = 0; goto +1; r0 = 1; exit;" ::: "memory");
}

TC_ASM(dead_branch_still_reachable_in_cfg_accepted)
{
	/* The verifier prunes the fall-through at run time, but the CFG reaches it: accepted. */
	asm volatile("r0 = 0; if r0 == 0 goto +1; r0 = 1; exit;" ::: "memory");
}

TC_ASM(falls_off_end_no_exit)
{
	asm volatile("r0 = 0; r0 += 1;" ::: "memory");
}

TC_ASM(ends_with_conditional_jump)
{
	asm volatile("r0 = 0; exit; if r1 == 0 goto -2;" ::: "memory");
}

TC_ASM(ends_with_ja_back_to_exit_accepted)
{
	asm volatile("r0 = 0; goto +1; exit; goto -2;" ::: "memory");
}

/* --- r10 ---------------------------------------------------------------------------------- */

TC_ASM(write_r10_mov_imm)
{
	asm volatile("r10 = 0; r0 = 0; exit;" ::: "memory");
}

TC_ASM(write_r10_add)
{
	asm volatile("r10 += -8; r0 = 0; exit;" ::: "memory");
}

TC_ASM(write_r10_ldx)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 8) = r1; r10 = *(u64 *)(r10 - 8); r0 = 0; exit;" ::: "memory");
}

TC_ASM(write_r10_alu32)
{
	asm volatile("w10 = 0; r0 = 0; exit;" ::: "memory");
}

TC_ASM(read_r10_copy_accepted)
{
	asm volatile("r2 = r10; r2 += -8; r1 = 0; *(u64 *)(r2 + 0) = r1; r0 = 0; exit;" ::: "memory");
}

/* --- stack size per frame ----------------------------------------------------------------- */

TC_ASM(stack_write_at_minus_512_accepted)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 512) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(stack_write_at_minus_520)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 520) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(stack_write_at_minus_513_byte)
{
	asm volatile("r1 = 0; *(u8 *)(r10 - 513) = r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(stack_write_above_frame)
{
	asm volatile("r1 = 0; *(u64 *)(r10 + 0) = r1; r0 = 0; exit;" ::: "memory");
}

/* --- call depth and combined stack -------------------------------------------------------- */

SUB_ASM(depth8)
{
	asm volatile("r0 = 0; exit;" ::: "memory");
}
SUB_ASM(depth7)
{
	asm volatile("call depth8; exit;" ::: "memory");
}
SUB_ASM(depth6)
{
	asm volatile("call depth7; exit;" ::: "memory");
}
SUB_ASM(depth5)
{
	asm volatile("call depth6; exit;" ::: "memory");
}
SUB_ASM(depth4)
{
	asm volatile("call depth5; exit;" ::: "memory");
}
SUB_ASM(depth3)
{
	asm volatile("call depth4; exit;" ::: "memory");
}
SUB_ASM(depth2)
{
	asm volatile("call depth3; exit;" ::: "memory");
}
SUB_ASM(depth1)
{
	asm volatile("call depth2; exit;" ::: "memory");
}

TC_ASM(call_depth_8_frames_accepted)
{
	/* main + depth2..depth8 = 8 frames */
	asm volatile("call depth2; exit;" ::: "memory");
}

TC_ASM(call_depth_9_frames)
{
	asm volatile("call depth1; exit;" ::: "memory");
}

SUB_ASM(stack256)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 256) = r1; r0 = 0; exit;" ::: "memory");
}
SUB_ASM(stack288)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 288) = r1; r0 = 0; exit;" ::: "memory");
}
SUB_ASM(stack128_calls_stack256)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 128) = r1; call stack256; exit;" ::: "memory");
}

TC_ASM(combined_stack_256_plus_256_accepted)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 256) = r1; call stack256; exit;" ::: "memory");
}

TC_ASM(combined_stack_256_plus_288)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 256) = r1; call stack288; exit;" ::: "memory");
}

TC_ASM(combined_stack_three_frames_too_large)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 160) = r1; call stack128_calls_stack256; exit;" ::: "memory");
}

TC_ASM(combined_stack_two_callees_each_fit_accepted)
{
	/* each call chain alone fits: 224 + 288 = 512 and 224 + 256 */
	asm volatile("r1 = 0; *(u64 *)(r10 - 224) = r1; call stack288; call stack256; exit;" ::: "memory");
}

SUB_ASM(sub_no_exit)
{
	asm volatile("r0 = 0; r0 += 1;" ::: "memory");
}

TC_ASM(subprog_falls_off_end)
{
	asm volatile("call sub_no_exit; exit;" ::: "memory");
}

SUB_ASM(sub_simple)
{
	asm volatile("r0 = 1; exit;" ::: "memory");
}

TC_ASM(jump_from_main_into_subprog)
{
	/* the subprogram is appended right after main's 3 instructions */
	asm volatile("call sub_simple; if r0 == 1 goto +1; exit;" ::: "memory");
}

TC_ASM(call_subprog_accepted)
{
	asm volatile("call sub_simple; exit;" ::: "memory");
}
