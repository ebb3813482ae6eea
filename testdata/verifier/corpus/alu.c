// SPDX-License-Identifier: GPL-2.0
/* ALU and atomic instructions: encodings the verifier accepts, cpu v4 instructions written as raw
 * encodings (sdiv/smod, movsx, ldsx, bswap, gotol), atomics on each memory kind. -mcpu=v3. */
#include "maps.h"

TC_ASM(alu64_all_ops_accepted)
{
	asm volatile("r0 = 7; r1 = 3; r0 += r1; r0 -= 1; r0 *= r1; r0 /= 2;" RAW_INSN(0x97, 0, 0, 0, 5) "r0 |= 8; r0 &= 15;"
		     "r0 ^= r1; r0 <<= 2; r0 >>= 1; r0 s>>= 1; r0 = -r0; r0 = be32 r0; r0 = le64 r0; exit;" ::: "memory");
}

TC_ASM(alu32_all_ops_accepted)
{
	asm volatile("w0 = 7; w1 = 3; w0 += w1; w0 -= 1; w0 *= w1; w0 /= 2;" RAW_INSN(0x94, 0, 0, 0, 5) "w0 |= 8; w0 &= 15;"
		     "w0 ^= w1; w0 <<= 2; w0 >>= 1; w0 s>>= 1; w0 = -w0; exit;" ::: "memory");
}

TC_ASM(sdiv_v4_accepted)
{
	asm volatile("r0 = -7;" RAW_INSN(0x37, 0, 0, 1, 2) "exit;" ::: "memory"); /* r0 s/= 2 */
}

TC_ASM(smod_v4_accepted)
{
	asm volatile("r0 = -7; r1 = 3;" RAW_INSN(0x9f, 0, 1, 1, 0) "exit;" ::: "memory"); /* r0 s%= r1 */
}

TC_ASM(sdiv_offset_2_reserved)
{
	asm volatile("r0 = -7;" RAW_INSN(0x37, 0, 0, 2, 2) "exit;" ::: "memory");
}

TC_ASM(sdiv_by_zero_immediate)
{
	asm volatile("r0 = -7;" RAW_INSN(0x37, 0, 0, 1, 0) "exit;" ::: "memory");
}

TC_ASM(movsx8_v4_accepted)
{
	asm volatile("r1 = 0xff;" RAW_INSN(0xbf, 0, 1, 8, 0) "exit;" ::: "memory"); /* r0 = (s8)r1 */
}

TC_ASM(movsx32_alu32_v4_accepted)
{
	asm volatile("r1 = 0xff;" RAW_INSN(0xbc, 0, 1, 16, 0) "exit;" ::: "memory"); /* w0 = (s16)w1 */
}

TC_ASM(movsx_offset_24_reserved)
{
	asm volatile("r1 = 0xff;" RAW_INSN(0xbf, 0, 1, 24, 0) "exit;" ::: "memory");
}

TC_ASM(movsx32_from_32_reserved)
{
	asm volatile("r1 = 0xff;" RAW_INSN(0xbc, 0, 1, 32, 0) "exit;" ::: "memory");
}

TC_ASM(ldsx_byte_from_stack_v4_accepted)
{
	asm volatile("r1 = 0x80; *(u8 *)(r10 - 1) = r1;" RAW_INSN(0x91, 0, 10, -1, 0) "exit;" ::: "memory"); /* r0 = *(s8 *)(r10 - 1) */
}

TC_ASM(ldsx_dword_mode_invalid)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 8) = r1;" RAW_INSN(0x99, 0, 10, -8, 0) "exit;" ::: "memory");
}

TC_ASM(ldsx_from_ctx_field_accepted)
{
	asm volatile(RAW_INSN(0x89, 0, 1, 8, 0) "exit;" ::: "memory"); /* r0 = *(s16 *)(r1 + 8): mark */
}

TC_ASM(bswap64_v4_accepted)
{
	asm volatile("r0 = 1;" RAW_INSN(0xd7, 0, 0, 0, 64) "exit;" ::: "memory"); /* r0 = bswap64 r0 */
}

TC_ASM(bswap_width_24_invalid)
{
	asm volatile("r0 = 1;" RAW_INSN(0xd7, 0, 0, 0, 24) "exit;" ::: "memory");
}

TC_ASM(gotol_v4_accepted)
{
	/* if len == 0 goto +1; gotol +1; r0 = 1; exit */
	asm volatile("r0 = 0; r2 = *(u32 *)(r1 + 0); if r2 == 0 goto +1;" RAW_INSN(0x06, 0, 0, 0, 1) "r0 = 1; exit;" ::: "memory");
}

TC_ASM(gotol_out_of_range)
{
	asm volatile("r0 = 0;" RAW_INSN(0x06, 0, 0, 0, 100) "exit;" ::: "memory");
}

TC_ASM(jmp32_ja_with_offset_reserved)
{
	asm volatile("r0 = 0;" RAW_INSN(0x06, 0, 0, 1, 0) "exit;" ::: "memory");
}

/* --- atomics (raw encodings: clang 14 has no assembler syntax for the fetch forms) --------------------------------------------------------------------------------- */

TC_ASM(atomic_fetch_add_stack_accepted)
{
	asm volatile("r1 = 5; *(u64 *)(r10 - 8) = r1; r0 = 1;" RAW_INSN(0xdb, 10, 0, -8, 0x01) "exit;" ::: "memory");
}

TC_ASM(atomic_xchg_stack_accepted)
{
	asm volatile("r1 = 5; *(u64 *)(r10 - 8) = r1; r0 = 1;" RAW_INSN(0xdb, 10, 0, -8, 0xe1) "exit;" ::: "memory");
}

TC_ASM(atomic_cmpxchg_stack_accepted)
{
	asm volatile("r1 = 5; *(u64 *)(r10 - 8) = r1; r0 = 5; r1 = 6;" RAW_INSN(0xdb, 10, 1, -8, 0xf1) "exit;" ::: "memory");
}

TC_ASM(atomic_cmpxchg_r0_uninit)
{
	asm volatile("r1 = 5; *(u64 *)(r10 - 8) = r1; r1 = 6;" RAW_INSN(0xdb, 10, 1, -8, 0xf1) "exit;" ::: "memory");
}

TC_ASM(atomic_fetch_or_32_stack_accepted)
{
	asm volatile("r1 = 5; *(u64 *)(r10 - 8) = r1; w0 = 2;" RAW_INSN(0xc3, 10, 0, -8, 0x41) "exit;" ::: "memory");
}

TC_ASM(atomic_u16_size_invalid)
{
	asm volatile("r1 = 5; *(u64 *)(r10 - 8) = r1; r1 = 1;" RAW_INSN(0xcb, 10, 1, -8, 0) "r0 = 0; exit;" ::: "memory");
}

TC_ASM(atomic_unknown_op)
{
	asm volatile("r1 = 5; *(u64 *)(r10 - 8) = r1; r1 = 1;" RAW_INSN(0xdb, 10, 1, -8, 0x10) "r0 = 0; exit;" ::: "memory");
}

TC_ASM(atomic_on_packet)
{
	asm volatile("r2 = *(u32 *)(r1 + 76); r3 = *(u32 *)(r1 + 80); r4 = r2; r4 += 8; if r4 > r3 goto .L1%=;"
		     "r1 = 1; lock *(u64 *)(r2 + 0) += r1; .L1%=: r0 = 0; exit;" ::: "memory");
}

TC_ASM(atomic_on_uninit_stack_privileged_accepted)
{
	asm volatile("r1 = 1; lock *(u64 *)(r10 - 8) += r1; r0 = 0; exit;" ::: "memory");
}

TC_ASM(atomic_fetch_add_on_map_value_accepted)
{
	asm volatile(LOOKUP_CHECKED(hash) "r1 = 1;" RAW_INSN(0xdb, 0, 1, 8, 0x01) "r0 = r1; exit;" OUT
		     :: __imm_addr(hash), __imm(bpf_map_lookup_elem) : "memory");
}

TC_ASM(atomic_on_spilled_pointer_slot_accepted)
{
	/* an atomic add on a slot holding a spilled pointer */
	asm volatile("*(u64 *)(r10 - 8) = r1; r1 = 1; lock *(u64 *)(r10 - 8) += r1; r0 = 0; exit;" ::: "memory");
}
