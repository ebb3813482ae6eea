// Redirects, hashes, packet type, ECN, byte loads and stores, string helpers, bpf_loop and the
// environment helpers, each in its own program; results in .bss, arguments in .rodata.
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

const volatile __u32 arg_ifindex = 1;
const volatile __u64 arg_flags = 0;
const volatile __u32 arg_u32 = 0;
const volatile __u32 arg_offset = 0;

__s64 rc[16];
__u32 val[16];
char text[64];

SEC("tc")
int redirect(struct __sk_buff *skb)
{
	return bpf_redirect(arg_ifindex, arg_flags);
}

SEC("tc")
int redirect_peer(struct __sk_buff *skb)
{
	return bpf_redirect_peer(arg_ifindex, arg_flags);
}

SEC("tc")
int clone_redirect(struct __sk_buff *skb)
{
	rc[0] = bpf_clone_redirect(skb, arg_ifindex, arg_flags);
	return TC_ACT_OK;
}

SEC("tc")
int hash(struct __sk_buff *skb)
{
	val[0] = skb->hash;
	rc[0] = bpf_set_hash(skb, 0x1234);
	val[1] = skb->hash;
	val[2] = bpf_get_hash_recalc(skb);
	bpf_set_hash_invalid(skb);
	val[3] = skb->hash;
	val[4] = bpf_get_hash_recalc(skb) != 0;
	val[5] = skb->hash == bpf_get_hash_recalc(skb);
	return TC_ACT_OK;
}

SEC("tc")
int change_type(struct __sk_buff *skb)
{
	rc[0] = bpf_skb_change_type(skb, arg_u32);
	val[0] = skb->pkt_type;
	return TC_ACT_OK;
}

SEC("tc")
int ecn(struct __sk_buff *skb)
{
	rc[0] = bpf_skb_ecn_set_ce(skb);
	rc[1] = bpf_skb_ecn_set_ce(skb);
	return TC_ACT_OK;
}

SEC("tc")
int bytes(struct __sk_buff *skb)
{
	__u8 buf[8] = {0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8};

	rc[0] = bpf_skb_store_bytes(skb, arg_offset, buf, 8, arg_flags);
	rc[1] = bpf_skb_load_bytes(skb, arg_offset + 4, buf, 8);
	__builtin_memcpy(&val[0], buf, 8);
	rc[2] = bpf_skb_load_bytes_relative(skb, arg_offset, buf, 4, BPF_HDR_START_MAC);
	__builtin_memcpy(&val[2], buf, 4);
	rc[3] = bpf_skb_load_bytes_relative(skb, arg_offset, buf, 4, BPF_HDR_START_NET);
	__builtin_memcpy(&val[3], buf, 4);
	rc[4] = bpf_skb_load_bytes_relative(skb, 0, buf, 4, 7);
	rc[5] = bpf_skb_pull_data(skb, arg_offset);
	val[4] = skb->hash;
	return TC_ACT_OK;
}

SEC("tc")
int strings(struct __sk_buff *skb)
{
	char s1[] = "  -1234xyz";
	char s2[] = "0x1fZ";
	char s3[] = "0777";
	char s4[] = "99999999999999999999";
	char s5[] = "   ";
	long l = 0;
	unsigned long u = 0;
	__u64 args[5] = {skb->len, 0xffffffffffffff85ULL, 0xabc, 7, 0x1122334455ULL};
	static const char fmt[] = "len=%u neg=%d %05x|%-4d|%llx %%";

	rc[0] = bpf_strtol(s1, sizeof(s1), 0, &l);
	val[0] = l;
	rc[1] = bpf_strtoul(s1, sizeof(s1), 0, &u);
	rc[2] = bpf_strtoul(s2, sizeof(s2), 0, &u);
	val[1] = u;
	rc[3] = bpf_strtoul(s2, sizeof(s2), 16, &u);
	rc[4] = bpf_strtol(s3, sizeof(s3), 0, &l);
	val[2] = l;
	rc[5] = bpf_strtol(s3, 2, 10, &l);
	val[3] = l;
	rc[6] = bpf_strtoul(s4, sizeof(s4), 10, &u);
	rc[7] = bpf_strtol(s1, sizeof(s1), 7, &l);
	rc[8] = bpf_strtol(s5, sizeof(s5), 0, &l);
	rc[9] = bpf_snprintf(text, sizeof(text), fmt, args, sizeof(args));
	rc[10] = bpf_snprintf(text, 8, "%s!", args, 8);
	rc[12] = bpf_trace_printk("x=%d\n", 6, skb->len);
	rc[13] = bpf_trace_printk("bad %q\n", 8, 1);
	rc[14] = bpf_snprintf(text + 40, 20, "%pI4 %c", args, 16);
	return TC_ACT_OK;
}

struct loop_ctx {
	__u32 sum;
	__u32 stop;
};

static long step(__u32 i, void *data)
{
	struct loop_ctx *c = data;

	c->sum += i;
	return i == c->stop;
}

SEC("tc")
int loop(struct __sk_buff *skb)
{
	struct loop_ctx c = {0, arg_u32};

	rc[0] = bpf_loop(10, step, &c, 0);
	val[0] = c.sum;
	rc[1] = bpf_loop(5, step, &c, arg_flags);
	rc[2] = bpf_loop((1 << 23) + 1, step, &c, 0);
	return TC_ACT_OK;
}

SEC("tc")
int environment(struct __sk_buff *skb)
{
	__u64 t1 = bpf_ktime_get_ns();
	__u64 t2 = bpf_ktime_get_ns();

	val[0] = t2 >= t1 && t1 != 0;
	val[1] = bpf_ktime_get_boot_ns() >= t1;
	val[2] = bpf_ktime_get_coarse_ns() != 0;
	val[3] = bpf_get_numa_node_id();
	val[4] = bpf_get_cgroup_classid(skb);
	val[5] = bpf_get_route_realm(skb);
	val[6] = bpf_get_smp_processor_id() < 4096;
	bpf_get_prandom_u32();
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
