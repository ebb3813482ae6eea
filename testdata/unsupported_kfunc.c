// SPDX-License-Identifier: GPL-2.0
/*
 * An xdp program that calls kernel functions (kfuncs, externs that only the kernel resolves) beside
 * a tc program that does not: the object still reads, the xdp program as unsupported, and the tc
 * one loads and runs. (invalid_kfunc is the same call in a tc program, which must be rejected.)
 */
#include "common.h"

extern void bpf_rcu_read_lock(void) __ksym;
extern void bpf_rcu_read_unlock(void) __ksym;

SEC("xdp")
int xdp_locked(struct xdp_md *ctx)
{
	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
	return XDP_PASS;
}

SEC("tc")
int tc_plain(struct __sk_buff *skb)
{
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
