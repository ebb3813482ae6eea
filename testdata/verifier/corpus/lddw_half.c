// SPDX-License-Identifier: GPL-2.0
/* An lddw whose second slot has an opcode in an object of its own: the whole code section fails to decode, so the object
 * reader refuses the object, and the program's verdict is that refusal (the kernel, which gets the
 * program from libbpf, refuses it in its verifier). Kept apart so that it does not take the
 * programs of structure.c down with it. */
#include "common.h"

TC_ASM(lddw_second_half_nonzero_opcode)
{
	asm volatile(RAW_INSN(0x18, 0, 0, 0, 1) RAW_INSN(0xb7, 0, 0, 0, 0) "exit;" ::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
