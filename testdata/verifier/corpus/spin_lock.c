// SPDX-License-Identifier: GPL-2.0
/* bpf_spin_lock: taken on the lock field of a map value whose BTF has one, released before exit,
 * no helper or function call while held, one lock at a time, no direct access to the lock. */
#include "common.h"

struct locked {
	struct bpf_spin_lock lock;
	__u32 val;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct locked);
} locks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} no_lock SEC(".maps");

#define L __imm_addr(locks), __imm_addr(no_lock), __imm(bpf_map_lookup_elem), __imm(bpf_spin_lock), \
	  __imm(bpf_spin_unlock), __imm(bpf_get_prandom_u32)
/* r6 = lookup(&MAP, &0) or exit 0 */
#define GET(map)                                                                                   \
	"r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = %[" #map "] ll;"               \
	"call %[bpf_map_lookup_elem]; if r0 == 0 goto .Lout%=; r6 = r0;"
#define LOCK "r1 = r6; call %[bpf_spin_lock];"
#define UNLOCK "r1 = r6; call %[bpf_spin_unlock];"
#define OUT ".Lout%=: r0 = 0; exit;"

SUB_ASM(sub_returns_zero)
{
	asm volatile("r0 = 0; exit;" ::: "memory");
}

TC_ASM(lock_unlock_accepted)
{
	asm volatile(GET(locks) LOCK UNLOCK OUT :: L : "memory");
}

TC_ASM(write_value_under_lock_accepted)
{
	asm volatile(GET(locks) LOCK "r1 = 1; *(u32 *)(r6 + 4) = r1;" UNLOCK OUT :: L : "memory");
}

TC_ASM(exit_while_locked)
{
	asm volatile(GET(locks) LOCK OUT :: L : "memory");
}

TC_ASM(unlock_on_one_path_only)
{
	asm volatile(GET(locks) LOCK "r1 = *(u32 *)(r6 + 4); if r1 == 0 goto .Lout%=;" UNLOCK OUT :: L : "memory");
}

TC_ASM(helper_call_while_locked)
{
	asm volatile(GET(locks) LOCK "call %[bpf_get_prandom_u32];" UNLOCK OUT :: L : "memory");
}

TC_ASM(static_subprog_call_while_locked_accepted)
{
	asm volatile(GET(locks) LOCK "call sub_returns_zero;" UNLOCK OUT :: L : "memory");
}

TC_ASM(unlock_without_lock)
{
	asm volatile(GET(locks) UNLOCK OUT :: L : "memory");
}

TC_ASM(lock_twice_is_a_call_while_locked)
{
	asm volatile(GET(locks) LOCK LOCK UNLOCK OUT :: L : "memory");
}

TC_ASM(lock_map_without_spin_lock)
{
	asm volatile(GET(no_lock) LOCK UNLOCK OUT :: L : "memory");
}

TC_ASM(lock_at_wrong_offset)
{
	asm volatile(GET(locks) "r1 = r6; r1 += 4; call %[bpf_spin_lock];" UNLOCK OUT :: L : "memory");
}

TC_ASM(lock_stack_pointer)
{
	asm volatile("r1 = r10; r1 += -8; call %[bpf_spin_lock]; r0 = 0; exit;" :: L : "memory");
}

TC_ASM(lock_unchecked_lookup)
{
	asm volatile("r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = %[locks] ll;"
		     "call %[bpf_map_lookup_elem]; r6 = r0;" LOCK UNLOCK "r0 = 0; exit;" :: L : "memory");
}

TC_ASM(read_lock_field_directly)
{
	asm volatile(GET(locks) "r0 = *(u32 *)(r6 + 0); exit;" OUT :: L : "memory");
}

TC_ASM(write_lock_field_directly)
{
	asm volatile(GET(locks) "r1 = 0; *(u32 *)(r6 + 0) = r1;" OUT :: L : "memory");
}

TC_ASM(unlock_different_value)
{
	asm volatile(GET(locks) "r7 = r6; r1 = 1; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = %[locks] ll;"
		     "call %[bpf_map_lookup_elem]; if r0 == 0 goto .Lout%=; r6 = r0;"
		     "r1 = r7; call %[bpf_spin_lock];" UNLOCK OUT :: L : "memory");
}

TC_ASM(lock_unlock_in_branch_accepted)
{
	asm volatile(GET(locks) "r1 = *(u32 *)(r6 + 4); if r1 == 0 goto .Lout%=;" LOCK "r1 = 2; *(u32 *)(r6 + 4) = r1;" UNLOCK OUT
		     :: L : "memory");
}
