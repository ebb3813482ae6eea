// SPDX-License-Identifier: GPL-2.0
/* map_value_or_null: dereference only after a NULL check, the check reaching copies of the
 * pointer (same id), pointer arithmetic before the check, and the sk pointer of __sk_buff. */
#include "maps.h"

#define MAPS __imm_addr(hash), __imm(bpf_map_lookup_elem)

SUB_ASM(sub_deref_r1)
{
	asm volatile("r0 = *(u64 *)(r1 + 0); exit;" ::: "memory");
}

TC_ASM(deref_without_null_check)
{
	asm volatile(LOOKUP(hash) "r0 = *(u64 *)(r0 + 0); exit;" :: MAPS : "memory");
}

TC_ASM(write_without_null_check)
{
	asm volatile(LOOKUP(hash) "r1 = 0; *(u64 *)(r0 + 0) = r1; r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(check_eq_zero_accepted)
{
	asm volatile(LOOKUP(hash) "if r0 == 0 goto .L1%=; r0 = *(u64 *)(r0 + 0); .L1%=: exit;" :: MAPS : "memory");
}

TC_ASM(check_ne_zero_accepted)
{
	asm volatile(LOOKUP(hash) "if r0 != 0 goto .L1%=; exit; .L1%=: r0 = *(u64 *)(r0 + 0); exit;" :: MAPS : "memory");
}

TC_ASM(deref_on_null_branch)
{
	asm volatile(LOOKUP(hash) "if r0 != 0 goto .L1%=; r0 = *(u64 *)(r0 + 0); .L1%=: r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(copy_before_check_accepted)
{
	asm volatile(LOOKUP(hash) "r6 = r0; if r0 == 0 goto .L1%=; r0 = *(u64 *)(r6 + 8); .L1%=: exit;" :: MAPS : "memory");
}

TC_ASM(copy_checked_original_used_accepted)
{
	asm volatile(LOOKUP(hash) "r6 = r0; if r6 == 0 goto .L1%=; r0 = *(u64 *)(r0 + 8); .L1%=: exit;" :: MAPS : "memory");
}

TC_ASM(arith_before_null_check)
{
	asm volatile(LOOKUP(hash) "r0 += 8; if r0 == 0 goto .L1%=; r0 = *(u64 *)(r0 + 0); .L1%=: exit;" :: MAPS : "memory");
}

TC_ASM(check_against_register_holding_zero)
{
	asm volatile(LOOKUP(hash) "r1 = 0; if r0 == r1 goto .L1%=; r0 = *(u64 *)(r0 + 0); .L1%=: exit;" :: MAPS : "memory");
}

TC_ASM(check_against_nonzero_constant)
{
	asm volatile(LOOKUP(hash) "if r0 == 1 goto .L1%=; r0 = *(u64 *)(r0 + 0); .L1%=: r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(check_32bit_subregister_only)
{
	asm volatile(LOOKUP(hash) "if w0 == 0 goto .L1%=; r0 = *(u64 *)(r0 + 0); .L1%=: r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(check_lost_after_second_lookup)
{
	/* r6 and the new r0 have different ids: checking r0 says nothing about r6 */
	asm volatile(LOOKUP(hash) "r6 = r0;" LOOKUP(hash)
		     "if r0 == 0 goto .L1%=; r0 = *(u64 *)(r6 + 0); .L1%=: r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(checked_pointer_passed_to_subprog_accepted)
{
	asm volatile(LOOKUP(hash) "if r0 == 0 goto .L1%=; r1 = r0; call sub_deref_r1; .L1%=: r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(unchecked_pointer_passed_to_subprog)
{
	asm volatile(LOOKUP(hash) "r1 = r0; call sub_deref_r1; r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(or_null_compared_with_pointer_accepted)
{
	/* privileged pointer comparison; no NULL knowledge gained, no dereference */
	asm volatile(LOOKUP(hash) "r1 = r10; if r0 > r1 goto .L1%=; .L1%=: r0 = 0; exit;" :: MAPS : "memory");
}

TC_ASM(sk_deref_without_check)
{
	asm volatile("r2 = *(u64 *)(r1 + 168); r0 = *(u32 *)(r2 + 4); exit;" ::: "memory");
}

TC_ASM(sk_checked_then_read_family_accepted)
{
	asm volatile("r2 = *(u64 *)(r1 + 168); r0 = 0; if r2 == 0 goto .L1%=; r0 = *(u32 *)(r2 + 4); .L1%=: exit;" ::: "memory");
}

TC_ASM(sk_checked_then_write)
{
	asm volatile("r2 = *(u64 *)(r1 + 168); r0 = 0; if r2 == 0 goto .L1%=; r3 = 0; *(u32 *)(r2 + 4) = r3; .L1%=: exit;" ::: "memory");
}
