// SPDX-License-Identifier: GPL-2.0
/*
 * Rejected: reads a Kconfig extern (__kconfig), which libbpf resolves from the running kernel.
 * ebpf-jvm has no kernel configuration to offer and must say so naming the symbol.
 */
#include "common.h"

extern int LINUX_KERNEL_VERSION __kconfig;

SEC("tc")
int kconfig_reader(struct __sk_buff *skb)
{
	return LINUX_KERNEL_VERSION > 0x060000 ? TC_ACT_OK : TC_ACT_SHOT;
}

char LICENSE[] SEC("license") = "GPL";
