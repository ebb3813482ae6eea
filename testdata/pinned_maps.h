/* SPDX-License-Identifier: GPL-2.0 */
/* The maps pinned_ingress.c and pinned_egress.c share by name. */
#ifndef EBPFJVM_TESTDATA_PINNED_MAPS_H
#define EBPFJVM_TESTDATA_PINNED_MAPS_H

struct host_stats {
	__u64 ingress_packets;
	__u64 egress_packets;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __be32);
	__type(value, struct host_stats);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} shared_hosts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __be32);
	__type(value, __u8);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} shared_blocklist SEC(".maps");

#endif /* EBPFJVM_TESTDATA_PINNED_MAPS_H */
