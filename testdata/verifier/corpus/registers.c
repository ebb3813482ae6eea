// SPDX-License-Identifier: GPL-2.0
/* Register initialisation and the calling conventions: r0 at exit, reads of registers never
 * written, r1-r5 after a helper or bpf-to-bpf call, what a callee sees (r1-r5 only). */
#include "common.h"

/* --- r0 at exit --------------------------------------------------------------------------- */

TC_ASM(r0_unset_at_exit)
{
	asm volatile("exit;" ::: "memory");
}

TC_ASM(r0_set_on_one_path_only)
{
	asm volatile("r2 = *(u32 *)(r1 + 0);"
		     "if r2 == 0 goto .L1%=;"
		     "r0 = 0;"
		     ".L1%=: exit;" ::: "memory");
}

TC_ASM(r0_set_on_both_paths_accepted)
{
	asm volatile("r2 = *(u32 *)(r1 + 0);"
		     "r0 = 1;"
		     "if r2 == 0 goto .L1%=;"
		     "r0 = 0;"
		     ".L1%=: exit;" ::: "memory");
}

TC_ASM(r0_set_by_alu32_accepted)
{
	asm volatile("w0 = 2; exit;" ::: "memory");
}

TC_ASM(r0_is_stack_pointer_at_exit_accepted)
{
	/* privileged: a tc program may return a pointer */
	asm volatile("r0 = r10; exit;" ::: "memory");
}

TC_ASM(r0_is_ctx_pointer_at_exit_accepted)
{
	asm volatile("r0 = r1; exit;" ::: "memory");
}

/* --- reads of uninitialised registers ----------------------------------------------------- */

TC_ASM(uninit_r2_moved)
{
	asm volatile("r0 = r2; exit;" ::: "memory");
}

TC_ASM(uninit_r6_alu_destination)
{
	asm volatile("r6 += 1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(uninit_r9_stored)
{
	asm volatile("*(u64 *)(r10 - 8) = r9; r0 = 0; exit;" ::: "memory");
}

TC_ASM(uninit_r3_as_load_base)
{
	asm volatile("r0 = *(u64 *)(r3 + 0); exit;" ::: "memory");
}

TC_ASM(uninit_r4_compared)
{
	asm volatile("r0 = 0; if r4 > 0 goto .L1%=; r0 = 1; .L1%=: exit;" ::: "memory");
}

TC_ASM(uninit_r7_alu32_source)
{
	asm volatile("w0 = 1; w0 += w7; exit;" ::: "memory");
}

TC_ASM(mov_to_uninit_then_read_accepted)
{
	asm volatile("r7 = 5; r0 = r7; exit;" ::: "memory");
}

TC_ASM(register_r11_is_invalid)
{
	asm volatile(RAW_INSN(0xb7, 11, 0, 0, 0) "r0 = 0; exit;" ::: "memory");
}

TC_ASM(register_r12_source_is_invalid)
{
	asm volatile("r0 = 0;" RAW_INSN(0xbf, 0, 12, 0, 0) "exit;" ::: "memory");
}

/* --- helper calls ------------------------------------------------------------------------- */

TC_ASM(r1_read_after_helper_call)
{
	asm volatile("call %[bpf_get_prandom_u32]; r0 = r1; exit;" :: __imm(bpf_get_prandom_u32) : "memory");
}

TC_ASM(r5_read_after_helper_call)
{
	asm volatile("r5 = 1; call %[bpf_get_prandom_u32]; r0 += r5; exit;" :: __imm(bpf_get_prandom_u32) : "memory");
}

TC_ASM(r3_as_pointer_after_helper_call)
{
	asm volatile("r3 = r10; call %[bpf_get_prandom_u32]; r0 = *(u64 *)(r3 - 8); exit;"
		     :: __imm(bpf_get_prandom_u32) : "memory");
}

TC_ASM(r6_r9_preserved_across_helper_accepted)
{
	asm volatile("r6 = 1; r9 = r1; call %[bpf_get_prandom_u32]; r0 += r6; r2 = *(u32 *)(r9 + 0); exit;"
		     :: __imm(bpf_get_prandom_u32) : "memory");
}

TC_ASM(r0_from_helper_is_scalar_accepted)
{
	asm volatile("call %[bpf_get_prandom_u32]; r0 &= 1; exit;" :: __imm(bpf_get_prandom_u32) : "memory");
}

TC_ASM(helper_ctx_arg_from_r6_accepted)
{
	asm volatile("r6 = r1; call %[bpf_get_prandom_u32]; r1 = r6; call %[bpf_get_hash_recalc]; exit;"
		     :: __imm(bpf_get_prandom_u32), __imm(bpf_get_hash_recalc) : "memory");
}

TC_ASM(helper_ctx_arg_r1_clobbered)
{
	asm volatile("call %[bpf_get_prandom_u32]; call %[bpf_get_hash_recalc]; exit;"
		     :: __imm(bpf_get_prandom_u32), __imm(bpf_get_hash_recalc) : "memory");
}

/* --- bpf-to-bpf calls --------------------------------------------------------------------- */

SUB_ASM(sub_reads_r6)
{
	asm volatile("r0 = r6; exit;" ::: "memory");
}

SUB_ASM(sub_reads_r0)
{
	asm volatile("r0 += 1; exit;" ::: "memory");
}

SUB_ASM(sub_adds_r1_r2)
{
	asm volatile("r0 = r1; r0 += r2; exit;" ::: "memory");
}

SUB_ASM(sub_returns_r5)
{
	asm volatile("r0 = r5; exit;" ::: "memory");
}

SUB_ASM(sub_no_r0)
{
	asm volatile("r1 = 0; exit;" ::: "memory");
}

SUB_ASM(sub_clobbers_r6)
{
	asm volatile("r6 = 7; r0 = 0; exit;" ::: "memory");
}

TC_ASM(callee_reads_callers_r6)
{
	asm volatile("r6 = 1; call sub_reads_r6; exit;" ::: "memory");
}

TC_ASM(callee_reads_uninit_r0)
{
	asm volatile("r0 = 1; call sub_reads_r0; exit;" ::: "memory");
}

TC_ASM(callee_reads_r2_never_set)
{
	asm volatile("r1 = 1; call sub_adds_r1_r2; exit;" ::: "memory");
}

TC_ASM(callee_reads_r1_r2_passed_accepted)
{
	asm volatile("r1 = 1; r2 = 2; call sub_adds_r1_r2; exit;" ::: "memory");
}

TC_ASM(callee_reads_r5_passed_accepted)
{
	asm volatile("r5 = 3; call sub_returns_r5; exit;" ::: "memory");
}

TC_ASM(callee_exits_without_r0)
{
	asm volatile("call sub_no_r0; exit;" ::: "memory");
}

TC_ASM(caller_r1_read_after_subprog_call)
{
	asm volatile("r1 = 1; r5 = 0; call sub_returns_r5; r0 = r1; exit;" ::: "memory");
}

TC_ASM(caller_r6_kept_across_subprog_call_accepted)
{
	asm volatile("r5 = 0; r6 = 1; call sub_clobbers_r6; r0 = r6; exit;" ::: "memory");
}

TC_ASM(caller_r0_is_callee_result_accepted)
{
	asm volatile("r1 = 2; r2 = 3; call sub_adds_r1_r2; r0 -= 5; exit;" ::: "memory");
}
