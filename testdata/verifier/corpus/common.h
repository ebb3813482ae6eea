/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared definitions of the verifier corpus. Most programs are naked functions whose body is one
 * inline BPF assembly block, so the instructions the verifier sees are exactly the ones written.
 * Labels use the assembler-local ".L" prefix so that they add no symbols to the object.
 */
#ifndef EBPFJVM_VCORPUS_COMMON_H
#define EBPFJVM_VCORPUS_COMMON_H

#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>

/* tcx verdicts (enum tcx_action_base; the installed uapi headers lack them). */
#define TCX_NEXT -1
#define TCX_PASS 0
#define TCX_DROP 2
#define TCX_REDIRECT 7

/* A tc program whose body is exactly its inline assembly. */
#define TC_ASM(name) SEC("tc") __attribute__((naked)) int name(void)
/* A static bpf-to-bpf subprogram in .text whose body is exactly its inline assembly. */
#define SUB_ASM(name) static __attribute__((naked, noinline, used)) void name(void)

/* Operands for the asm blocks: helper ids, map addresses, constants. */
#define __imm(name) [name] "i"(name)
#define __imm_addr(name) [name] "i"(&name)
#define __imm_const(name, expr) [name] "i"(expr)
/* One raw instruction: opcode, dst, src, off, imm (for encodings the assembler refuses). */
#define RAW_INSN(code, dst, src, off, imm)                                                         \
	".quad " #code " | (" #dst " << 8) | (" #src " << 12) | ((" #off " & 0xffff) << 16) | ((" #imm \
	" & 0xffffffff) << 32);"

char _license[] SEC("license") = "GPL";

#endif /* EBPFJVM_VCORPUS_COMMON_H */
