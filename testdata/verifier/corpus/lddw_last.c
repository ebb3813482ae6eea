// SPDX-License-Identifier: GPL-2.0
/* An lddw cut off at the end of the program in an object of its own: the whole code section fails to decode, so the object
 * reader refuses the object, and the program's verdict is that refusal (the kernel, which gets the
 * program from libbpf, refuses it in its verifier). Kept apart so that it does not take the
 * programs of structure.c down with it. */
#include "common.h"

TC_ASM(lddw_as_last_insn)
{
	asm volatile("r0 = 0; exit;" RAW_INSN(0x18, 0, 0, 0, 1) ::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
