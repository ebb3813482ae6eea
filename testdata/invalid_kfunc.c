// SPDX-License-Identifier: GPL-2.0
/*
 * Rejected: calls a kernel function (kfunc, an extern __ksym), which only the kernel can
 * resolve by BTF id. ebpf-jvm must reject the call naming the symbol.
 */
#include "common.h"

extern void bpf_rcu_read_lock(void) __ksym;
extern void bpf_rcu_read_unlock(void) __ksym;

SEC("tc")
int kfunc_caller(struct __sk_buff *skb)
{
	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
