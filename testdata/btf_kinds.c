// SPDX-License-Identifier: GPL-2.0
/*
 * BTF coverage: globals and a subprogram whose types need every BTF kind clang 14 emits: ENUM
 * (signed and unsigned), FLOAT, bitfield members (kind_flag), UNION, DECL_TAG on a struct, a member
 * and a parameter, TYPE_TAG on a pointer, RESTRICT, CONST and VOLATILE. The program itself only
 * counts packets by length class in a .bss array and returns the class.
 */
#include "common.h"

#define __tag(x) __attribute__((btf_decl_tag(x)))
#define __user __attribute__((btf_type_tag("user")))

enum colour { RED, GREEN = 5, BLUE = 0x7fffffff };
enum delta { DOWN = -1, SAME = 0, UP = 1 };

struct tagged {
	int a __tag("member_tag");
	unsigned int low : 3;
	unsigned int high : 5;
	union {
		__u32 word;
		__u8 bytes[4];
	} raw;
} __tag("struct_tag");

enum colour favourite_colour = GREEN;
enum delta last_delta = DOWN;
float ratio = 1.5f;
double precise = 2.25;
struct tagged tagged_value = { .a = 1, .low = 2, .high = 3, .raw = { .word = 0x01020304 } };
int __user *user_pointer;
__u64 length_classes[4];

static __noinline int classify(const volatile __u32 *restrict len __tag("param_tag"), __u32 limit)
{
	if (!len)
		return 0;
	return *len > limit ? 2 : *len > limit / 4 ? 1 : 0;
}

SEC("tc")
int btf_kinds(struct __sk_buff *skb)
{
	volatile __u32 len = skb->len;
	int cls = classify(&len, 1000);

	if (cls >= 0 && cls < 4)
		length_classes[cls]++;
	return cls;
}

char LICENSE[] SEC("license") = "GPL";
