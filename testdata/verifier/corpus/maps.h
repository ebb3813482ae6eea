/* SPDX-License-Identifier: GPL-2.0 */
/* Maps shared by the map-value, NULL-check and helper corpus files, and the lookup sequence. */
#ifndef EBPFJVM_VCORPUS_MAPS_H
#define EBPFJVM_VCORPUS_MAPS_H

#include "common.h"

/* array of 4 x 32-byte values (u64[4]) */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64[4]);
} arr SEC(".maps");

/* hash: 4-byte key, 16-byte value */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64[2]);
} hash SEC(".maps");

/* hash: 8-byte key, 8-byte value */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u64);
	__type(value, __u64);
} hash8 SEC(".maps");

/* r0 = bpf_map_lookup_elem(&MAP, &(u32){0} at fp-4) */
#define LOOKUP(map)                                                                                \
	"r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = %[" #map "] ll;"               \
	"call %[bpf_map_lookup_elem];"
/* the same, returning to .Lout with r0 = 0 when the lookup fails */
#define LOOKUP_CHECKED(map) LOOKUP(map) "if r0 == 0 goto .Lout%=;"
#define OUT ".Lout%=: r0 = 0; exit;"

#endif /* EBPFJVM_VCORPUS_MAPS_H */
